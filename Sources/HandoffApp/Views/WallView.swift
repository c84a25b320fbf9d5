import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// The targets, large, for a wall screen at standup: one wide gauge per target.
enum WallView {
  static func draw(_ frame: inout Frame, _ c: ViewContext) {
    let period = c.pipeline.currentPeriod(at: c.now)
    let elapsed = period.fractionElapsed(at: c.now, zone: c.pipeline.zone)
    let area = Rect(x: 0, y: 0, width: frame.width, height: frame.height - 1)
    frame.box(
      area, title: "Targets · \(period)", focused: true,
      note: "\(Format.percent(elapsed)) of the period elapsed · Esc back")
    let inner = area.inner
    let progress = c.figures.targets
    guard !progress.isEmpty else {
      frame.put("no targets this period", x: inner.x + 1, y: inner.y + 1, role: .muted)
      return
    }
    let per = 3
    let fit = max(1, inner.height / per)
    let top = min(max(0, c.state.targetScroll), max(0, progress.count - fit))
    for (i, p) in progress.dropFirst(top).prefix(fit).enumerated() {
      let y = inner.y + i * per
      let role = Format.role(p.paceState)
      var col = frame.put(" \(p.metric.label)", x: inner.x, y: y, role: .title)
      col = frame.put(" · \(p.scope)", x: col, y: y, role: .muted)
      let figures =
        "\(Format.amount(p.actual, p.metric, c)) of \(Format.amount(p.target, p.metric, c))"
        + "   \(Format.percent(p.attainment))   pace \(Format.percent(p.pace)) \(p.paceState.rawValue) "
      frame.put(
        figures, x: max(col + 2, inner.maxX - DisplayWidth.of(figures)), y: y, role: role,
        limit: inner.maxX - col - 2)
      frame.bar(
        fraction: p.attainment, x: inner.x + 1, y: y + 1, width: inner.width - 2, role: role)
    }
  }
}
