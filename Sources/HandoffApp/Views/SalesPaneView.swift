import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// The Sales pane: count and value per stage, this period against quota, win rate,
/// coverage, retention; then its leads, stale deals and overdue follow-ups first.
struct SalesPaneView: ScreenPart {
  var area: Rect
  var focused: Bool
  /// Three or four lines of figures.
  var lines: [[Span]]
  var table: LeadTableView

  init(_ c: ViewContext, layout: DashboardLayout) {
    area = layout.panes[.sales] ?? Rect(x: 0, y: 0, width: 0, height: 0)
    let f = c.figures.sales
    focused = c.state.focus == .sales
    let stages = f.stages.map {
      Span("\(Format.stage($0.stage)) \($0.count) \(c.money($0.value))")
    }
    let attainment = f.quota.map { $0 > 0 ? Double(f.revenueThisPeriod) / Double($0) : nil } ?? nil
    let won: [Span] = [
      Span(
        "won \(f.wonThisPeriod) \(c.money(f.revenueThisPeriod))"
          + (f.quota.map { " / \(c.money($0))" } ?? "")),
      Span(Format.percent(attainment), role: .accent),
    ]
    let rates: [Span] = [
      Span("win \(Format.percent(f.winRate))"), Span("cover \(Format.times(f.coverage))"),
      Span("stale \(f.stale)", role: f.stale > 0 ? .bad : .muted),
    ]
    let retention: [Span] = [
      Span("customers \(f.customers)"),
      Span("f/u due \(f.followUpsDue)", role: f.followUpsDue > 0 ? .warn : .muted),
      Span("overdue \(f.followUpsOverdue)", role: f.followUpsOverdue > 0 ? .bad : .muted),
      Span("churned \(f.churnedThisPeriod)", role: f.churnedThisPeriod > 0 ? .bad : .muted),
    ]
    lines =
      layout.figureLines(.sales) >= 4
      ? [stages, won, rates, retention] : [stages, won + rates, retention]
    table = LeadTableView(
      c, list: .sales, columns: SalesPaneView.columns(c), rows: layout.listArea(.sales),
      focused: focused,
      empty: c.state.needsDerivedOrder ? "no sales lead matches" : "no open deals or customers")
  }

  static func columns(_ c: ViewContext) -> [LeadColumn] {
    [
      .id(), .name(c.state.user, width: 8), .company(priority: 2), .stage(priority: 8, width: 5),
      .value(c, priority: 6), .owner(priority: 3), .attention(c, priority: 7),
    ]
  }

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let inner = Pane(title: DashboardPane.sales.title, note: table.paneNote, focused: focused).draw(
      in: &buffer, area: area, theme: theme)
    for (i, line) in lines.enumerated() {
      FigureLine(line).draw(in: &buffer, area: inner.row(i), theme: theme)
    }
    table.draw(in: &buffer, theme: theme)
  }
}
