import Foundation
import HandoffTerminal
import HandoffTerminalTesting
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real dashboard on a pseudo-terminal, stopped and continued from outside.
@Suite struct DashboardStopTests {
  @Test(
    "stopped from outside (SIGSTOP), a key typed meanwhile, continued: redrawn at once, the key acted on"
  )
  func stopTypeContinue() throws {
    let folder = TemporaryDirectory("handoff-stop")
    let path = folder.file("store.jsonl")
    let environment = [
      "HANDOFF_USER": "sam", "HOME": folder.path, "TERM": "xterm-256color",
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
    try #require(
      runHandoff(
        ["--store", path, "demo", "--leads", "50", "--seed", "2"], environment: environment
      )
      .status == 0)
    let pty = try PseudoTerminal(
      executable: handoffExecutable(), arguments: ["--store", path], environment: environment,
      width: 100, height: 30)
    func screen(from offset: Int) -> String {
      var model = ScreenModel(width: 100, height: 30) { DisplayWidth.of($0) }
      model.feed(pty.output[offset...])
      return model.lines.joined(separator: "\n")
    }
    #expect(pty.read(untilContains: "Handoff queue"))
    pty.signal(SIGSTOP)
    try #require(pty.waitForStop(), "the dashboard stops")
    // Typed while stopped: it waits in the terminal's input queue.
    pty.send("w")
    let before = pty.output.count
    pty.signal(SIGCONT)
    // No other key follows: the dashboard must redraw in full on its own (a clear, then
    // the whole screen) and show what the key asked for.
    let clear = Array("\u{1B}[2J".utf8)
    #expect(
      pty.read(
        until: { output in
          guard let redraw = output[before...].firstRange(of: clear)?.lowerBound else {
            return false
          }
          return screen(from: redraw).contains("Targets · ")
        }, timeout: .seconds(30)),
      "\(screen(from: before))")
    pty.send("q")
    let status = try #require(pty.waitForExit(timeout: .seconds(60)))
    #expect(PseudoTerminal.exited(status, code: 0))
    #expect(PseudoTerminal.sameModes(pty.initialModes, pty.modes()))
  }
}
