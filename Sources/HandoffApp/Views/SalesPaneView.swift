import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// The Sales pane: count and value per stage, this period against quota, win rate,
/// coverage, retention; then its leads, stale deals and overdue follow-ups first.
enum SalesPaneView {
  static func draw(_ frame: inout Frame, _ c: ViewContext, layout: DashboardLayout) {
    guard let area = layout.panes[.sales] else { return }
    let f = c.figures.sales
    let focused = c.state.focus == .sales
    frame.box(area, title: Pane.sales.title, focused: focused)
    let inner = area.inner
    let stages = f.stages.map {
      ("\(Format.stage($0.stage)) \($0.count) \(c.money($0.value))", ThemeRole.text)
    }
    let attainment = f.quota.map { $0 > 0 ? Double(f.revenueThisPeriod) / Double($0) : nil } ?? nil
    let won: [(String, ThemeRole)] = [
      (
        "won \(f.wonThisPeriod) \(c.money(f.revenueThisPeriod))"
          + (f.quota.map { " / \(c.money($0))" } ?? ""), .text
      ),
      (Format.percent(attainment), .accent),
    ]
    let rates: [(String, ThemeRole)] = [
      ("win \(Format.percent(f.winRate))", .text), ("cover \(Format.times(f.coverage))", .text),
      ("stale \(f.stale)", f.stale > 0 ? .bad : .muted),
    ]
    let retention: [(String, ThemeRole)] = [
      ("customers \(f.customers)", .text),
      ("f/u due \(f.followUpsDue)", f.followUpsDue > 0 ? .warn : .muted),
      ("overdue \(f.followUpsOverdue)", f.followUpsOverdue > 0 ? .bad : .muted),
      ("churned \(f.churnedThisPeriod)", f.churnedThisPeriod > 0 ? .bad : .muted),
    ]
    let lines =
      layout.figureLines(.sales) >= 4
      ? [stages, won, rates, retention] : [stages, won + rates, retention]
    for (i, line) in lines.enumerated() {
      FigureLine.draw(&frame, line, x: inner.x, y: inner.y + i, width: inner.width)
    }
    let rows = layout.listArea(.sales)
    LeadTable.draw(
      &frame, columns: columns(c), headerY: rows.y - 1, rows: rows, reader: c.reader(.sales),
      top: c.state.scroll[.sales] ?? 0, selected: c.selectedID(.sales), focused: focused,
      empty: c.state.needsDerivedOrder ? "no sales lead matches" : "no open deals or customers")
  }

  static func columns(_ c: ViewContext) -> [LeadColumn] {
    [
      Columns.id(), Columns.name(c.state.user, width: 8), Columns.company(priority: 2),
      Columns.stage(priority: 8, width: 5), Columns.value(c, priority: 6),
      Columns.owner(priority: 3), Columns.attention(c, priority: 7),
    ]
  }
}
