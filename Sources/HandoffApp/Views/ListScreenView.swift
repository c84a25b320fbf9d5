import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// A department's leads, full screen: a title line, a column header, the rows.
enum ListScreenView {
  static func draw(_ frame: inout Frame, _ c: ViewContext, list: LeadListID) {
    let reader = c.reader(list)
    let rows = FullScreenLayout.listArea(width: frame.width, height: frame.height)
    var title: [(String, ThemeRole)] = [
      (list.title, .titleFocused), ("\(Money.grouped(Int64(reader.count))) leads", .text),
      ("sort \(c.state.sort.label)", .muted),
    ]
    if !c.state.filter.isEmpty { title.append(("filter “\(c.state.filter)”", .accent)) }
    if c.state.onlyMine { title.append(("only \(c.state.user)", .accent)) }
    title.append(("Esc back", .muted))
    FigureLine.draw(&frame, title, x: 1, y: 0, width: frame.width - 2)
    LeadTable.draw(
      &frame, columns: columns(c, list), headerY: rows.y - 1, rows: rows, reader: reader,
      top: c.state.scroll[list] ?? 0, selected: c.selectedID(list), focused: true,
      empty: "no leads")
  }

  static func columns(_ c: ViewContext, _ list: LeadListID) -> [LeadColumn] {
    var columns = [
      Columns.id(priority: 10), Columns.name(c.state.user, priority: 10, width: 14),
      Columns.company(priority: 8, width: 12),
      LeadColumn(title: "email", width: 14, flex: true, priority: 1) { ($0.email, .muted) },
      Columns.stage(priority: 9), Columns.score(priority: 6), Columns.value(c, priority: 5),
      Columns.source(priority: 4), Columns.owner(priority: 7), Columns.age(c.now, priority: 8),
    ]
    switch list {
    case .queue: columns.append(Columns.sla(c, priority: 10))
    case .sales, .salesAll: columns.append(Columns.attention(c, priority: 7))
    case .marketing, .marketingAll:
      columns.append(
        LeadColumn(title: "reason", width: 14, flex: true, priority: 2) { lead in
          (lead.recycled.map { "↺ \($0.reason) (\($0.by))" } ?? lead.reason ?? "", .muted)
        })
    }
    return columns
  }
}
