import Foundation
import HandoffTerminal
import HandoffTerminalTesting
import TestSupport
import Testing

@Suite struct TestSupportTests {
  @Test func lineDiffShowsOnlyTheDifferingLinesAsPairs() {
    #expect(LineDiff.report(expected: ["a", "b"], actual: ["a", "b"]) == nil)
    #expect(
      LineDiff.report(expected: ["a", "b"], actual: ["a", "c", "d"])
        == "screen differs (- expected, + actual):\n  |a|\n- |b|\n+ |c|\n- |<none>|\n+ |d|")
  }

  @Test func goldenFilesRecordThenCompare() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "handoff-golden-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let missing = try #require(
      GoldenFile.check("x", name: "a.txt", directory: directory, record: false))
    #expect(missing.contains("HANDOFF_RECORD_GOLDEN=1"))
    #expect(GoldenFile.check("one\ntwo", name: "a.txt", directory: directory, record: true) == nil)
    #expect(GoldenFile.check("one\ntwo", name: "a.txt", directory: directory, record: false) == nil)
    let diff = try #require(
      GoldenFile.check("one\nTWO", name: "a.txt", directory: directory, record: false))
    #expect(diff.contains("- |two|\n+ |TWO|"))
  }

  @Test func screenModelFollowsTheSequencesItKnows() {
    var model = ScreenModel(width: 6, height: 3) { DisplayWidth.of($0) }
    model.feed(Array("ab\u{1B}[2;3H東\u{1B}[1;31mx\u{1B}[0m\r\n\u{1B}[?25l".utf8))
    #expect(model.lines == ["ab    ", "  東x ", "      "])
    #expect(model[4, 1].rendition.bold && model[4, 1].rendition.foreground == .palette(1))
    #expect(model.cursorX == 0 && model.cursorY == 2)
    #expect(!model.isSet(25) && model.privateModes[25] == false)
    model.feed(Array("\u{1B}[2;4Hy".utf8))
    #expect(model.text(row: 1) == "   yx ", "writing over half of a wide character blanks it")
    model.feed(Array("\u{1B}[1;6H東".utf8))
    #expect(model.text(row: 1) == "東 yx ", "a wide character at the last column wraps")
    #expect(model.unknownSequences.isEmpty)
  }
}
