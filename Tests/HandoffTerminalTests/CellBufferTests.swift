import HandoffTerminal
import Testing

@Suite struct CellBufferTests {
  @Test func putWritesTextAndReturnsTheEndColumn() {
    var buffer = CellBuffer(width: 10, height: 2)
    #expect(buffer.put("abc", x: 1, y: 0) == 4)
    #expect(buffer.put("東京", x: 4, y: 0) == 8)
    #expect(buffer.text(row: 0) == " abc東京  ")
    #expect(buffer[4, 0].width == 2)
    #expect(buffer[5, 0].isContinuation)
  }

  @Test func textIsClippedToTheRegion() {
    var buffer = CellBuffer(width: 10, height: 2)
    let clip = Rect(x: 2, y: 0, width: 4, height: 1)
    #expect(buffer.put("abcdefgh", x: 0, y: 0, clip: clip) == 6)
    #expect(buffer.text(row: 0) == "  cdef    ")
    #expect(buffer.put("zzz", x: 0, y: 1, clip: clip) == 0)
    #expect(buffer.text(row: 1) == "          ")
  }

  @Test func wideCharacterThatDoesNotFitBecomesASpace() {
    var buffer = CellBuffer(width: 6, height: 1)
    buffer.fill(buffer.bounds, with: "x")
    #expect(buffer.put("a東", x: 4, y: 0) == 6)
    #expect(buffer.text(row: 0) == "xxxxa ")
    var clipped = CellBuffer(width: 6, height: 1)
    clipped.put("東京", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 3, height: 1))
    #expect(clipped.text(row: 0) == "東    ")
  }

  @Test func wideCharacterCutAtTheLeftEdgeLeavesASpace() {
    var buffer = CellBuffer(width: 6, height: 1)
    buffer.fill(buffer.bounds, with: "x")
    buffer.put("東京", x: 1, y: 0, clip: Rect(x: 2, y: 0, width: 4, height: 1))
    #expect(buffer.text(row: 0) == "xx 京x")
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var buffer = CellBuffer(width: 6, height: 1)
    buffer.put("東京", x: 0, y: 0)
    buffer.put("a", x: 1, y: 0)
    #expect(buffer.text(row: 0) == " a京  ")
    buffer.put("b", x: 2, y: 0)
    #expect(buffer.text(row: 0) == " ab   ")
    buffer.put("東", x: 1, y: 0)
    buffer.put("京", x: 2, y: 0)
    #expect(buffer.text(row: 0) == "  京  ")
  }

  @Test func untrustedTextIsSanitizedOnTheWayIn() {
    var buffer = CellBuffer(width: 12, height: 1)
    buffer.put("a\u{1B}[2J\u{7}\u{9B}b", x: 0, y: 0)
    #expect(buffer.text(row: 0) == "a␛[2J␇\u{FFFD}b    ")
    for x in 0..<12 {
      #expect(buffer[x, 0].text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
    }
  }

  @Test func clustersStayTogether() {
    var buffer = CellBuffer(width: 8, height: 1)
    #expect(buffer.put("e\u{301}👩‍👩‍👧🇯🇵", x: 0, y: 0) == 5)
    #expect(buffer[0, 0].text == "e\u{301}")
    #expect(buffer[1, 0].text == "👩‍👩‍👧")
    #expect(buffer[3, 0].text == "🇯🇵")
  }

  @Test func loneCombiningMarkIsShownOnADottedCircle() {
    var buffer = CellBuffer(width: 4, height: 1)
    #expect(buffer.put("\u{301}", x: 0, y: 0) == 1)
    #expect(buffer[0, 0].text == "\u{25CC}\u{301}")
  }

  @Test func fillAndRestyle() {
    var buffer = CellBuffer(width: 4, height: 2)
    let red = Style(foreground: .red)
    buffer.put("ab", x: 0, y: 0)
    buffer.restyle(Rect(x: 0, y: 0, width: 1, height: 1)) { $0.patched(with: red) }
    #expect(buffer[0, 0].style == red)
    #expect(buffer[1, 0].style == .plain)
    buffer.fill(Rect(x: 1, y: 0, width: 10, height: 10), style: red)
    #expect(buffer.lines == ["a   ", "    "])
    #expect(buffer[3, 1].style == red)
  }
}
