import Foundation
import HandoffTerminalTesting
import TestSupport
import Testing

/// The real dashboard on a store that is not there yet, on a pseudo-terminal.
struct FirstRunLiveTests {
  @Test("the first-run screen shows, creates nothing, and gives way to the dashboard")
  func firstRun() throws {
    let folder = TemporaryDirectory("handoff-first")
    let path = folder.file("team.jsonl")
    let environment = [
      "HANDOFF_USER": "sam", "HOME": folder.path, "TERM": "xterm-256color",
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
    let pty = try PseudoTerminal(
      executable: handoffExecutable(), arguments: ["--store", path],
      environment: environment, width: 80, height: 24)
    #expect(pty.read(untilContains: "Welcome to Handoff"))
    #expect(pty.read(untilContains: "handoff --demo"))
    #expect(!FileManager.default.fileExists(atPath: path))
    // Another process adds the first member: the dashboard takes over.
    let added = runHandoff(
      ["--store", path, "team", "add", "sam", "--dept", "sales"], environment: environment)
    #expect(added.status == 0, "\(added.stderr)")
    #expect(pty.read(untilContains: "Handoff queue"))
    pty.send("q")
    #expect(try #require(pty.waitForExit()) == 0)
  }
}
