import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// The Marketing pane: stage counts, inflow, source mix, recycled leads and the MQL
/// target, then its leads, MQLs waiting to be handed off first.
struct MarketingPaneView: ScreenPart {
  var area: Rect
  var focused: Bool
  /// Five lines of figures (each on its own), or three (packed).
  var large: Bool
  var counts: [Span]
  var mqlsThisPeriod: Int64
  var mqlTarget: Int64?
  /// New leads per day, the last 14 days.
  var inflow: [Int]
  var sources: [Span]
  var recycled: [Span]
  var table: LeadTableView

  init(_ c: ViewContext, layout: DashboardLayout) {
    area = layout.panes[.marketing] ?? Rect(x: 0, y: 0, width: 0, height: 0)
    let f = c.figures.marketing
    focused = c.state.focus == .marketing
    large = layout.figureLines(.marketing) >= 5
    counts = [
      Span("new \(f.new)"), Span("nurturing \(f.nurturing)"),
      Span("mql \(f.mql)", role: f.mql > 0 ? .accent : .text),
    ]
    mqlsThisPeriod = f.mqlsThisPeriod
    mqlTarget = f.mqlTarget
    inflow = f.inflow
    sources = f.sourceMix.map { Span("\($0.source) \($0.count)", role: .muted) }
    recycled =
      [Span("recycled \(f.recycledWaiting)", role: f.recycledWaiting > 0 ? .warn : .muted)]
      + f.topReasons.map { Span("\($0.reason) \($0.count)", role: .muted) }
    table = LeadTableView(
      c, list: .marketing, columns: MarketingPaneView.columns(c),
      rows: layout.listArea(.marketing), focused: focused,
      empty: c.state.needsDerivedOrder ? "no marketing lead matches" : "no leads in marketing")
  }

  static func columns(_ c: ViewContext) -> [LeadColumn] {
    [
      .id(), .name(c.state.user, width: 8), .company(priority: 2), .stage(priority: 8),
      .score(priority: 6), .source(priority: 4), .owner(priority: 3), .age(c.now, priority: 7),
    ]
  }

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let inner = Pane(title: DashboardPane.marketing.title, note: table.paneNote, focused: focused)
      .draw(
        in: &buffer, area: area, theme: theme)
    let spark = Sparkline(values: inflow.map(Double.init))
    if large {
      FigureLine(counts).draw(in: &buffer, area: inner.row(0), theme: theme)
      drawTarget(in: &buffer, area: inner.row(1), theme: theme)
      FigureLine(
        [
          Span("inflow 14d", role: .muted), Span(spark.text(width: inflow.count), role: .sparkline),
          Span("today \(inflow.last ?? 0)", role: .muted),
        ], separator: " "
      ).draw(in: &buffer, area: inner.row(2), theme: theme)
      FigureLine(sources).draw(in: &buffer, area: inner.row(3), theme: theme)
      FigureLine(recycled).draw(in: &buffer, area: inner.row(4), theme: theme)
    } else {
      let mqls = "MQLs \(mqlsThisPeriod)" + (mqlTarget.map { "/\($0)" } ?? "")
      FigureLine([Span(mqls)] + counts).draw(in: &buffer, area: inner.row(0), theme: theme)
      let line = inner.row(1)
      let chart = Rect(x: line.x, y: line.y, width: min(inflow.count, line.width), height: 1)
      spark.draw(in: &buffer, area: chart, theme: theme)
      FigureLine(sources).draw(in: &buffer, area: line.inset(left: chart.width + 1), theme: theme)
      FigureLine(recycled).draw(in: &buffer, area: inner.row(2), theme: theme)
    }
    table.draw(in: &buffer, theme: theme)
  }

  /// `MQLs this period 72 / 155`, then a gauge of at most 20 cells and the percentage.
  private func drawTarget(in buffer: inout CellBuffer, area: Rect, theme: Theme) {
    let count = Span("MQLs this period \(mqlsThisPeriod)")
    guard let target = mqlTarget, target > 0 else {
      FigureLine([count, Span("(no target)", role: .muted)], separator: " ").draw(
        in: &buffer, area: area, theme: theme)
      return
    }
    let end = FigureLine([count, Span("/ \(target)", role: .muted)], separator: " ").draw(
      in: &buffer, area: area, theme: theme)
    let fraction = Double(mqlsThisPeriod) / Double(target)
    let value = Format.percent(fraction)
    let bar = max(0, min(20, area.maxX - end - 7))
    Gauge(ratio: fraction, value: value).draw(
      in: &buffer,
      area: Rect(x: end + 1, y: area.y, width: bar + 1 + DisplayWidth.of(value), height: 1),
      theme: theme)
  }
}
