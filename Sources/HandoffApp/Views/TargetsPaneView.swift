import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// The Targets pane: one gauge per target, team first, coloured by pace.
struct TargetsPaneView: ScreenPart {
  var area: Rect
  var focused: Bool
  /// The period and how much of it has passed, in the title.
  var note: String
  /// The rows shown, from the scroll position.
  var rows: [TargetRow]

  init(_ c: ViewContext, layout: DashboardLayout) {
    area = layout.panes[.targets] ?? Rect(x: 0, y: 0, width: 0, height: 0)
    focused = c.state.focus == .targets
    let period = c.pipeline.currentPeriod(at: c.now)
    let elapsed = period.fractionElapsed(at: c.now, zone: c.pipeline.zone)
    note = "\(period) · \(Format.percent(elapsed)) elapsed"
    let progress = c.figures.targets
    let height = max(0, area.height - 2)
    let top = min(max(0, c.state.targetScroll), max(0, progress.count - height))
    rows = progress.dropFirst(top).prefix(height).map { TargetRow($0, c) }
  }

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let inner = Pane(title: DashboardPane.targets.title, note: note, focused: focused).draw(
      in: &buffer, area: area, theme: theme)
    guard !rows.isEmpty else {
      TextLine("no targets this period (handoff target set …)", role: .muted).draw(
        in: &buffer, area: inner.row(0), theme: theme)
      return
    }
    for (i, row) in rows.enumerated() { row.draw(in: &buffer, area: inner.row(i), theme: theme) }
  }
}

/// One target on one line: metric and scope, a gauge where there is room, then the
/// amounts, attainment and pace in the pace's colour.
struct TargetRow: Equatable {
  /// Metric and scope, padded to 22 cells.
  var label: String
  var attainment: Double
  var role: ThemeRole
  /// Amounts, attainment and pace, right-aligned in 31 cells.
  var figures: String

  init(_ p: TargetProgress, _ c: ViewContext) {
    label =
      Truncation.pad(p.metric.label, width: 11) + " "
      + Truncation.pad(p.scope.description, width: 10)
    attainment = p.attainment
    role = Format.role(p.paceState)
    let amounts =
      Format.amount(p.actual, p.metric, c) + "/" + Format.amount(p.target, p.metric, c)
    figures =
      Truncation.pad(amounts, width: 15, alignment: .right) + " "
      + Truncation.pad(Format.percent(p.attainment), width: 4, alignment: .right) + " "
      + Truncation.pad("pace " + Format.percent(p.pace), width: 10, alignment: .right)
  }

  /// Cells the label and the figures take, with a space before the figures.
  static let labelWidth = 22
  static let figuresWidth = 32

  func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) {
    let gauge = area.width - TargetRow.labelWidth - 1 - TargetRow.figuresWidth
    var x = TextLine(label).draw(in: &buffer, area: area, theme: theme)
    if gauge >= 6 {
      Gauge(ratio: attainment, fillRole: role).draw(
        in: &buffer, area: Rect(x: x + 1, y: area.y, width: gauge, height: 1), theme: theme)
      x += 1 + gauge
    }
    TextLine(" " + figures, role: role).draw(
      in: &buffer, area: Rect(x: x, y: area.y, width: area.maxX - x, height: 1), theme: theme)
  }
}
