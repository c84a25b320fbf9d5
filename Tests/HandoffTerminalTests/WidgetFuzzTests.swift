import HandoffTerminal
import TestSupport
import Testing

/// Checks the buffer's own rules: a continuation always follows a wide character,
/// a wide character is always followed by its continuation, texts are safe.
private func invariantProblem(_ buffer: CellBuffer) -> String? {
  for y in 0..<buffer.height {
    for x in 0..<buffer.width {
      let cell = buffer[x, y]
      if cell.isContinuation && (x == 0 || buffer[x - 1, y].width != 2) {
        return "(\(x),\(y)) continues nothing"
      }
      if cell.width == 2 && (x + 1 >= buffer.width || !buffer[x + 1, y].isContinuation) {
        return "(\(x),\(y)) wide without continuation"
      }
      if !cell.isContinuation && !UntrustedText.isSafe(cell.text) {
        return "(\(x),\(y)) unsafe text"
      }
    }
  }
  return nil
}

private let texts = [
  "", "a", "hello world", "東京 Tokyo", "👩‍👩‍👧 family", "🇯🇵🇫🇷", "e\u{301}", "\u{301}",
  "\u{1B}[31mred\u{7}", "a\tb\nc", String(repeating: "wide東", count: 20),
]

@Suite struct WidgetFuzzTests {
  @Test("widgets never crash and keep the buffer consistent in any area")
  func randomAreas() {
    var random = SplitMix64(seed: 7)
    let theme = Theme.standard
    for round in 0..<3_000 {
      var buffer = CellBuffer(
        width: Int.random(in: 0...30, using: &random), height: Int.random(in: 0...8, using: &random)
      )
      func area() -> Rect {
        Rect(
          x: Int.random(in: -5...35, using: &random), y: Int.random(in: -3...10, using: &random),
          width: Int.random(in: -2...40, using: &random),
          height: Int.random(in: -1...10, using: &random))
      }
      func text() -> String { texts.randomElement(using: &random) ?? "" }
      switch round % 9 {
      case 0:
        Pane(title: text(), focused: Bool.random(using: &random)).draw(
          in: &buffer, area: area(), theme: theme)
      case 1:
        let rows = Int.random(in: 0...50, using: &random)
        let cells = [TableCell(text()), TableCell(text(), role: .bad), TableCell(text())]
        Table(
          columns: [
            TableColumn(text(), width: .fixed(Int.random(in: -1...9, using: &random))),
            TableColumn(text(), width: .min(2), alignment: .right),
            TableColumn(
              text(), width: .percent(Int.random(in: -10...150, using: &random)), alignment: .center
            ),
          ],
          rowCount: rows, selected: Int.random(in: -1...60, using: &random),
          offset: Int.random(in: -5...60, using: &random)
        ) { _ in cells }.draw(in: &buffer, area: area(), theme: theme)
      case 2:
        Gauge(label: text(), ratio: Double.random(in: -1...2, using: &random), value: text()).draw(
          in: &buffer, area: area(), theme: theme)
      case 3:
        Sparkline(
          values: (0..<Int.random(in: 0...40, using: &random)).map { _ in
            Double.random(in: -5...100, using: &random)
          }
        ).draw(in: &buffer, area: area(), theme: theme)
      case 4: Paragraph(text() + " " + text()).draw(in: &buffer, area: area(), theme: theme)
      case 5:
        StatusBar(left: [StatusItem(key: text(), text())], right: [StatusItem(text(), role: .good)])
          .draw(in: &buffer, area: area(), theme: theme)
      case 6:
        var picker = ListPicker(
          title: text(), items: (0..<Int.random(in: 0...30, using: &random)).map { _ in text() })
        picker.handle(.char("e"))
        picker.handle(.key(.down))
        picker.draw(in: &buffer, area: area(), theme: theme)
      case 7:
        var editor = LineEditor(text())
        editor.handle(.key(.left))
        editor.handle(.paste(text()))
        editor.draw(in: &buffer, area: area(), label: text(), theme: theme)
      default:
        Overlay(title: text()).draw(
          in: &buffer, area: area(), width: Int.random(in: -3...40, using: &random),
          height: Int.random(in: -3...12, using: &random), theme: theme)
      }
      if let problem = invariantProblem(buffer) {
        Issue.record("round \(round): \(problem)")
        return
      }
    }
  }

  @Test func layoutNeverProducesNegativeOrOverlappingParts() {
    var random = SplitMix64(seed: 11)
    for _ in 0..<5_000 {
      let whole = Rect(
        x: Int.random(in: -5...5, using: &random), y: 0,
        width: Int.random(in: 0...200, using: &random), height: 3)
      let constraints: [Constraint] = (0..<Int.random(in: 1...6, using: &random)).map { _ in
        switch Int.random(in: 0..<3, using: &random) {
        case 0: .fixed(Int.random(in: -3...80, using: &random))
        case 1: .percent(Int.random(in: -20...120, using: &random))
        default: .min(Int.random(in: -3...40, using: &random))
        }
      }
      let spacing = Int.random(in: 0...2, using: &random)
      let parts = Layout.split(whole, .horizontal, constraints, spacing: spacing)
      #expect(parts.count == constraints.count)
      #expect(parts.allSatisfy { $0.width >= 0 })
      #expect(parts.reduce(0) { $0 + $1.width } <= whole.width)
      for (left, right) in zip(parts, parts.dropFirst()) { #expect(left.maxX <= right.x) }
    }
  }
}
