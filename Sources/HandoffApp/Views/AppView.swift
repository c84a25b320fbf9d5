import HandoffModel
import HandoffTerminal

/// The whole screen for a state: a pure function of the state, the pipeline and the
/// moment, drawn into a new buffer by the engine's widgets. Each part of the screen
/// is first built as the value of what it shows (`ScreenPart`), then drawn.
package enum AppView {
  /// Draws the screen the state is on, with its overlay, at the state's size; with
  /// `figures` still current for the pipeline and moment, reuses them.
  package static func render(
    _ state: AppState, pipeline: Pipeline, now: Timestamp, theme: Theme = .standard,
    figures: DashboardFigures? = nil
  ) -> CellBuffer {
    var panes: PaneCache?
    return render(state, pipeline: pipeline, now: now, theme: theme, figures: figures, &panes)
  }

  /// Draws the screen like `render(_:pipeline:now:theme:figures:)`, copying from
  /// `panes` the dashboard panes whose inputs did not change since the frame it keeps
  /// (and keeping this one's): what the dashboard's loop draws with.
  package static func render(
    _ state: AppState, pipeline: Pipeline, now: Timestamp, theme: Theme = .standard,
    figures: DashboardFigures? = nil, panes: inout PaneCache
  ) -> CellBuffer {
    var cache: PaneCache? = panes
    defer { panes = cache ?? PaneCache() }
    return render(state, pipeline: pipeline, now: now, theme: theme, figures: figures, &cache)
  }

  private static func render(
    _ state: AppState, pipeline: Pipeline, now: Timestamp, theme: Theme,
    figures: DashboardFigures?, _ panes: inout PaneCache?
  ) -> CellBuffer {
    let width = max(0, state.width)
    let height = max(0, state.height)
    var buffer = CellBuffer(width: width, height: height, style: theme[.background])
    guard width >= DashboardLayout.minimumWidth, height >= DashboardLayout.minimumHeight else {
      panes?.reset()
      TooSmallView(width: width, height: height).draw(in: &buffer, theme: theme)
      return buffer
    }
    if let store = state.firstRunStore, pipeline.eventCount == 0 {
      panes?.reset()
      FirstRunView(
        store: store, width: width, height: height,
        quitKey: state.keymap.keys(for: .quit).first?.name
      ).draw(in: &buffer, theme: theme)
      return buffer
    }
    let reused = figures.flatMap { $0.isCurrent(pipeline: pipeline, now: now) ? $0 : nil }
    let c = ViewContext(
      state: state, pipeline: pipeline, now: now,
      figures: reused ?? DashboardFigures(pipeline: pipeline, now: now))
    switch state.screen {
    case .dashboard:
      if let layout = DashboardLayout(width: width, height: height) {
        drawPanes(c, layout: layout, theme: theme, into: &buffer, &panes)
      }
    case .list(let id):
      ListScreenView(c, list: id, width: width, height: height).draw(in: &buffer, theme: theme)
    case .detail(let detail):
      DetailView(c, detail: detail, width: width, height: height).draw(in: &buffer, theme: theme)
    case .wall:
      WallView(c, width: width, height: height).draw(in: &buffer, theme: theme)
    }
    if case .dashboard = state.screen {} else { panes?.reset() }
    StatusBarView(c, width: width, height: height).draw(in: &buffer, theme: theme)
    let screen = buffer.bounds
    switch state.overlay {
    case .help:
      HelpView(keymap: state.keymap, width: width, height: height).draw(in: &buffer, theme: theme)
    case .picker(let picker):
      PickerView(screen: screen, picker: picker.list).draw(in: &buffer, theme: theme)
    case .prompt(let prompt):
      PromptView(
        screen: screen, title: prompt.title, question: prompt.question, editor: prompt.editor
      ).draw(in: &buffer, theme: theme)
    case .override(let prompt):
      OverrideView(screen: screen, question: prompt.question).draw(in: &buffer, theme: theme)
    case nil: break
    }
    return buffer
  }

  /// The four panes, each drawn, or copied from `panes` when its inputs did not change.
  private static func drawPanes(
    _ c: ViewContext, layout: DashboardLayout, theme: Theme, into buffer: inout CellBuffer,
    _ panes: inout PaneCache?
  ) {
    for pane in DashboardPane.allCases {
      let draw = { (buffer: inout CellBuffer) in
        switch pane {
        case .marketing: MarketingPaneView(c, layout: layout).draw(in: &buffer, theme: theme)
        case .queue: QueuePaneView(c, layout: layout).draw(in: &buffer, theme: theme)
        case .sales: SalesPaneView(c, layout: layout).draw(in: &buffer, theme: theme)
        case .targets: TargetsPaneView(c, layout: layout).draw(in: &buffer, theme: theme)
        }
      }
      guard panes != nil, let area = layout.panes[pane] else {
        draw(&buffer)
        continue
      }
      let inputs = PaneCache.Inputs(
        state: PaneCache.inputs(of: pane, c.state), generation: c.pipeline.generation,
        now: c.now, theme: theme)
      panes?.pane(pane, area: area, into: &buffer, inputs, pipeline: c.pipeline, draw: draw)
    }
    panes?.keep(buffer, pipeline: c.pipeline)
  }

  /// Where a dashboard pane's list rows are for a terminal size; nil when the pane
  /// shows no list or the terminal is too small.
  package static func listArea(of pane: DashboardPane, width: Int, height: Int) -> Rect? {
    guard pane != .targets, let layout = DashboardLayout(width: width, height: height) else {
      return nil
    }
    return layout.listArea(pane)
  }
}

/// Below the usable minimum: a centred notice of the size needed.
struct TooSmallView: ScreenPart {
  var width: Int
  var height: Int

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let top = max(0, height / 2 - 1)
    let screen = Rect(x: 0, y: 0, width: width, height: height)
    TextLine("Terminal too small: \(width)×\(height)", role: .warn, alignment: .center).draw(
      in: &buffer, area: screen.row(top), theme: theme)
    TextLine(
      "Handoff needs at least \(DashboardLayout.minimumWidth)×\(DashboardLayout.minimumHeight)",
      alignment: .center
    ).draw(in: &buffer, area: screen.row(top + 1), theme: theme)
  }
}
