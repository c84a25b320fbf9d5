import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// The Handoff queue pane: its figures, then every queued lead, oldest first, with a
/// live SLA countdown.
enum QueuePaneView {
  static func draw(_ frame: inout Frame, _ c: ViewContext, layout: DashboardLayout) {
    guard let area = layout.panes[.queue] else { return }
    let f = c.figures.queue
    let focused = c.state.focus == .queue
    frame.box(area, title: Pane.queue.title, focused: focused, note: "\(f.size)")
    let inner = area.inner
    var parts: [(String, ThemeRole)] = [
      ("\(f.size) waiting", .text),
      ("oldest " + (f.oldestAge.map(DurationText.compact) ?? "—"), .text),
      ("\(f.breached) breached", f.breached > 0 ? .bad : .muted),
      ("\(f.dueSoon) due soon", f.dueSoon > 0 ? .warn : .muted),
      ("\(f.unassigned) unassigned", f.unassigned > 0 ? .warn : .muted),
    ]
    let rates: [(String, ThemeRole)] = [
      ("median accept " + (f.medianTimeToAccept.map(DurationText.format) ?? "—"), .text),
      (
        "accept rate \(Format.percent(f.acceptanceRate)) (\(f.accepted30) in, \(f.rejected30) back, 30d)",
        .text
      ),
    ]
    if layout.figureLines(.queue) >= 2 {
      FigureLine.draw(&frame, parts, x: inner.x, y: inner.y, width: inner.width)
      FigureLine.draw(&frame, rates, x: inner.x, y: inner.y + 1, width: inner.width)
    } else {
      parts += rates
      FigureLine.draw(&frame, parts, x: inner.x, y: inner.y, width: inner.width)
    }
    let rows = layout.listArea(.queue)
    LeadTable.draw(
      &frame, columns: columns(c), headerY: rows.y - 1, rows: rows, reader: c.reader(.queue),
      top: c.state.scroll[.queue] ?? 0, selected: c.selectedID(.queue), focused: focused,
      empty: c.state.needsDerivedOrder ? "no queued lead matches" : "the queue is empty")
  }

  static func columns(_ c: ViewContext) -> [LeadColumn] {
    [
      Columns.id(), Columns.name(c.state.user), Columns.company(priority: 6),
      Columns.score(priority: 5), Columns.source(priority: 4), Columns.owner(priority: 7),
      Columns.age(c.now, priority: 8), Columns.sla(c, priority: 10),
    ]
  }
}

/// A line of figures separated by dots, cut where the width ends.
enum FigureLine {
  static func draw(_ frame: inout Frame, _ parts: [(String, ThemeRole)], x: Int, y: Int, width: Int)
  {
    var col = x
    let end = x + width
    for (i, (text, role)) in parts.enumerated() {
      if i > 0 { col = frame.put(" · ", x: col, y: y, role: .muted, limit: end - col) }
      if col >= end { break }
      col = frame.put(text, x: col, y: y, role: role, limit: end - col)
    }
  }
}
