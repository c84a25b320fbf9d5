import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// The Targets pane: one gauge per target, team first, coloured by pace.
enum TargetsPaneView {
  static func draw(_ frame: inout Frame, _ c: ViewContext, layout: DashboardLayout) {
    guard let area = layout.panes[.targets] else { return }
    let progress = c.figures.targets
    let period = c.pipeline.currentPeriod(at: c.now)
    let elapsed = period.fractionElapsed(at: c.now, zone: c.pipeline.zone)
    frame.box(
      area, title: Pane.targets.title, focused: c.state.focus == .targets,
      note: "\(period) · \(Format.percent(elapsed)) elapsed")
    drawRows(&frame, c, progress, area: area.inner, scroll: c.state.targetScroll)
  }

  /// One line per target from `scroll`, as many as fit.
  static func drawRows(
    _ frame: inout Frame, _ c: ViewContext, _ progress: [TargetProgress], area: Rect, scroll: Int
  ) {
    guard !progress.isEmpty else {
      frame.put(
        "no targets this period (handoff target set …)", x: area.x, y: area.y, role: .muted,
        limit: area.width)
      return
    }
    let top = min(max(0, scroll), max(0, progress.count - area.height))
    for (i, p) in progress.dropFirst(top).prefix(area.height).enumerated() {
      drawRow(&frame, c, p, x: area.x, y: area.y + i, width: area.width)
    }
  }

  static func drawRow(
    _ frame: inout Frame, _ c: ViewContext, _ p: TargetProgress, x: Int, y: Int, width: Int
  ) {
    let role = Format.role(p.paceState)
    let label =
      Truncation.pad(p.metric.label, width: 11) + " "
      + Truncation.pad(p.scope.description, width: 10)
    let amounts =
      Format.amount(p.actual, p.metric, c) + "/" + Format.amount(p.target, p.metric, c)
    let tail =
      Truncation.pad(amounts, width: 15, alignment: .right) + " "
      + Truncation.pad(Format.percent(p.attainment), width: 4, alignment: .right) + " "
      + Truncation.pad("pace " + Format.percent(p.pace), width: 10, alignment: .right)
    let gauge = width - 22 - 1 - 32
    var col = frame.put(label, x: x, y: y, limit: width)
    if gauge >= 6 {
      col = frame.put(" ", x: col, y: y)
      frame.bar(fraction: p.attainment, x: col, y: y, width: gauge, role: role)
      col += gauge
    }
    frame.put(" " + tail, x: col, y: y, role: role, limit: x + width - col)
  }
}
