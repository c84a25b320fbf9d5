import HandoffModel
import HandoffTerminal

/// The dashboard panes' cells of the last frame and what each was drawn from, so that a
/// frame builds and draws only the panes whose inputs changed: a `j` in the queue redraws
/// the queue, and the other three panes' cells are copied as they were.
///
/// A pane's inputs are the state it reads (`inputs(of:_:)`: the whole state but what
/// belongs to other panes, overlays and the status bar), the pipeline (the same object
/// at the same generation), the moment drawn, the theme and the size. Anything left in
/// the inputs that a pane does not read only costs a redraw; leaving out something it
/// reads would show stale cells, so the projection drops only what is known to belong
/// elsewhere. `PaneCacheTests` draws random key sequences both ways and compares.
package struct PaneCache {
  /// What a pane was drawn from.
  struct Inputs: Equatable {
    var state: AppState
    var generation: UInt64
    var now: Timestamp
    var theme: Theme
  }

  /// The pipeline the cached panes were drawn from: weak, so a state the dashboard let
  /// go of (a travel's old cursor) is freed, and a new one at its address never matches.
  private weak var pipeline: Pipeline?
  private var inputs: [DashboardPane: Inputs] = [:]
  /// The frame's cells after the panes were drawn, before the status bar and overlays.
  private var cells: CellBuffer?

  /// How many times a pane was copied rather than drawn (for tests and the benchmark).
  package private(set) var copiedPanes = 0

  package init() {}

  /// Draws `pane` into `buffer` with `draw`, or copies its cells from the last frame
  /// when nothing it is drawn from changed.
  mutating func pane(
    _ pane: DashboardPane, area: Rect, into buffer: inout CellBuffer, _ inputs: Inputs,
    pipeline: Pipeline, draw: (inout CellBuffer) -> Void
  ) {
    if let cells, self.pipeline === pipeline, self.inputs[pane] == inputs,
      cells.width == buffer.width, cells.height == buffer.height
    {
      buffer.copy(area, from: cells)
      copiedPanes += 1
      return
    }
    draw(&buffer)
    self.inputs[pane] = inputs
  }

  /// Keeps the panes' cells of this frame (all four drawn or copied) for the next.
  mutating func keep(_ buffer: CellBuffer, pipeline: Pipeline) {
    // A pane copied this frame was drawn from this pipeline already, so the inputs
    // recorded are all this pipeline's.
    self.pipeline = pipeline
    cells = buffer
  }

  /// Forgets every pane: the next frame draws them all (a frame that was not the
  /// dashboard's).
  mutating func reset() {
    inputs = [:]
    cells = nil
  }

  /// What of `state` a dashboard pane reads: everything but other lists' selection and
  /// scroll, the targets' scroll (except for the targets pane), which pane has the focus
  /// (only whether this one has it), the status message, overlays, the undo list, a note
  /// being written and quitting.
  static func inputs(of pane: DashboardPane, _ state: AppState) -> AppState {
    var s = state
    let list = pane.dashboardList
    s.selected = s.selected.filter { $0.key == list }
    s.selectedRow = s.selectedRow.filter { $0.key == list }
    s.scroll = s.scroll.filter { $0.key == list }
    s.derived = s.derived.filter { $0.key == list }
    if pane != .targets { s.targetScroll = 0 }
    // Focused or not, in one of two canonical values.
    s.focus = state.focus == pane ? pane : (pane == .queue ? .marketing : .queue)
    s.status = nil
    s.overlay = nil
    s.undoLeads = []
    s.noteDraft = nil
    s.quitting = false
    return s
  }
}
