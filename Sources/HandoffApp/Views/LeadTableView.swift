import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// A window of a lead list drawn as the engine's table: the column header on the
/// first row of its area, then the visible leads, the selected one highlighted.
struct LeadTableView: ScreenPart {
  /// The header row and the rows below it.
  var area: Rect
  var columns: [TableColumn]
  /// How many leads the list has, and the first one shown.
  var count: Int
  var offset: Int
  /// The cells of the visible leads, from `offset`.
  var rows: [[Span]]
  /// The row of the selected lead, if it is visible.
  var selected: Int?
  var focused: Bool
  /// What the first row says when the list is empty.
  var empty: String

  /// The visible window of a list whose rows go in `rows` (below its header).
  init(
    _ c: ViewContext, list: LeadListID, columns: [LeadColumn], rows area: Rect, focused: Bool,
    empty: String
  ) {
    let reader = c.reader(list)
    self.area = Rect(x: area.x, y: area.y - 1, width: area.width, height: area.height + 1)
    self.focused = focused
    self.empty = empty
    self.columns = columns.map(\.column)
    count = reader.count
    offset = c.state.scroll[list] ?? 0
    let leads = reader.leads(in: offset..<(offset + max(0, area.height)))
    rows = leads.map { lead in columns.map { $0.value(lead) } }
    let selectedID = c.selectedID(list)
    let first = offset
    selected = leads.firstIndex { $0.id == selectedID }.map { first + $0 }
  }

  /// Where the window stands in the list, as the engine says it: `12–28 of 412`.
  var position: String {
    Table.position(
      offset: offset, visible: Table.visibleRows(height: area.height), count: count,
      number: { Money.grouped(Int64($0)) })
  }

  /// A pane's note: the list's size while every lead fits, or when no row fits at all (a
  /// short terminal: "0 of 437" would read as an empty list), else where the window is.
  var paneNote: String {
    let visible = Table.visibleRows(height: area.height)
    return count > visible && visible > 0 ? position : Money.grouped(Int64(count))
  }

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let rows = self.rows
    let offset = self.offset
    Table(
      columns: columns, rowCount: count, selected: selected, offset: offset, focused: focused,
      empty: empty
    ) { $0 - offset < rows.count ? rows[$0 - offset] : [] }
    .draw(in: &buffer, area: area, theme: theme)
  }
}
