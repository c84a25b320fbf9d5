import HandoffModel

extension Update {
  /// The selected lead of a list, if it is still in it.
  static func selectedLead(_ state: AppState, _ list: LeadListID, _ pipeline: Pipeline) -> Lead? {
    guard let id = state.selected[list] else { return nil }
    let reader = state.reader(list, pipeline)
    guard reader.position(of: id) != nil else { return nil }
    return pipeline.lead(id)
  }

  /// How many rows the active list shows: what PgUp/PgDn move by.
  static func pageSize(_ state: AppState) -> Int {
    max(1, listHeight(state, state.activeList) - 1)
  }

  /// The number of rows a list has on screen now.
  static func listHeight(_ state: AppState, _ list: LeadListID?) -> Int {
    guard let list else { return 0 }
    if case .list = state.screen {
      return FullScreenLayout.listArea(width: state.width, height: state.height).height
    }
    guard let layout = DashboardLayout(width: state.width, height: state.height) else { return 1 }
    let pane: DashboardPane
    switch list {
    case .marketing, .marketingAll: pane = .marketing
    case .queue: pane = .queue
    case .sales, .salesAll: pane = .sales
    }
    return layout.listArea(pane).height
  }

  /// Moves the active list's selection by some rows (the targets pane scrolls).
  static func moveSelection(by delta: Int, _ state: inout AppState, _ context: Context) {
    guard let list = state.activeList else {
      if state.focus == .targets { state.targetScroll = max(0, state.targetScroll + delta) }
      return
    }
    let reader = state.reader(list, context.pipeline)
    let current = state.selected[list].flatMap(reader.position(of:)) ?? 0
    select(row: current + delta, in: list, &state, context.pipeline)
  }

  /// Moves the active list's selection to a row (clamped).
  static func moveSelection(to row: Int, _ state: inout AppState, _ context: Context) {
    guard let list = state.activeList else {
      if state.focus == .targets { state.targetScroll = row == 0 ? 0 : Int.max / 2 }
      return
    }
    select(row: row, in: list, &state, context.pipeline)
  }

  static func select(row: Int, in list: LeadListID, _ state: inout AppState, _ pipeline: Pipeline) {
    let reader = state.reader(list, pipeline)
    let count = reader.count
    guard count > 0 else { return }
    let row = min(max(0, row), count - 1)
    state.selected[list] = reader.lead(at: row)?.id
    state.selectedRow[list] = row
  }

  /// After every input: each list on screen selects the same lead as before if it is
  /// still there (wherever it moved), else the lead now nearest its old row; and
  /// scrolls so the selection is visible.
  static func normalizeSelection(_ state: inout AppState, _ pipeline: Pipeline) {
    for list in visibleLists(state) {
      let reader = state.reader(list, pipeline)
      let count = reader.count
      guard count > 0 else {
        state.selected[list] = nil
        state.scroll[list] = 0
        continue
      }
      var row = state.selected[list].flatMap(reader.position(of:))
      if row == nil {
        row = min(max(0, state.selectedRow[list] ?? 0), count - 1)
        state.selected[list] = reader.lead(at: row ?? 0)?.id
      }
      let position = row ?? 0
      state.selectedRow[list] = position
      let height = max(1, listHeight(state, list))
      var top = state.scroll[list] ?? 0
      if position < top { top = position }
      if position >= top + height { top = position - height + 1 }
      state.scroll[list] = min(max(0, top), max(0, count - height))
    }
  }

  /// Click focuses a pane and selects the row under it; the wheel moves the selection.
  static func handleMouse(_ mouse: MouseInput, _ state: inout AppState, _ context: Context) {
    guard state.overlay == nil else { return }
    switch mouse {
    case .click(let x, let y):
      switch state.screen {
      case .dashboard:
        guard let layout = DashboardLayout(width: state.width, height: state.height) else {
          return
        }
        guard
          let pane = DashboardPane.allCases.first(where: {
            layout.panes[$0]?.contains(x: x, y: y) ?? false
          })
        else { return }
        state.focus = pane
        let area = layout.listArea(pane)
        if let list = pane.dashboardList, area.contains(x: x, y: y) {
          let row = (state.scroll[list] ?? 0) + y - area.y
          if row < state.reader(list, context.pipeline).count {
            select(row: row, in: list, &state, context.pipeline)
          }
        }
      case .list(let list):
        let area = FullScreenLayout.listArea(width: state.width, height: state.height)
        if area.contains(x: x, y: y) {
          let row = (state.scroll[list] ?? 0) + y - area.y
          if row < state.reader(list, context.pipeline).count {
            select(row: row, in: list, &state, context.pipeline)
          }
        }
      case .detail, .wall:
        break
      }
    case .wheelUp(let x, let y), .wheelDown(let x, let y):
      let delta: Int
      if case .wheelUp = mouse { delta = -3 } else { delta = 3 }
      if case .detail(var detail) = state.screen {
        let furthest = DetailView.maxScroll(
          detail, context.pipeline, width: state.width, height: state.height)
        detail.scroll = min(max(0, detail.scroll + delta), furthest)
        state.screen = .detail(detail)
        return
      }
      if state.screen == .dashboard,
        let layout = DashboardLayout(width: state.width, height: state.height),
        let pane = DashboardPane.allCases.first(where: {
          layout.panes[$0]?.contains(x: x, y: y) ?? false
        })
      {
        state.focus = pane
      }
      moveSelection(by: delta, &state, context)
    }
  }
}
