/// A table with a header, a selected row and a scroll window.
///
/// Rows come from a closure asked only for the rows on screen, so a table of a
/// million rows costs what its visible rows cost. Columns that do not fit are dropped
/// by priority (see `TableColumn.fit`). The table draws over its area as it is: rows
/// other than the selected one keep the area's background.
public struct Table {
  public var columns: [TableColumn]
  public var rowCount: Int
  public var row: (Int) -> [Span]
  /// The selected row, if any.
  public var selected: Int?
  /// The first row shown.
  public var offset: Int
  /// Whether the table has focus (selection drawn in `.selection`, else `.selectionInactive`).
  public var focused: Bool
  /// Cells between columns.
  public var spacing: Int
  /// Whether the first row of the area shows the column titles.
  public var showsHeader: Bool
  /// What the first row says when there are no rows (muted), if anything.
  public var empty: String

  public init(
    columns: [TableColumn], rowCount: Int, selected: Int? = nil, offset: Int = 0,
    focused: Bool = true, spacing: Int = 1, showsHeader: Bool = true, empty: String = "",
    row: @escaping (Int) -> [Span]
  ) {
    self.columns = columns
    self.rowCount = rowCount
    self.row = row
    self.selected = selected
    self.offset = offset
    self.focused = focused
    self.spacing = spacing
    self.showsHeader = showsHeader
    self.empty = empty
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
  public static func visibleRows(height: Int, showsHeader: Bool = true) -> Int {
    max(0, height - (showsHeader ? 1 : 0))
  }

  /// Where a window of `visible` rows from `offset` stands in `count` rows, counted
  /// from 1: `12–28 of 412`; `0 of 0` for no rows. `number` writes each number.
  public static func position(
    offset: Int, visible: Int, count: Int, number: (Int) -> String = { String($0) }
  ) -> String {
    guard count > 0, visible > 0 else { return "0 of \(number(max(0, count)))" }
    let first = min(max(0, offset), count - 1) + 1
    let last = min(count, first - 1 + visible)
    return "\(number(first))–\(number(last)) of \(number(count))"
  }

  /// This table's scroll position in an area: `12–28 of 412`.
  public func position(in area: Rect, number: (Int) -> String = { String($0) }) -> String {
    Table.position(
      offset: offset, visible: Table.visibleRows(height: area.height, showsHeader: showsHeader),
      count: rowCount, number: number)
  }

  /// Draws the header and the visible rows.
  public func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    let fitted = TableColumn.fit(columns, width: area.width, spacing: spacing)
    var cells: [Rect] = []
    var x = area.x
    for (_, width) in fitted {
      cells.append(Rect(x: x, y: 0, width: width, height: 1))
      x += width + spacing
    }
    var y = area.y
    if showsHeader {
      for ((index, _), cell) in zip(fitted, cells) where cell.width > 0 {
        TextLine.draw(
          Span(columns[index].title, role: .header), in: &buffer,
          area: cell.moved(to: y).intersection(area),
          alignment: columns[index].alignment, theme: theme)
      }
      y += 1
    }
    if rowCount <= 0 {
      if !empty.isEmpty, y < area.maxY {
        TextLine.draw(
          Span(empty, role: .muted), in: &buffer, area: area.row(y - area.y), theme: theme)
      }
      return
    }
    let rowRole: ThemeRole = focused ? .selection : .selectionInactive
    var index = max(0, offset)
    while y < area.maxY, index < rowCount {
      let spans = row(index)
      let isSelected = index == selected
      if isSelected { buffer.fill(area.row(y - area.y), style: theme[rowRole]) }
      for (position, (column, _)) in fitted.enumerated() where column < spans.count {
        var span = spans[column]
        if isSelected { span.role = rowRole }
        TextLine.draw(
          span, in: &buffer, area: cells[position].moved(to: y).intersection(area),
          alignment: columns[column].alignment, theme: theme)
      }
      y += 1
      index += 1
    }
  }
}

extension Rect {
  /// The same rectangle at another row.
  func moved(to y: Int) -> Rect { Rect(x: x, y: y, width: width, height: height) }
}
