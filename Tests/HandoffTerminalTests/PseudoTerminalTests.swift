import Foundation
import HandoffTerminal
import HandoffTerminalTesting
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

private let width = 60
private let height = 15
private let frameEnd = Array("\u{1B}[?2026l".utf8)
private let restore = "\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l"

/// The screen after replaying output (from `offset`) on a blank model.
private func screen(
  _ output: [UInt8], from offset: Int = 0, width: Int = width, height: Int = height
)
  -> ScreenModel
{
  var model = ScreenModel(width: width, height: height) { DisplayWidth.of($0) }
  model.feed(output[min(offset, output.count)...])
  return model
}

/// Whether the output ends with a complete frame whose screen contains the text.
private func frameShows(
  _ text: String, from offset: Int = 0, width: Int = width, height: Int = height
)
  -> ([UInt8]) -> Bool
{
  { output in
    output.count > offset && output.last == frameEnd.last
      && output[offset...].suffix(frameEnd.count).elementsEqual(frameEnd)
      && screen(output, from: offset, width: width, height: height).lines.joined(separator: "\n")
        .contains(text)
  }
}

private func startExample(environment extra: [String: String] = [:]) throws -> PseudoTerminal {
  let path = try #require(
    BuiltProducts.path(of: "terminal-example"), "terminal-example is built with the tests")
  var environment = ["TERM": "xterm-256color", "HOME": "/nonexistent", "LANG": "C.UTF-8"]
  environment.merge(extra) { $1 }
  return try PseudoTerminal(
    executable: path, environment: environment, width: width, height: height)
}

@Suite(.serialized) struct PseudoTerminalTests {
  @Test func drawsMovesThroughTheListAndQuitsRestoringTheTerminal() throws {
    let pty = try startExample()
    #expect(pty.read(until: frameShows("selected 1")), "first frame")
    var model = screen(pty.output)
    #expect(model.isSet(1049), "alternate screen")
    #expect(!model.isSet(25), "cursor hidden")
    #expect(model.isSet(2004), "bracketed paste")
    #expect(model.text(row: 0).hasPrefix("┏ Example list"))
    #expect(model.text(row: 2).contains("Item 1"))
    #expect(model[5, 2].rendition.background != .default, "row 1 highlighted")
    let raw = pty.modes()
    #expect(raw.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == 0, "raw mode while running")

    pty.send("jj\u{1B}[B")
    #expect(pty.read(until: frameShows("selected 4")))
    model = screen(pty.output)
    #expect(model[5, 2].rendition.background == .default, "row 1 no longer highlighted")
    #expect(model[5, 5].rendition.background != .default, "row 4 highlighted")
    #expect(model.unknownSequences.isEmpty)

    let beforeQuit = pty.output.count
    pty.send("q")
    let status = try #require(pty.waitForExit())
    #expect(PseudoTerminal.exited(status, code: 0))
    let tail = String(decoding: pty.output[beforeQuit...], as: UTF8.self)
    #expect(tail.hasSuffix(restore))
    model = screen(pty.output)
    #expect(!model.isSet(1049) && model.isSet(25) && !model.isSet(2004))
    #expect(PseudoTerminal.sameModes(pty.modes(), pty.initialModes), "termios restored exactly")
  }

  @Test func escapeSequencesFromAPasteAreShownNotObeyed() throws {
    let pty = try startExample()
    #expect(pty.read(until: frameShows("selected 1")))
    let offset = pty.output.count
    pty.send("/")
    #expect(pty.read(until: frameShows("Pick an item")))
    pty.send("\u{1B}[200~Item 14\u{1B}]0;owned\u{7}\u{1B}[201~")
    #expect(pty.read(until: frameShows("› Item 14␛]0;owned␇")))
    #expect(!String(decoding: pty.output[offset...], as: UTF8.self).contains("\u{1B}]0;"))
    pty.send("\u{15}Item 14\r")
    #expect(pty.read(until: frameShows("chose Item 14")))
    pty.send("q")
    #expect(pty.waitForExit().map { PseudoTerminal.exited($0, code: 0) } == true)
  }

  @Test func loneEscapeIsReportedAfterItsTimeout() throws {
    let pty = try startExample()
    #expect(pty.read(until: frameShows("selected 1")))
    pty.send("/")
    #expect(pty.read(until: frameShows("Pick an item")))
    let offset = pty.output.count
    pty.send("\u{1B}")
    // Nothing follows the Esc: the decoder's deadline ends the wait and closes the picker.
    #expect(
      pty.read(until: { output in
        output.count > offset && !screen(output).lines.joined().contains("Pick an item")
      }))
    pty.send("q")
    #expect(pty.waitForExit().map { PseudoTerminal.exited($0, code: 0) } == true)
  }

  @Test func mouseWheelScrollsAndMouseModesAreUndone() throws {
    let pty = try startExample(environment: ["EXAMPLE_MOUSE": "1"])
    #expect(pty.read(until: frameShows("selected 1")))
    #expect(screen(pty.output).isSet(1006))
    pty.send("\u{1B}[<65;5;5M\u{1B}[<65;5;5M")
    #expect(pty.read(until: frameShows("selected 3")))
    pty.send("q")
    #expect(pty.waitForExit().map { PseudoTerminal.exited($0, code: 0) } == true)
    let model = screen(pty.output)
    #expect(!model.isSet(1000) && !model.isSet(1002) && !model.isSet(1006))
  }

  @Test func sigtermRestoresTheTerminalAndDiesOfTheSignal() throws {
    let pty = try startExample()
    #expect(pty.read(until: frameShows("selected 1")))
    pty.signal(SIGTERM)
    let status = try #require(pty.waitForExit())
    #expect(PseudoTerminal.killed(status, by: SIGTERM))
    #expect(String(decoding: pty.output, as: UTF8.self).hasSuffix(restore))
    let model = screen(pty.output)
    #expect(!model.isSet(1049) && model.isSet(25))
    #expect(PseudoTerminal.sameModes(pty.modes(), pty.initialModes))
  }

  @Test func sighupRestoresTheTerminal() throws {
    let pty = try startExample()
    #expect(pty.read(until: frameShows("selected 1")))
    pty.signal(SIGHUP)
    let status = try #require(pty.waitForExit())
    #expect(PseudoTerminal.killed(status, by: SIGHUP))
    #expect(PseudoTerminal.sameModes(pty.modes(), pty.initialModes))
  }

  @Test func aCrashStillRestoresTheTerminal() throws {
    // The Swift runtime's backtracer stays on (chained after our restore), but not
    // interactive, so it prints and exits instead of waiting for a key.
    let pty = try startExample(environment: [
      "EXAMPLE_CRASH_KEY": "1", "SWIFT_BACKTRACE": "interactive=no",
    ])
    #expect(pty.read(until: frameShows("selected 1")))
    let offset = pty.output.count
    pty.send("!")
    let status = try #require(pty.waitForExit())
    #expect(!PseudoTerminal.exited(status, code: 0))
    let after = String(decoding: pty.output[offset...], as: UTF8.self)
    let restored = try #require(after.range(of: restore))
    // Anything the crash reporter prints comes after the terminal is back to normal.
    if let report = after.range(of: "crashed") {
      #expect(restored.upperBound <= report.lowerBound)
    }
    #expect(PseudoTerminal.sameModes(pty.modes(), pty.initialModes))
  }

  @Test func resizeRedrawsAtTheNewSize() throws {
    let pty = try startExample()
    #expect(pty.read(until: frameShows("selected 1")))
    let offset = pty.output.count
    pty.resize(width: 40, height: 10)
    #expect(pty.read(until: frameShows("selected 1", from: offset, width: 40, height: 10)))
    let model = screen(pty.output, from: offset, width: 40, height: 10)
    #expect(model.text(row: 0).hasPrefix("┏ Example list"))
    #expect(model.text(row: 8).hasPrefix("┗━━"))
    #expect(model.text(row: 9).contains("selected 1"))
    pty.send("q")
    #expect(pty.waitForExit() != nil)
  }

  @Test func stopSignalRestoresAndContinuingRedrawsInFull() throws {
    let pty = try startExample()
    #expect(pty.read(until: frameShows("selected 1")))
    let offset = pty.output.count
    pty.signal(SIGTSTP)
    // The child's process group is orphaned (its parent is this test, in another
    // session), so the kernel discards the stop itself: the handler restores, is
    // "continued" at once, and the loop enters the modes again and redraws.
    #expect(pty.read(until: frameShows("selected 1", from: offset)))
    let text = String(decoding: pty.output[offset...], as: UTF8.self)
    let left = try #require(text.range(of: restore))
    let entered = try #require(text.range(of: "\u{1B}[?1049h"))
    #expect(left.upperBound <= entered.lowerBound)
    #expect(text.contains("\u{1B}[2J"), "full redraw")
    pty.send("q")
    #expect(pty.waitForExit().map { PseudoTerminal.exited($0, code: 0) } == true)
    #expect(PseudoTerminal.sameModes(pty.modes(), pty.initialModes))
  }

  @Test func dumbTerminalRefusesWithOneLine() throws {
    let pty = try startExample(environment: ["TERM": "dumb"])
    let status = try #require(pty.waitForExit())
    #expect(PseudoTerminal.exited(status, code: 1))
    let text = String(decoding: pty.output, as: UTF8.self)
    #expect(text.contains("TERM is dumb"))
    #expect(!text.contains("\u{1B}"))
  }

  @Test func notATerminalRefusesWithOneLine() throws {
    let path = try #require(BuiltProducts.path(of: "terminal-example"))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.environment = ["TERM": "xterm-256color"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    let text = String(decoding: data, as: UTF8.self)
    #expect(
      text
        == "terminal-example: the interactive screen needs a terminal: standard input and output must both be one\n"
    )
  }
}
