/// One entry of a status bar: an optional key name and its text.
public struct StatusItem: Sendable {
  public var key: String?
  public var text: String
  public var role: ThemeRole

  public init(key: String? = nil, _ text: String, role: ThemeRole = .status) {
    self.key = key
    self.text = text
    self.role = role
  }
}

/// A one-line bar: items on the left, items on the right; the right side wins
/// when both do not fit.
public struct StatusBar: Sendable {
  public var left: [StatusItem]
  public var right: [StatusItem]

  public init(left: [StatusItem], right: [StatusItem] = []) {
    self.left = left
    self.right = right
  }

  /// Draws the bar on the first row of the area.
  public func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    let row = area.row(0)
    buffer.fill(row, style: theme[.status])
    let rightWidth = right.reduce(0) { $0 + width(of: $1) + 1 }
    let rightStart = max(area.x, area.maxX - rightWidth)
    var x = rightStart
    for item in right { x = draw(item, x: x + 1, row: row, buffer: &buffer, theme: theme) }
    let leftClip = Rect(x: area.x, y: area.y, width: rightStart - area.x, height: 1)
    x = area.x
    for item in left {
      x = draw(item, x: x + 1, row: leftClip, buffer: &buffer, theme: theme) + 1
    }
  }

  private func width(of item: StatusItem) -> Int {
    (item.key.map { DisplayWidth.of($0) + 1 } ?? 0) + DisplayWidth.of(item.text)
  }

  private func draw(
    _ item: StatusItem, x: Int, row: Rect, buffer: inout CellBuffer, theme: Theme
  ) -> Int {
    var x = x
    if let key = item.key {
      x = buffer.put(key, x: x, y: row.y, style: theme[.statusKey], clip: row)
      x += 1
    }
    let style =
      item.role == .status ? theme[.status] : theme[.status].patched(with: theme[item.role])
    return buffer.put(item.text, x: x, y: row.y, style: style, clip: row)
  }
}
