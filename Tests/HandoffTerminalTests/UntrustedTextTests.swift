import HandoffTerminal
import Testing

@Suite struct UntrustedTextTests {
  @Test func plainTextPassesThrough() {
    #expect(UntrustedText.sanitized("Ada Lovelace — Zürich 東京 👩‍👩‍👧") == "Ada Lovelace — Zürich 東京 👩‍👩‍👧")
  }

  @Test func controlsBecomeVisibleSymbols() {
    #expect(UntrustedText.sanitized("a\u{1B}[2Jb") == "a␛[2Jb")
    #expect(UntrustedText.sanitized("bell\u{07}\ttab\nline") == "bell␇␉tab␊line")
    #expect(UntrustedText.sanitized("del\u{7F}") == "del␡")
    #expect(UntrustedText.sanitized("c1\u{9B}31m") == "c1\u{FFFD}31m")
    #expect(UntrustedText.sanitized("osc\u{1B}]52;c;AAAA\u{07}") == "osc␛]52;c;AAAA␇")
    #expect(UntrustedText.sanitized("evil\u{202E}txt.exe") == "evil\u{FFFD}txt.exe")
  }

  @Test func everyScalarOfTheLowPlanesIsHandled() {
    // Every scalar up to U+2100 (C0, ASCII, C1, Latin, combining marks, the bidi block)
    // comes out safe, one scalar for one scalar.
    for value in UInt32(0)...0x2100 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = "a" + String(Character(scalar)) + "b"
      let clean = UntrustedText.sanitized(text)
      #expect(UntrustedText.isSafe(clean))
      #expect(clean.unicodeScalars.count == text.unicodeScalars.count)
    }
  }
}
