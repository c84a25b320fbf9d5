import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// The targets, large, for a wall screen at standup: one wide gauge per target.
struct WallView: ScreenPart {
  var area: Rect
  var title: String
  var note: String
  /// The targets shown, three lines each, from the scroll position.
  var entries: [Entry]

  /// One target: its name, its figures in the pace's colour, and its gauge.
  struct Entry: Equatable {
    var metric: String
    var scope: String
    var figures: String
    var role: ThemeRole
    var attainment: Double
  }

  /// Lines each target takes: name and figures, gauge, a blank line.
  static let linesPerEntry = 3

  init(_ c: ViewContext, width: Int, height: Int) {
    area = Rect(x: 0, y: 0, width: width, height: height - 1)
    let period = c.pipeline.currentPeriod(at: c.now)
    let elapsed = period.fractionElapsed(at: c.now, zone: c.pipeline.zone)
    title = "Targets · \(period)"
    note = "\(Format.percent(elapsed)) of the period elapsed"
    let back = c.state.keymap.hint(.back, "back")
    if !back.isEmpty { note += " · " + back }
    let progress = c.figures.targets
    let fit = max(1, (area.height - 2) / WallView.linesPerEntry)
    let top = min(max(0, c.state.targetScroll), max(0, progress.count - fit))
    entries = progress.dropFirst(top).prefix(fit).map { p in
      Entry(
        metric: p.metric.label, scope: p.scope.description,
        figures:
          "\(Format.amount(p.actual, p.metric, c)) of \(Format.amount(p.target, p.metric, c))"
          + "   \(Format.percent(p.attainment))   pace \(Format.percent(p.pace)) \(p.paceState.rawValue) ",
        role: Format.role(p.paceState), attainment: p.attainment)
    }
  }

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let inner = Pane(title: title, note: note, focused: true).draw(
      in: &buffer, area: area, theme: theme)
    guard !entries.isEmpty else {
      TextLine("no targets this period", role: .muted).draw(
        in: &buffer, area: inner.row(1).inset(left: 1), theme: theme)
      return
    }
    for (i, entry) in entries.enumerated() {
      let row = inner.row(i * WallView.linesPerEntry)
      let end = TextLine(
        [Span(" \(entry.metric)", role: .title), Span(" · \(entry.scope)", role: .muted)]
      ).draw(in: &buffer, area: row, theme: theme)
      TextLine(entry.figures, role: entry.role, alignment: .right).draw(
        in: &buffer, area: row.inset(left: end + 2 - row.x), theme: theme)
      Gauge(ratio: entry.attainment, fillRole: entry.role).draw(
        in: &buffer, area: inner.row(i * WallView.linesPerEntry + 1).inset(left: 1, right: 1),
        theme: theme)
    }
  }
}
