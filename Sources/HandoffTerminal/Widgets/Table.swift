/// A column of a `Table`.
public struct TableColumn: Sendable {
  public var title: String
  /// How wide the column is; `.min` columns share the width that is left.
  public var width: Constraint
  public var alignment: Alignment

  public init(_ title: String, width: Constraint, alignment: Alignment = .left) {
    self.title = title
    self.width = width
    self.alignment = alignment
  }
}

/// One cell of a table row: text, and a role to draw it in (text when nil).
public struct TableCell: Sendable, ExpressibleByStringLiteral {
  public var text: String
  public var role: ThemeRole?

  public init(_ text: String, role: ThemeRole? = nil) {
    self.text = text
    self.role = role
  }

  public init(stringLiteral value: String) { self.init(value) }
}

/// A table with a header, a selected row and a scroll window.
///
/// Rows come from a closure asked only for the rows on screen, so a table of a
/// million rows costs what its visible rows cost.
public struct Table {
  public var columns: [TableColumn]
  public var rowCount: Int
  public var row: (Int) -> [TableCell]
  /// The selected row, if any.
  public var selected: Int?
  /// The first row shown.
  public var offset: Int
  /// Whether the table has focus (selection drawn in `.selection`, else `.selectionInactive`).
  public var focused: Bool
  /// Cells between columns.
  public var spacing: Int

  public init(
    columns: [TableColumn], rowCount: Int, selected: Int? = nil, offset: Int = 0,
    focused: Bool = true, spacing: Int = 1, row: @escaping (Int) -> [TableCell]
  ) {
    self.columns = columns
    self.rowCount = rowCount
    self.row = row
    self.selected = selected
    self.offset = offset
    self.focused = focused
    self.spacing = spacing
  }

  /// The offset that keeps `selected` within a window of `visible` rows, moving
  /// the window as little as possible from `current`.
  public static func scrollOffset(selected: Int, current: Int, visible: Int, count: Int) -> Int {
    guard visible > 0, count > visible else { return 0 }
    var offset = min(max(0, current), count - visible)
    if selected < offset { offset = selected }
    if selected >= offset + visible { offset = selected - visible + 1 }
    return min(max(0, offset), count - visible)
  }

  /// Rows the table shows in an area of this height (the header takes one).
  public static func visibleRows(height: Int) -> Int { max(0, height - 1) }

  /// Draws the header and the visible rows.
  public func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    let widths = Layout.split(
      Rect(x: area.x, y: area.y, width: area.width, height: 1), .horizontal,
      columns.map(\.width), spacing: spacing)
    buffer.fill(area.row(0), style: theme[.header])
    for (column, rect) in zip(columns, widths) where rect.width > 0 {
      buffer.put(
        Truncation.pad(column.title, width: rect.width, alignment: column.alignment),
        x: rect.x, y: area.y, style: theme[.header], clip: area)
    }
    let visible = Table.visibleRows(height: area.height)
    for line in 0..<visible {
      let index = offset + line
      let y = area.y + 1 + line
      guard index < rowCount else { break }
      let cells = row(index)
      let isSelected = index == selected
      let rowStyle = isSelected ? theme[focused ? .selection : .selectionInactive] : theme[.text]
      buffer.fill(area.row(1 + line), style: rowStyle)
      for (position, rect) in widths.enumerated() where rect.width > 0 && position < cells.count {
        let cell = cells[position]
        let style = isSelected ? rowStyle : theme[cell.role ?? .text]
        buffer.put(
          Truncation.pad(cell.text, width: rect.width, alignment: columns[position].alignment),
          x: rect.x, y: y, style: style, clip: area)
      }
    }
  }
}
