import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// A department's leads, full screen: a title line, a column header, the rows.
struct ListScreenView: ScreenPart {
  var area: Rect
  var title: [Span]
  var table: LeadTableView

  init(_ c: ViewContext, list: LeadListID, width: Int, height: Int) {
    area = Rect(x: 1, y: 0, width: width - 2, height: 1)
    let table = LeadTableView(
      c, list: list, columns: ListScreenView.columns(c, list),
      rows: FullScreenLayout.listArea(width: width, height: height), focused: true,
      empty: "no leads")
    var title: [Span] = [
      Span(list.title, role: .titleFocused), Span(table.position),
      Span("sort \(c.state.sort.label)", role: .muted),
    ]
    if !c.state.filter.isEmpty {
      title.append(Span("filter “\(c.state.filter)”", role: .accent, mayCut: true))
    }
    if c.state.onlyMine { title.append(Span("only \(c.state.user)", role: .accent)) }
    let back = c.state.keymap.hint(.back, "back")
    if !back.isEmpty { title.append(Span(back, role: .muted)) }
    self.title = title
    self.table = table
  }

  static func columns(_ c: ViewContext, _ list: LeadListID) -> [LeadColumn] {
    var columns: [LeadColumn] = [
      .id(priority: 10), .name(c.state.user, priority: 10, width: 14),
      .company(priority: 8, width: 12), .email(priority: 1, width: 14), .stage(priority: 9),
      .score(priority: 6), .value(c, priority: 5), .source(priority: 4), .owner(priority: 7),
      .age(c.now, priority: 8),
    ]
    switch list {
    case .queue: columns.append(.sla(c, priority: 10))
    case .sales, .salesAll: columns.append(.attention(c, priority: 7))
    case .marketing, .marketingAll: columns.append(.reason(priority: 2))
    }
    return columns
  }

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    FigureLine(title).draw(in: &buffer, area: area, theme: theme)
    table.draw(in: &buffer, theme: theme)
  }
}
