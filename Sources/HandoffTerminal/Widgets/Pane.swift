/// A bordered box with a title; the focused pane gets a heavy border in the
/// focused colours, so focus shows even without colour.
public struct Pane: Sendable {
  public var title: String
  public var focused: Bool

  public init(title: String, focused: Bool = false) {
    self.title = title
    self.focused = focused
  }

  /// Draws the border and title and returns the inner area for the content.
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
    buffer.put(String(glyphs[0]), x: area.x, y: area.y, style: style, clip: area)
    buffer.fill(
      Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1), with: glyphs[1],
      style: style)
    buffer.put(String(glyphs[2]), x: right, y: area.y, style: style, clip: area)
    buffer.fill(
      Rect(x: area.x, y: area.y + 1, width: 1, height: area.height - 2), with: glyphs[3],
      style: style)
    buffer.fill(
      Rect(x: right, y: area.y + 1, width: 1, height: area.height - 2), with: glyphs[3],
      style: style)
    buffer.put(String(glyphs[4]), x: area.x, y: bottom, style: style, clip: area)
    buffer.fill(
      Rect(x: area.x + 1, y: bottom, width: area.width - 2, height: 1), with: glyphs[1],
      style: style)
    buffer.put(String(glyphs[5]), x: right, y: bottom, style: style, clip: area)
    if !title.isEmpty && area.width > 4 {
      let text = " " + Truncation.fit(title, width: area.width - 6) + " "
      buffer.put(
        text, x: area.x + 2, y: area.y, style: theme[focused ? .titleFocused : .title], clip: area)
    }
    return area.inset(by: 1)
  }
}
