import HandoffTerminal
import Testing

@Suite struct CellTests {
  @Test("a cell is a small plain value, and keeps any grapheme cluster")
  func compactCell() {
    #expect(MemoryLayout<Cell>.stride <= 16)
    #expect(_isPOD(Cell.self))
    for text in ["a", " ", "東", "é", "e\u{301}", "👩‍👩‍👧", "🇯🇵", ""] {
      #expect(Cell(text: text, style: .plain, width: 1).text == text)
    }
    #expect(
      Cell(text: "e\u{301}", style: .plain, width: 1)
        == Cell(text: "e\u{301}", style: .plain, width: 1))
    #expect(
      Cell(text: "e\u{301}", style: .plain, width: 1) != Cell(text: "e", style: .plain, width: 1))
  }
}
