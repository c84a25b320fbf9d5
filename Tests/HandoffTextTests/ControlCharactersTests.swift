import Testing

@testable import HandoffText

/// The one list of characters data must never carry raw.
struct ControlCharactersTests {
  @Test("the list is C0, DEL, C1, the line separators and the bidi controls, nothing else")
  func list() {
    var listed: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value), ControlCharacters.contains(scalar) else { continue }
      listed.append(value)
    }
    let expected =
      Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F) + [0x2028, 0x2029]
      + Array(0x202A...0x202E) + Array(0x2066...0x2069)
    #expect(listed == expected.map(UInt32.init))
  }

  @Test("each kind names its own range")
  func kinds() {
    #expect(ControlCharacters.kind(of: "\u{1B}") == .c0)
    #expect(ControlCharacters.kind(of: "\t") == .c0)
    #expect(ControlCharacters.kind(of: "\u{7F}") == .delete)
    #expect(ControlCharacters.kind(of: "\u{9B}") == .c1)
    #expect(ControlCharacters.kind(of: "\u{2028}") == .separator)
    #expect(ControlCharacters.kind(of: "\u{202E}") == .bidirectional)
    #expect(ControlCharacters.kind(of: "\u{2067}") == .bidirectional)
    #expect(ControlCharacters.kind(of: "é") == nil)
    #expect(ControlCharacters.kind(of: "\u{200F}") == nil)
  }

  @Test("every listed character starts with a byte that byte scanners look closer at")
  func leadBytes() {
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value), ControlCharacters.contains(scalar) else { continue }
      let first = String(Character(scalar)).utf8.first ?? 0
      #expect(ControlCharacters.mayStart(first), "U+\(String(value, radix: 16))")
    }
  }

  @Test("text is free of the list when no scalar of it is listed")
  func free() {
    #expect(ControlCharacters.isFree("Ada Lovelace — Zürich 東京 👩‍👩‍👧"))
    #expect(!ControlCharacters.isFree("evil\u{202E}txt"))
    #expect(!ControlCharacters.isFree("line\nbreak"))
    #expect(!ControlCharacters.isFree("\u{85}"))
  }
}
