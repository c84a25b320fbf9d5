/// A bordered box with a title and an optional note in its top border; the focused
/// pane gets a heavy border in the focused colours, so focus shows even without
/// colour.
public struct Pane: Sendable {
  public var title: String
  /// Muted text after the title (a count, the period), shown whole or not at all.
  public var note: String
  public var focused: Bool

  public init(title: String, note: String = "", focused: Bool = false) {
    self.title = title
    self.note = note
    self.focused = focused
  }

  /// Draws the border, title and note, and returns the inner area for the content.
  @discardableResult
  public func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) -> Rect {
    guard area.width >= 2, area.height >= 2 else {
      return Rect(x: area.x, y: area.y, width: 0, height: 0)
    }
    let style = theme[focused ? .borderFocused : .border]
    let glyphs: [Character] =
      focused ? ["┏", "━", "┓", "┃", "┗", "┛"] : ["┌", "─", "┐", "│", "└", "┘"]
    let right = area.maxX - 1
    let bottom = area.maxY - 1
    let top = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
    buffer.fill(Rect(x: area.x, y: area.y, width: 1, height: 1), with: glyphs[0], style: style)
    buffer.fill(top, with: glyphs[1], style: style)
    buffer.fill(Rect(x: right, y: area.y, width: 1, height: 1), with: glyphs[2], style: style)
    let sides = Rect(x: area.x, y: area.y + 1, width: 1, height: area.height - 2)
    buffer.fill(sides, with: glyphs[3], style: style)
    buffer.fill(
      Rect(x: right, y: area.y + 1, width: 1, height: area.height - 2), with: glyphs[3],
      style: style)
    buffer.fill(Rect(x: area.x, y: bottom, width: 1, height: 1), with: glyphs[4], style: style)
    buffer.fill(
      Rect(x: area.x + 1, y: bottom, width: area.width - 2, height: 1), with: glyphs[1],
      style: style)
    buffer.fill(Rect(x: right, y: bottom, width: 1, height: 1), with: glyphs[5], style: style)
    if !title.isEmpty && area.width > 4 {
      let text = " " + Truncation.fit(title, width: area.width - 4) + " "
      let end = buffer.put(
        text, x: top.x, y: area.y, style: theme[focused ? .titleFocused : .title], clip: top)
      let note = " " + self.note + " "
      if !self.note.isEmpty, DisplayWidth.of(note) <= top.maxX - end {
        buffer.put(note, x: end, y: area.y, style: theme[.muted], clip: top)
      }
    }
    return area.inset(by: 1)
  }
}
