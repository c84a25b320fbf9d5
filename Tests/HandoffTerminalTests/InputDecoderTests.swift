import HandoffTerminal
import TestSupport
import Testing

/// Decodes bytes in one read, then lets any pending Esc time out.
private func decodeAll(_ bytes: [UInt8]) -> [InputEvent] {
  var decoder = InputDecoder()
  var events = decoder.feed(bytes, now: 0)
  events += decoder.expire(now: 1_000_000_000_000)
  return events
}

private func decodeAll(_ text: String) -> [InputEvent] { decodeAll(Array(text.utf8)) }

@Suite struct InputDecoderTests {
  static let table: [(String, [InputEvent])] = [
    ("a", [.char("a")]),
    ("Z", [.char("Z")]),
    ("\r", [.key(.enter)]),
    ("\n", [.key(.enter)]),
    ("\t", [.key(.tab)]),
    ("\u{1B}[Z", [.key(.backTab)]),
    ("\u{7F}", [.key(.backspace)]),
    ("\u{08}", [.key(.backspace)]),
    ("\u{1B}", [.key(.escape)]),
    ("\u{01}", [.ctrl("a")]),
    ("\u{03}", [.ctrl("c")]),
    ("\u{0C}", [.ctrl("l")]),
    ("\u{15}", [.ctrl("u")]),
    ("\u{17}", [.ctrl("w")]),
    ("\u{1A}", [.ctrl("z")]),
    ("\u{00}", [.ctrl(" ")]),
    ("\u{1F}", [.ctrl("_")]),
    ("\u{1B}x", [.key(.char("x"), .alt)]),
    ("\u{1B}\r", [.key(.enter, .alt)]),
    ("\u{1B}\u{7F}", [.key(.backspace, .alt)]),
    ("\u{1B}\u{01}", [.key(.char("a"), [.ctrl, .alt])]),
    ("\u{1B}[A", [.key(.up)]),
    ("\u{1B}[B", [.key(.down)]),
    ("\u{1B}[C", [.key(.right)]),
    ("\u{1B}[D", [.key(.left)]),
    ("\u{1B}OA", [.key(.up)]),
    ("\u{1B}OB", [.key(.down)]),
    ("\u{1B}OC", [.key(.right)]),
    ("\u{1B}OD", [.key(.left)]),
    ("\u{1B}[H", [.key(.home)]),
    ("\u{1B}[F", [.key(.end)]),
    ("\u{1B}OH", [.key(.home)]),
    ("\u{1B}OF", [.key(.end)]),
    ("\u{1B}[1~", [.key(.home)]),
    ("\u{1B}[7~", [.key(.home)]),
    ("\u{1B}[4~", [.key(.end)]),
    ("\u{1B}[8~", [.key(.end)]),
    ("\u{1B}[2~", [.key(.insert)]),
    ("\u{1B}[3~", [.key(.delete)]),
    ("\u{1B}[5~", [.key(.pageUp)]),
    ("\u{1B}[6~", [.key(.pageDown)]),
    ("\u{1B}OP", [.key(.function(1))]),
    ("\u{1B}OQ", [.key(.function(2))]),
    ("\u{1B}OR", [.key(.function(3))]),
    ("\u{1B}OS", [.key(.function(4))]),
    ("\u{1B}[11~", [.key(.function(1))]),
    ("\u{1B}[12~", [.key(.function(2))]),
    ("\u{1B}[13~", [.key(.function(3))]),
    ("\u{1B}[14~", [.key(.function(4))]),
    ("\u{1B}[15~", [.key(.function(5))]),
    ("\u{1B}[17~", [.key(.function(6))]),
    ("\u{1B}[18~", [.key(.function(7))]),
    ("\u{1B}[19~", [.key(.function(8))]),
    ("\u{1B}[20~", [.key(.function(9))]),
    ("\u{1B}[21~", [.key(.function(10))]),
    ("\u{1B}[23~", [.key(.function(11))]),
    ("\u{1B}[24~", [.key(.function(12))]),
    ("\u{1B}[1;5A", [.key(.up, .ctrl)]),
    ("\u{1B}[1;2B", [.key(.down, .shift)]),
    ("\u{1B}[1;3C", [.key(.right, .alt)]),
    ("\u{1B}[1;6D", [.key(.left, [.shift, .ctrl])]),
    ("\u{1B}[1;5H", [.key(.home, .ctrl)]),
    ("\u{1B}[1;2F", [.key(.end, .shift)]),
    ("\u{1B}[3;5~", [.key(.delete, .ctrl)]),
    ("\u{1B}[5;3~", [.key(.pageUp, .alt)]),
    ("\u{1B}[1;2P", [.key(.function(1), .shift)]),
    ("\u{1B}[1;5S", [.key(.function(4), .ctrl)]),
    ("\u{1B}[15;2~", [.key(.function(5), .shift)]),
    ("\u{1B}[24;5~", [.key(.function(12), .ctrl)]),
    ("\u{1B}O5A", [.key(.up, .ctrl)]),
    ("\u{1B}[97;5u", [.key(.char("a"), .ctrl)]),
    ("\u{1B}[13;2u", [.key(.enter, .shift)]),
    ("\u{1B}[200~hello\u{1B}[201~", [.paste("hello")]),
    ("\u{1B}[200~a\u{1B}[2Jb\u{7}\u{1B}[201~", [.paste("a␛[2Jb␇")]),
    ("\u{1B}[200~line1\nline2\u{1B}[201~x", [.paste("line1␊line2"), .char("x")]),
    ("\u{1B}[200~\u{1B}[201~", [.paste("")]),
    ("\u{1B}[<0;10;5M", [.mouse(MouseEvent(action: .press(button: 0), x: 9, y: 4))]),
    ("\u{1B}[<0;10;5m", [.mouse(MouseEvent(action: .release(button: 0), x: 9, y: 4))]),
    ("\u{1B}[<2;1;1M", [.mouse(MouseEvent(action: .press(button: 2), x: 0, y: 0))]),
    ("\u{1B}[<64;3;7M", [.mouse(MouseEvent(action: .wheelUp, x: 2, y: 6))]),
    ("\u{1B}[<65;3;7M", [.mouse(MouseEvent(action: .wheelDown, x: 2, y: 6))]),
    ("\u{1B}[<32;4;4M", [.mouse(MouseEvent(action: .drag(button: 0), x: 3, y: 3))]),
    (
      "\u{1B}[<20;200;100M",
      [.mouse(MouseEvent(action: .press(button: 0), x: 199, y: 99, modifiers: [.shift, .ctrl]))]
    ),
    ("é", [.char("é")]),
    ("東", [.char("東")]),
    ("😀", [.char("😀")]),
    ("\u{1B}é", [.key(.char("é"), .alt)]),
    ("jk", [.char("j"), .char("k")]),
    ("\u{1B}[A\u{1B}[B", [.key(.up), .key(.down)]),
    ("\u{1B}\u{1B}[A", [.key(.escape), .key(.up)]),
    ("\u{1B}[", [.key(.char("["), .alt)]),
    ("\u{1B}O", [.key(.char("O"), .alt)]),
    ("\u{1B}O\r", [.key(.char("O"), .alt), .key(.enter)]),
    ("\u{1B}Ox", []),
    // Unknown and malformed sequences are skipped; decoding carries on.
    ("\u{1B}[99~x", [.char("x")]),
    ("\u{1B}[?1;2cx", [.char("x")]),
    ("\u{1B}[I\u{1B}[Ox", [.char("x")]),
    ("\u{1B}[12\u{7}x", [.ctrl("g"), .char("x")]),
    ("\u{1B}[<0;1Mx", [.char("x")]),
    ("\u{1B}[201~x", [.char("x")]),
    ("\u{1B}[1;5", []),
  ]

  @Test("every sequence in the table decodes to its events", arguments: table)
  func decodesTable(_ input: String, _ expected: [InputEvent]) {
    #expect(decodeAll(input) == expected)
  }

  @Test func invalidUTF8BecomesReplacementCharacters() {
    #expect(decodeAll([0xFF]) == [.char("\u{FFFD}")])
    #expect(decodeAll([0xC3, 0x28]) == [.char("\u{FFFD}"), .char("(")])
    #expect(decodeAll([0xE0, 0x80, 0x80]) == [.char("\u{FFFD}")])  // overlong
    #expect(decodeAll([0xED, 0xA0, 0x80]) == [.char("\u{FFFD}")])  // surrogate
    #expect(decodeAll([0x80, 0x61]) == [.char("\u{FFFD}"), .char("a")])
    #expect(decodeAll([0xF0, 0x9F]) == [.char("\u{FFFD}")])  // truncated at the end
  }

  @Test func utf8SplitAcrossReadsWaitsForTheRest() {
    var decoder = InputDecoder()
    let bytes = Array("東😀".utf8)
    var events: [InputEvent] = []
    for byte in bytes { events += decoder.feed([byte], now: 0) }
    #expect(events == [.char("東"), .char("😀")])
    #expect(!decoder.hasPending)
  }

  @Test func sequenceSplitAcrossReadsIsOneEvent() {
    var decoder = InputDecoder()
    #expect(decoder.feed([0x1B], now: 0) == [])
    #expect(decoder.feed(Array("[1;".utf8), now: 1_000) == [])
    #expect(decoder.feed(Array("5A".utf8), now: 2_000) == [.key(.up, .ctrl)])
  }

  @Test func loneEscapeWaitsForItsDeadlineThenReports() {
    var decoder = InputDecoder()
    #expect(decoder.feed([0x1B], now: 1_000) == [])
    let deadline = decoder.deadline
    #expect(deadline == 1_000 + InputDecoder.escapeTimeout)
    #expect(InputDecoder.escapeTimeout <= 50_000_000)
    #expect(decoder.expire(now: 1_000 + InputDecoder.escapeTimeout - 1) == [])
    #expect(decoder.expire(now: 1_000 + InputDecoder.escapeTimeout) == [.key(.escape)])
    #expect(decoder.deadline == nil)
  }

  @Test func pasteSplitAcrossReadsIncludingItsEndMarker() {
    var decoder = InputDecoder()
    var events = decoder.feed(Array("\u{1B}[200~ab".utf8), now: 0)
    events += decoder.feed(Array("c\u{1B}[20".utf8), now: 1)
    events += decoder.feed(Array("1~q".utf8), now: 2)
    #expect(events == [.paste("abc"), .char("q")])
  }

  @Test func unterminatedPasteEndsAtItsDeadline() {
    var decoder = InputDecoder()
    #expect(decoder.feed(Array("\u{1B}[200~abc".utf8), now: 0) == [])
    #expect(decoder.deadline == InputDecoder.pasteTimeout)
    #expect(decoder.expire(now: InputDecoder.pasteTimeout) == [.paste("abc")])
    #expect(!decoder.hasPending)
  }

  @Test("decoding does not depend on where reads split the bytes")
  func chunkingInvariance() {
    // Entries that stand alone whatever follows: not a lone Esc, not an unfinished
    // sequence, not a prefix an Alt could join.
    let entries = InputDecoderTests.table.filter { input, events in
      !events.isEmpty && !["\u{1B}", "\u{1B}[", "\u{1B}O"].contains(input)
    }
    var random = SplitMix64(seed: 42)
    for _ in 0..<2_000 {
      var bytes: [UInt8] = []
      var expected: [InputEvent] = []
      for _ in 0..<Int.random(in: 1...8, using: &random) {
        guard let (input, events) = entries.randomElement(using: &random) else { continue }
        bytes += Array(input.utf8)
        expected += events
      }
      var decoder = InputDecoder()
      var events: [InputEvent] = []
      var index = 0
      while index < bytes.count {
        let size = Int.random(in: 1...5, using: &random)
        events += decoder.feed(bytes[index..<min(bytes.count, index + size)], now: 0)
        index += size
      }
      #expect(events == expected, "input \(bytes)")
      #expect(!decoder.hasPending)
    }
  }

  @Test("100,000 random inputs never crash, never stall, and are always consumed")
  func randomBytes() {
    var random = SplitMix64(seed: 0x5EED_1234)
    // Bytes drawn mostly from the interesting ones: ESC, CSI pieces, UTF-8 leads.
    let interesting: [UInt8] =
      Array("\u{1B}[O;<~Mm0123456789ABCDHFPQRSZu?".utf8) + [
        0x1B, 0x1B, 0x7F, 0x0D, 0xC3, 0xE6, 0xF0, 0x80, 0xBF, 0xFF, 0x00, 0x07,
      ]
    var decoder = InputDecoder()
    var now: UInt64 = 0
    var events = 0
    for _ in 0..<100_000 {
      let count = Int.random(in: 1...12, using: &random)
      var bytes: [UInt8] = []
      for _ in 0..<count {
        bytes.append(
          Bool.random(using: &random)
            ? interesting.randomElement(using: &random) ?? 0
            : UInt8.random(in: 0...255, using: &random))
      }
      now += UInt64.random(in: 0...80_000_000, using: &random)
      events += decoder.feed(bytes, now: now).count
      events += decoder.expire(now: now).count
      // Only an unfinished sequence or paste may wait, and never beyond its limit.
      #expect(!decoder.hasPending || decoder.deadline != nil)
    }
    events += decoder.expire(now: now + 10_000_000_000).count
    #expect(!decoder.hasPending)
    #expect(events > 10_000)
  }
}
