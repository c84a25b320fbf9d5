import Foundation
import HandoffApp
import HandoffHost
import HandoffModel
import HandoffStore
import HandoffTerminal
import HandoffTerminalTesting
import TestSupport
import Testing

/// `N` with a real editor: a shell script standing in for it, run by the loop on a fake
/// terminal and by the built binary on a pseudo-terminal.
struct EditorTests {
  /// Writes an executable script `name` in `folder` with `body` after the `#!/bin/sh`.
  /// The tests run it as `/bin/sh 'PATH'`, never exec it: a child another test starts
  /// meanwhile may hold the new file open for writing a moment, and exec would then
  /// fail with ETXTBSY (the shell's exit 126).
  func script(_ folder: TemporaryDirectory, _ name: String, _ body: String) throws -> String {
    let path = folder.file(name)
    try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
  }

  /// The notes of a lead in a store's history.
  func notes(_ store: FileStore, _ lead: Int) throws -> [String] {
    try store.history(of: lead).compactMap {
      if case .noteAdded(_, _, let text) = $0.body { return text }
      return nil
    }
  }

  @Test("the loop hands the terminal to the editor on a private file; its words become the note")
  func loopRunsTheEditor() throws {
    let setup = try DashboardLoopTests.Setup()
    let lead = try #require(setup.store.pipeline.leads(of: .stage(.queued), in: 0..<1).first)
    let folder = TemporaryDirectory("handoff-editor")
    let editor = try script(
      folder, "editor.sh",
      """
      for file; do :; done
      ls -ln "$file" | cut -c1-10 > "\(folder.path)/mode"
      printf '%s\\n' "$file" > "\(folder.path)/path"
      printf '%s|' "$@" > "\(folder.path)/arguments"
      printf 'Called the CFO.\\n\\nWants a pilot in Q1.\\n' >> "$file"
      """)
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 160, height: 40), script: [.keys("N"), .keys("q")])
    try setup.run(
      device,
      environment: [
        "EDITOR": "/bin/sh '\(editor)' --wait -u NONE", "TMPDIR": folder.path,
        "PATH": "/usr/bin:/bin",
      ])
    #expect(device.handOvers == 1)
    #expect(try notes(setup.store, lead.id) == ["Called the CFO.\n\nWants a pilot in Q1."])
    // Split as a shell splits it, the file's path one argument after the editor's own.
    let path = try String(contentsOfFile: folder.file("path"), encoding: .utf8)
      .trimmingCharacters(in: .newlines)
    #expect(
      try String(contentsOfFile: folder.file("arguments"), encoding: .utf8)
        == "--wait|-u|NONE|\(path)|")
    #expect(try String(contentsOfFile: folder.file("mode"), encoding: .utf8) == "-rw-------\n")
    #expect(path.hasPrefix(folder.path + "/handoff-note-\(lead.id)-"))
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test(
    "an editor that fails, or leaves the file empty, adds nothing and the status bar says so",
    arguments: [
      ("exit 3", "failed: exit 3: no note added to "),
      ("exec /no/such/editor \"$@\"", "was not found: set VISUAL or EDITOR: no note added to "),
      (":", "the note was left empty: nothing added to "),
      ("printf ' \\n\\n' > \"$1\"", "the note was left empty: nothing added to "),
    ])
  func nothingAdded(body: String, words: String) throws {
    let setup = try DashboardLoopTests.Setup()
    let lead = try #require(setup.store.pipeline.leads(of: .stage(.queued), in: 0..<1).first)
    let folder = TemporaryDirectory("handoff-editor")
    let editor = try script(folder, "ed.sh", body)
    var shown = ""
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 200, height: 40), script: [.keys("N"), .keys("q")])
    device.beforeWait = { shown = $0.lines.last ?? "" }
    try setup.run(device, environment: ["VISUAL": "/bin/sh '\(editor)'", "TMPDIR": folder.path])
    #expect(device.handOvers == 1)
    #expect(try notes(setup.store, lead.id).isEmpty)
    #expect(shown.contains(words + String(lead.id)), "\(shown)")
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(left == ["ed.sh"])
  }

  @Test("end to end on a pseudo-terminal: N gives the terminal to the editor and takes it back")
  func endToEnd() throws {
    let folder = TemporaryDirectory("handoff-pty-editor")
    let path = folder.file("handoff.log")
    let environment = [
      "HANDOFF_USER": "sam", "HOME": folder.path, "TERM": "xterm-256color",
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "TMPDIR": folder.path,
    ]
    let made = runHandoff(
      ["--store", path, "demo", "--leads", "120", "--seed", "5"], environment: environment)
    try #require(made.status == 0, "\(made.stderr)")
    let store = FileStore(path: path, clock: SystemClock(), zones: SystemZones())
    try store.open()
    #expect(!store.pipeline.leads(of: .stage(.queued), in: 0..<1).isEmpty)
    // The editor says it ran on the terminal, records the terminal's modes as it found
    // them, and writes a note of several lines.
    let editor = try script(
      folder, "my editor.sh",
      """
      printf 'EDITOR-RAN\\n'
      stty -a > "\(folder.path)/modes"
      printf 'Long talk with the buyer.\\nBudget in March.\\n' > "$1"
      """)
    var pathEnvironment = environment
    pathEnvironment["VISUAL"] = "/bin/sh '\(editor)'"
    let pty = try PseudoTerminal(
      executable: handoffExecutable(), arguments: ["--store", path],
      environment: pathEnvironment, width: 100, height: 30)
    func logged(_ needle: String) -> Bool {
      ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").contains(needle)
    }
    #expect(pty.read(untilContains: "Handoff queue"))
    let before = pty.output.count
    pty.send("N")
    #expect(
      pty.read(until: { _ in logged("Long talk with the buyer.\\nBudget in March.") }))
    pty.send("q")
    #expect(try #require(pty.waitForExit()) == 0)
    // The editor ran between the screen given back (main screen, cursor shown) and the
    // screen taken again, on a terminal in its usual (cooked) modes.
    let output = String(decoding: pty.output[before...], as: UTF8.self)
    let ran = try #require(output.range(of: "EDITOR-RAN"))
    let left = try #require(output.range(of: "\u{1B}[?1049l"))
    let back = try #require(
      output.range(of: "\u{1B}[?1049h", range: ran.upperBound..<output.endIndex))
    #expect(left.upperBound <= ran.lowerBound && ran.upperBound <= back.lowerBound)
    let modes = try String(contentsOfFile: folder.file("modes"), encoding: .utf8)
    #expect(modes.contains(" icanon") && !modes.contains("-icanon"), "\(modes)")
    #expect(modes.contains(" echo ") && !modes.contains("-echo "), "\(modes)")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(!files.contains { $0.hasPrefix("handoff-note-") }, "\(files)")
    #expect(PseudoTerminal.sameModes(pty.initialModes, pty.modes()))
  }
}
