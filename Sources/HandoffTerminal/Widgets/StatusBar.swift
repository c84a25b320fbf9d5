/// One entry of a status bar: an optional key name and its text.
public struct StatusItem: Hashable, Sendable {
  public var key: String?
  public var text: String
  public var role: ThemeRole

  public init(key: String? = nil, _ text: String, role: ThemeRole = .status) {
    self.key = key
    self.text = text
    self.role = role
  }

  /// Cells the item takes: `key text`.
  var width: Int { (key.map { DisplayWidth.of($0) + 1 } ?? 0) + DisplayWidth.of(text) }
}

/// A one-line bar: items on the left, items on the right.
///
/// The right side (where the user, the store and the clock go) ends at the right
/// edge and takes at most half the bar, or what its last item needs: the last item
/// is shown whole, the others are cut with `…` to fit. The left side starts one cell in and ends two cells
/// before the right side: key hints are shown whole or not at all, in order; an item
/// without a key (a message) is cut with `…`.
public struct StatusBar: Sendable {
  public var left: [StatusItem]
  public var right: [StatusItem]

  public init(left: [StatusItem], right: [StatusItem] = []) {
    self.left = left
    self.right = right
  }

  /// Cells between the right side's items.
  static let rightGap = 2

  /// Draws the bar on the first row of the area; returns the area left of the right
  /// side, where a caller may draw something else instead of `left` (a line editor).
  @discardableResult
  public func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) -> Rect {
    guard !area.isEmpty else { return area }
    let row = area.row(0)
    let layered = theme.layered(over: .status)
    buffer.fill(row, style: theme[.status])
    let wanted = right.reduce(0) { $0 + $1.width } + StatusBar.rightGap * max(0, right.count - 1)
    let lastWidth = min(area.width, right.last?.width ?? 0)
    let rightX = area.maxX - max(lastWidth, min(area.width / 2, wanted))
    if let last = right.last {
      let lastX = max(area.x, area.maxX - last.width)
      var x = rightX
      for item in right.dropLast() {
        let room = lastX - StatusBar.rightGap - x
        guard room > 0 else { break }
        x = draw(item, in: &buffer, area: Rect(x: x, y: area.y, width: room, height: 1), layered)
        x += StatusBar.rightGap
      }
      draw(
        last, in: &buffer, area: Rect(x: lastX, y: area.y, width: area.maxX - lastX, height: 1),
        layered)
    }
    let leftArea = Rect(x: area.x, y: area.y, width: rightX - 2 - area.x, height: 1)
    var x = leftArea.x + 1
    for item in left {
      if item.key == nil {
        let rest = Rect(x: x, y: area.y, width: leftArea.maxX - x, height: 1)
        x = TextLine.draw(Span(item.text, role: item.role), in: &buffer, area: rest, theme: layered)
        continue
      }
      // A hint and the space after it, whole.
      guard x + item.width + 1 <= leftArea.maxX else { break }
      x = draw(
        item, in: &buffer, area: Rect(x: x, y: area.y, width: item.width, height: 1), layered)
      x += 1
    }
    return leftArea
  }

  @discardableResult
  private func draw(
    _ item: StatusItem, in buffer: inout CellBuffer, area: Rect, _ theme: Theme
  ) -> Int {
    var x = area.x
    if let key = item.key {
      x = buffer.put(key, x: x, y: area.y, style: theme[.statusKey], clip: area) + 1
    }
    let rest = Rect(x: x, y: area.y, width: area.maxX - x, height: 1)
    return TextLine.draw(Span(item.text, role: item.role), in: &buffer, area: rest, theme: theme)
  }
}
