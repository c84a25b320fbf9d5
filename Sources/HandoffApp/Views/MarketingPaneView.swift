import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// The Marketing pane: stage counts, inflow, source mix, recycled leads and the MQL
/// target, then its leads, MQLs waiting to be handed off first.
enum MarketingPaneView {
  static func draw(_ frame: inout Frame, _ c: ViewContext, layout: DashboardLayout) {
    guard let area = layout.panes[.marketing] else { return }
    let f = c.figures.marketing
    let focused = c.state.focus == .marketing
    frame.box(area, title: Pane.marketing.title, focused: focused)
    let inner = area.inner
    let counts: [(String, ThemeRole)] = [
      ("new \(f.new)", .text), ("nurturing \(f.nurturing)", .text),
      ("mql \(f.mql)", f.mql > 0 ? .accent : .text),
    ]
    let mqls = "MQLs \(f.mqlsThisPeriod)" + (f.mqlTarget.map { "/\($0)" } ?? "")
    let spark = Frame.sparkline(f.inflow)
    let sources = f.sourceMix.map { ("\($0.source) \($0.count)", ThemeRole.muted) }
    let recycled: [(String, ThemeRole)] =
      [("recycled \(f.recycledWaiting)", f.recycledWaiting > 0 ? .warn : .muted)]
      + f.topReasons.map { ("\($0.reason) \($0.count)", .muted) }
    var y = inner.y
    if layout.figureLines(.marketing) >= 5 {
      FigureLine.draw(&frame, counts, x: inner.x, y: y, width: inner.width)
      y += 1
      drawTarget(&frame, f, x: inner.x, y: y, width: inner.width)
      y += 1
      var col = frame.put("inflow 14d ", x: inner.x, y: y, role: .muted)
      col = frame.put(spark, x: col, y: y, role: .sparkline)
      frame.put(" today \(f.inflow.last ?? 0)", x: col, y: y, role: .muted, limit: inner.maxX - col)
      y += 1
      FigureLine.draw(&frame, sources, x: inner.x, y: y, width: inner.width)
      y += 1
      FigureLine.draw(&frame, recycled, x: inner.x, y: y, width: inner.width)
    } else {
      FigureLine.draw(&frame, [(mqls, .text)] + counts, x: inner.x, y: y, width: inner.width)
      y += 1
      let col = frame.put(spark + " ", x: inner.x, y: y, role: .sparkline)
      FigureLine.draw(&frame, sources, x: col, y: y, width: inner.maxX - col)
      y += 1
      FigureLine.draw(&frame, recycled, x: inner.x, y: y, width: inner.width)
    }
    let rows = layout.listArea(.marketing)
    LeadTable.draw(
      &frame, columns: columns(c), headerY: rows.y - 1, rows: rows,
      reader: c.reader(.marketing), top: c.state.scroll[.marketing] ?? 0,
      selected: c.selectedID(.marketing), focused: focused,
      empty: c.state.needsDerivedOrder ? "no marketing lead matches" : "no leads in marketing")
  }

  private static func drawTarget(
    _ frame: inout Frame, _ f: MarketingFigures, x: Int, y: Int, width: Int
  ) {
    var col = frame.put("MQLs this period \(f.mqlsThisPeriod)", x: x, y: y)
    guard let target = f.mqlTarget, target > 0 else {
      frame.put(" (no target)", x: col, y: y, role: .muted, limit: x + width - col)
      return
    }
    col = frame.put(" / \(target) ", x: col, y: y, role: .muted)
    let fraction = Double(f.mqlsThisPeriod) / Double(target)
    let barWidth = max(0, min(20, x + width - col - 6))
    frame.bar(fraction: fraction, x: col, y: y, width: barWidth, role: .gaugeFill)
    frame.put(" " + Format.percent(fraction), x: col + barWidth, y: y, limit: 6)
  }

  static func columns(_ c: ViewContext) -> [LeadColumn] {
    [
      Columns.id(), Columns.name(c.state.user, width: 8), Columns.company(priority: 2),
      Columns.stage(priority: 8), Columns.score(priority: 6), Columns.source(priority: 4),
      Columns.owner(priority: 3), Columns.age(c.now, priority: 7),
    ]
  }
}

extension Rect {
  /// The column just past the right edge.
  var maxX: Int { x + width }
}
