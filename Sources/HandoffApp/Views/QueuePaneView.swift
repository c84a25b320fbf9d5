import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// The Handoff queue pane: its figures, then every queued lead, oldest first, with a
/// live SLA countdown.
struct QueuePaneView: ScreenPart {
  var area: Rect
  var focused: Bool
  /// One or two lines of figures.
  var lines: [[Span]]
  var table: LeadTableView

  init(_ c: ViewContext, layout: DashboardLayout) {
    area = layout.panes[.queue] ?? Rect(x: 0, y: 0, width: 0, height: 0)
    let f = c.figures.queue
    focused = c.state.focus == .queue
    let parts: [Span] = [
      Span("\(f.size) waiting"),
      Span("oldest " + (f.oldestAge.map(DurationText.compact) ?? "—")),
      Span("\(f.breached) breached", role: f.breached > 0 ? .bad : .muted),
      Span("\(f.dueSoon) due soon", role: f.dueSoon > 0 ? .warn : .muted),
      Span("\(f.unassigned) unassigned", role: f.unassigned > 0 ? .warn : .muted),
    ]
    let rates: [Span] = [
      Span("median accept " + (f.medianTimeToAccept.map(DurationText.format) ?? "—")),
      Span(
        "accept rate \(Format.percent(f.acceptanceRate)) (\(f.accepted30) in, \(f.rejected30) back, 30d)"
      ),
    ]
    lines = layout.figureLines(.queue) >= 2 ? [parts, rates] : [parts + rates]
    table = LeadTableView(
      c, list: .queue, columns: QueuePaneView.columns(c), rows: layout.listArea(.queue),
      focused: focused,
      empty: c.state.needsDerivedOrder ? "no queued lead matches" : "the queue is empty")
  }

  static func columns(_ c: ViewContext) -> [LeadColumn] {
    [
      .id(), .name(c.state.user), .company(priority: 6), .score(priority: 5), .source(priority: 4),
      .owner(priority: 7), .age(c.now, priority: 8), .sla(c, priority: 10),
    ]
  }

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let inner = Pane(title: DashboardPane.queue.title, note: table.paneNote, focused: focused).draw(
      in: &buffer, area: area, theme: theme)
    for (i, line) in lines.enumerated() {
      FigureLine(line).draw(in: &buffer, area: inner.row(i), theme: theme)
    }
    table.draw(in: &buffer, theme: theme)
  }
}
