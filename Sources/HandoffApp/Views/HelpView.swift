import HandoffTerminal

/// Every key, for `?`, as the keymap binds them: one column when the screen is tall
/// enough, else two side by side.
struct HelpView: ScreenPart {
  var screen: Rect
  var lines: [Keymap.HelpLine]

  init(keymap: Keymap, width: Int, height: Int) {
    screen = Rect(x: 0, y: 0, width: width, height: height)
    lines = keymap.helpLines
  }

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let keyWidth = max(10, lines.reduce(0) { max($0, DisplayWidth.of($1.keys)) })
    let columns = lines.count + 4 <= screen.height ? 1 : 2
    let rows = (lines.count + columns - 1) / columns
    let inner = Overlay(title: "Keys · any key closes").draw(
      in: &buffer, area: screen, width: columns == 1 ? 58 : 2 + 2 * 50, height: rows + 3,
      theme: theme)
    let layered = theme.layered(over: .overlay)
    let width = columns == 1 ? inner.width : inner.width / 2
    let table = [TableColumn("keys", width: keyWidth), TableColumn("what", width: 1, grows: true)]
    for column in 0..<columns {
      let lines = Array(self.lines.dropFirst(column * rows).prefix(rows))
      let area = Rect(
        x: inner.x + column * width + 1, y: inner.y, width: width - 2,
        height: min(rows, inner.height))
      Table(columns: table, rowCount: lines.count, showsHeader: false) {
        [Span(lines[$0].keys, role: .accent), Span(lines[$0].text, role: .overlay)]
      }.draw(in: &buffer, area: area, theme: layered)
    }
  }
}
