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

/// The first cell outside `area` that differs between two buffers of one size.
private func changedOutside(_ area: Rect, _ before: CellBuffer, _ after: CellBuffer) -> String? {
  for y in 0..<after.height {
    for x in 0..<after.width where !area.contains(x: x, y: y) && before[x, y] != after[x, y] {
      // Half of a wide character cut by the area's edge is blanked, to keep it whole.
      let straddled = before[x, y].width == 2 || before[x, y].isContinuation
      if !(straddled && after[x, y].text == " ") { return "(\(x),\(y)) outside \(area) changed" }
    }
  }
  return nil
}

@Suite struct WidgetFuzzTests {
  @Test("widgets never crash, stay inside their area and keep the buffer consistent")
  func randomAreas() {
    var random = SplitMix64(seed: 7)
    let theme = Theme.standard
    for round in 0..<4_000 {
      var buffer = CellBuffer(
        width: Int.random(in: 0...30, using: &random), height: Int.random(in: 0...8, using: &random)
      )
      buffer.fill(buffer.bounds, with: "~")
      if Bool.random(using: &random) { buffer.put("東京", x: 3, y: 1) }
      let before = buffer
      let area = Rect(
        x: Int.random(in: -5...35, using: &random), y: Int.random(in: -3...10, using: &random),
        width: Int.random(in: -2...40, using: &random),
        height: Int.random(in: -1...10, using: &random))
      func text() -> String { texts.randomElement(using: &random) ?? "" }
      func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
      func role() -> ThemeRole { ThemeRole.allCases.randomElement(using: &random) ?? .text }
      func spans() -> [Span] {
        (0..<number(0...5)).map { _ in
          Span(text(), role: role(), mayCut: Bool.random(using: &random))
        }
      }
      func columns() -> [TableColumn] {
        (0..<number(0...5)).map { _ in
          TableColumn(
            text(), width: number(-1...12), minimum: number(-1...12),
            grows: Bool.random(using: &random),
            alignment: [Alignment.left, .right, .center].randomElement(using: &random) ?? .left,
            priority: number(-3...3))
        }
      }
      switch round % 12 {
      case 0:
        Pane(title: text(), note: text(), focused: Bool.random(using: &random)).draw(
          in: &buffer, area: area, theme: theme)
      case 1:
        let rows = number(0...50)
        let cells = spans()
        Table(
          columns: columns(), rowCount: rows, selected: number(-1...60), offset: number(-5...60),
          focused: Bool.random(using: &random), spacing: number(0...2),
          showsHeader: Bool.random(using: &random), empty: text()
        ) { _ in cells }.draw(in: &buffer, area: area, theme: theme)
      case 2:
        Gauge(label: text(), ratio: Double.random(in: -1...2, using: &random), value: text()).draw(
          in: &buffer, area: area, theme: theme)
      case 3:
        Sparkline(
          values: (0..<number(0...40)).map { _ in Double.random(in: -5...100, using: &random) }
        ).draw(in: &buffer, area: area, theme: theme)
      case 4: Paragraph(text() + " " + text()).draw(in: &buffer, area: area, theme: theme)
      case 5:
        let left = (0..<number(0...3)).map { _ in
          StatusItem(key: Bool.random(using: &random) ? text() : nil, text(), role: role())
        }
        let right = (0..<number(0...3)).map { _ in StatusItem(text(), role: role()) }
        let free = StatusBar(left: left, right: right).draw(in: &buffer, area: area, theme: theme)
        if !free.isEmpty && !area.row(0).intersection(free).isEmpty {
          #expect(area.row(0).intersection(free) == free, "round \(round): left side in the row")
        }
      case 6:
        let items = (0..<number(0...30)).map { _ in
          PickerItem(key: text(), cells: spans())
        }
        var picker = ListPicker(
          title: text(), items: items, columns: Bool.random(using: &random) ? columns() : nil,
          hint: Bool.random(using: &random) ? text() : nil, noteSeparator: ":")
        picker.width = Bool.random(using: &random) ? number(-3...50) : nil
        picker.maxRows = number(0...15)
        picker.handle(.char("e"))
        picker.handle(.key(.down))
        if Bool.random(using: &random) {
          picker.replaceItems(Array(items.shuffled(using: &random)))
        }
        picker.draw(in: &buffer, area: area, theme: theme)
      case 7:
        var editor = LineEditor(text())
        editor.handle(.key(.left))
        editor.handle(.paste(text()))
        if Bool.random(using: &random) { editor.handle(.key(.home)) }
        editor.draw(
          in: &buffer, area: area, label: text(), theme: theme,
          marksCursor: Bool.random(using: &random))
      case 8:
        TextLine(
          spans(),
          alignment: [Alignment.left, .right, .center].randomElement(using: &random) ?? .left
        ).draw(in: &buffer, area: area, theme: theme)
      case 9:
        FigureLine(spans(), separator: Bool.random(using: &random) ? " · " : text()).draw(
          in: &buffer, area: area, theme: theme)
      case 10:
        Overlay(title: text()).draw(
          in: &buffer, area: area, width: number(-3...40), height: number(-3...12),
          theme: theme.layered(over: role()))
      default:
        let fitted = TableColumn.fit(columns(), width: number(-3...60), spacing: number(0...3))
        #expect(fitted.allSatisfy { $0.width >= 0 }, "round \(round): negative width")
      }
      if let problem = invariantProblem(buffer) ?? changedOutside(area, before, buffer) {
        Issue.record("round \(round): \(problem)")
        return
      }
    }
  }

  @Test("fitted columns never overflow the width unless one column is all that is left")
  func tableColumnsFit() {
    var random = SplitMix64(seed: 13)
    for _ in 0..<3_000 {
      let columns = (0..<Int.random(in: 1...7, using: &random)).map { _ in
        TableColumn(
          "c", width: Int.random(in: 0...20, using: &random),
          minimum: Int.random(in: 0...20, using: &random), grows: Bool.random(using: &random),
          priority: Int.random(in: 0...4, using: &random))
      }
      let width = Int.random(in: 0...80, using: &random)
      let spacing = Int.random(in: 0...2, using: &random)
      let fitted = TableColumn.fit(columns, width: width, spacing: spacing)
      let used = fitted.reduce(0) { $0 + $1.width } + spacing * max(0, fitted.count - 1)
      #expect(used <= width || fitted.count == 1, "\(fitted) in \(width)")
      #expect(fitted.map(\.index) == fitted.map(\.index).sorted(), "order kept")
      #expect(
        fitted.allSatisfy { $0.width >= min(columns[$0.index].minimum, width) || fitted.count == 1 }
      )
      let growing = columns.contains { $0.grows }
      if fitted.count == columns.count, growing, used < width {
        Issue.record("spare width left over with growing columns: \(fitted) in \(width)")
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
