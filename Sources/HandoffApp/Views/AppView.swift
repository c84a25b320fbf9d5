import HandoffModel
import HandoffTerminal

/// The whole screen for a state: a pure function of the state, the pipeline and the
/// moment, drawn into a new frame.
package enum AppView {
  /// Draws the screen the state is on, with its overlay, at the state's size; with
  /// `figures` still current for the pipeline and moment, reuses them.
  package static func render(
    _ state: AppState, pipeline: Pipeline, now: Timestamp, theme: Theme = .standard,
    figures: DashboardFigures? = nil
  ) -> Frame {
    var frame = Frame(width: state.width, height: state.height, theme: theme)
    let reused = figures.flatMap { $0.isCurrent(pipeline: pipeline, now: now) ? $0 : nil }
    let c = ViewContext(
      state: state, pipeline: pipeline, now: now,
      figures: reused ?? DashboardFigures(pipeline: pipeline, now: now))
    guard
      state.width >= DashboardLayout.minimumWidth, state.height >= DashboardLayout.minimumHeight
    else {
      TooSmallView.draw(&frame)
      return frame
    }
    switch state.screen {
    case .dashboard:
      DashboardView.draw(&frame, c)
    case .list(let id):
      ListScreenView.draw(&frame, c, list: id)
    case .detail(let detail):
      DetailView.draw(&frame, c, detail: detail)
    case .wall:
      WallView.draw(&frame, c)
    }
    StatusBarView.draw(&frame, c, y: state.height - 1)
    switch state.overlay {
    case .help: HelpOverlay.draw(&frame)
    case .picker(let picker): PickerOverlay.draw(&frame, c, picker: picker)
    case .reason(let prompt): PromptOverlay.draw(&frame, prompt: prompt)
    case nil: break
    }
    return frame
  }

  /// Where a dashboard pane's list rows are for a terminal size; nil when the pane
  /// shows no list or the terminal is too small.
  package static func listArea(of pane: Pane, width: Int, height: Int) -> Rect? {
    guard pane != .targets, let layout = DashboardLayout(width: width, height: height) else {
      return nil
    }
    return layout.listArea(pane)
  }
}

/// The four panes.
enum DashboardView {
  static func draw(_ frame: inout Frame, _ c: ViewContext) {
    guard let layout = DashboardLayout(width: frame.width, height: frame.height) else { return }
    MarketingPaneView.draw(&frame, c, layout: layout)
    QueuePaneView.draw(&frame, c, layout: layout)
    SalesPaneView.draw(&frame, c, layout: layout)
    TargetsPaneView.draw(&frame, c, layout: layout)
  }
}

/// Below the usable minimum: a centred notice of the size needed.
enum TooSmallView {
  static func draw(_ frame: inout Frame) {
    let lines = [
      "Terminal too small: \(frame.width)×\(frame.height)",
      "Handoff needs at least \(DashboardLayout.minimumWidth)×\(DashboardLayout.minimumHeight)",
    ]
    let top = max(0, frame.height / 2 - 1)
    for (i, line) in lines.enumerated() {
      let w = DisplayWidth.of(line)
      let x = max(0, (frame.width - w) / 2)
      frame.put(line, x: x, y: top + i, role: i == 0 ? .warn : .text, limit: frame.width - x)
    }
  }
}
