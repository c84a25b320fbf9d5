import HandoffTerminal

/// Every key, for `?`: one column when the screen is tall enough, else two side by
/// side.
struct HelpView: ScreenPart {
  var screen: Rect
  /// Each entry's keys and what they do.
  var entries: [[Span]]

  static let keys: [(String, String)] = [
    ("j k ↑ ↓", "move the selection"), ("g G", "top / bottom"), ("PgUp PgDn", "page up / down"),
    ("Tab S-Tab", "next / previous pane"), ("Enter", "lead detail, history"),
    ("Esc", "back; clear the filter"), ("a", "assign from a picker"),
    ("A", "auto-assign, least loaded"), ("> <", "move stage forward / back"),
    ("h", "hand off to sales"), ("x", "accept"), ("r", "reject, recycle or lose"),
    ("/", "filter as you type"), ("s", "sort: urgency, score…"),
    ("m", "only my leads"), ("u", "undo my last action"), ("f", "focused pane full screen"),
    ("w", "targets for a wall screen"), ("?", "this help"), ("q", "quit"),
    ("Ctrl-L", "redraw"), ("Ctrl-Z", "suspend"), ("mouse", "click, wheel scrolls"),
  ]

  init(width: Int, height: Int) {
    screen = Rect(x: 0, y: 0, width: width, height: height)
    entries = HelpView.keys.map { [Span($0.0, role: .accent), Span($0.1, role: .overlay)] }
  }

  /// The keys' column, and what they do.
  static let columns = [
    TableColumn("key", width: 10), TableColumn("what", width: 1, grows: true),
  ]

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let columns = entries.count + 4 <= screen.height ? 1 : 2
    let rows = (entries.count + columns - 1) / columns
    let inner = Overlay(title: "Keys · any key closes").draw(
      in: &buffer, area: screen, width: columns == 1 ? 58 : 2 + 2 * 50, height: rows + 3,
      theme: theme)
    let layered = theme.layered(over: .overlay)
    let columnWidth = columns == 1 ? inner.width : inner.width / 2
    for column in 0..<columns {
      let entries = Array(entries.dropFirst(column * rows).prefix(rows))
      let area = Rect(
        x: inner.x + column * columnWidth + 1, y: inner.y, width: columnWidth - 2,
        height: min(rows, inner.height))
      Table(
        columns: HelpView.columns, rowCount: entries.count, showsHeader: false
      ) { entries[$0] }
      .draw(in: &buffer, area: area, theme: layered)
    }
  }
}
