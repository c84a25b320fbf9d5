/// A line of figures separated by ` · `, as many as fit whole, in order: the first
/// item that does not fit is left out with every item after it, so no number is ever
/// shown cut (`nego 7` for 77). An item marked `mayCut` (a name, a sentence) is cut
/// with `…` instead, where at least two cells are left for it.
public struct FigureLine: Sendable {
  public var items: [Span]
  public var separator: String
  public var separatorRole: ThemeRole

  public init(_ items: [Span], separator: String = " · ", separatorRole: ThemeRole = .muted) {
    self.items = items
    self.separator = separator
    self.separatorRole = separatorRole
  }

  /// How many items, from the first, are shown whole in `width` cells.
  public func fitting(width: Int) -> Int {
    let gap = DisplayWidth.of(separator)
    var used = 0
    for (index, item) in items.enumerated() {
      let need = (index > 0 ? gap : 0) + item.width
      if used + need > width { return index }
      used += need
    }
    return items.count
  }

  /// Draws the line on the first row of the area; returns the column after the last
  /// cell written.
  @discardableResult
  public func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) -> Int {
    guard !area.isEmpty else { return area.x }
    let row = area.row(0)
    let shown = fitting(width: area.width)
    var x = area.x
    for (index, item) in items.prefix(shown).enumerated() {
      if index > 0 {
        x = buffer.put(separator, x: x, y: area.y, style: theme[separatorRole], clip: row)
      }
      x = buffer.put(item.text, x: x, y: area.y, style: theme[item.role], clip: row)
    }
    guard shown < items.count, items[shown].mayCut else { return x }
    let gap = shown > 0 ? DisplayWidth.of(separator) : 0
    guard area.maxX - x - gap >= 2 else { return x }
    if shown > 0 {
      x = buffer.put(separator, x: x, y: area.y, style: theme[separatorRole], clip: row)
    }
    let rest = Rect(x: x, y: area.y, width: area.maxX - x, height: 1)
    return TextLine.draw(items[shown], in: &buffer, area: rest, theme: theme)
  }
}
