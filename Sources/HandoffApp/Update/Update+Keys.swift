import HandoffModel
import HandoffTerminal

extension Update {
  /// Routes a key: Ctrl-C and the global actions first, then to the overlay if one
  /// is open, to the filter while it is typed, else to the screen; every other key
  /// is looked up in the state's keymap.
  static func handleKey(_ key: KeyPress, _ state: inout AppState, _ context: inout Context)
    -> [Effect]
  {
    if key == .ctrl("c") {
      state.quitting = true
      return [.quit]
    }
    let action = state.keymap.action(for: key)
    let typing = state.editingFilter || (state.overlay != nil && state.overlay != .help)
    // A global action works everywhere, except that a printable key typed into text
    // stays text.
    if let action, action.isGlobal, !(typing && key.isPrintable) {
      return action == .redraw ? [.redraw] : [.suspend]
    }
    switch state.overlay {
    case .help:
      if action == .quit {
        state.quitting = true
        return [.quit]
      }
      state.overlay = nil
      return []
    case .picker(let picker):
      return pickerKey(key, picker, &state, context)
    case .prompt(let prompt):
      return promptKey(key, prompt, &state, context)
    case .override(let prompt):
      return overrideKey(key, prompt, &state, context)
    case nil:
      break
    }
    if state.editingFilter { return filterKey(key, &state, &context) }
    guard let action else { return [] }
    if case .detail(let detail) = state.screen {
      if let effects = detailKey(action, detail, &state, &context) { return effects }
    }
    if state.screen == .wall {
      if let effects = wallKey(action, &state, context) { return effects }
    }
    return screenKey(action, &state, &context)
  }

  /// Actions shared by the dashboard and the full-screen lists.
  private static func screenKey(
    _ action: KeyAction, _ state: inout AppState, _ context: inout Context
  ) -> [Effect] {
    switch action {
    case .quit:
      state.quitting = true
      return [.quit]
    case .help:
      state.overlay = .help
    case .down: moveSelection(by: 1, &state, context)
    case .up: moveSelection(by: -1, &state, context)
    case .top: moveSelection(to: 0, &state, context)
    case .bottom: moveSelection(to: Int.max, &state, context)
    case .pageDown: moveSelection(by: pageSize(state), &state, context)
    case .pageUp: moveSelection(by: -pageSize(state), &state, context)
    case .nextPane:
      if state.screen == .dashboard { state.focus = state.focus.next }
    case .previousPane:
      if state.screen == .dashboard { state.focus = state.focus.previous }
    case .back:
      if state.screen != .dashboard {
        state.screen = .dashboard
        context.orderChanged = true
      } else if !state.filter.isEmpty {
        state.filter = ""
        context.orderChanged = true
      }
    case .filter:
      state.editingFilter = true
    case .sort:
      state.sort = state.sort.next
      context.orderChanged = true
      inform(&state, context, "sorted by \(state.sort.label)")
    case .mine:
      state.onlyMine.toggle()
      context.orderChanged = true
      inform(&state, context, state.onlyMine ? "only leads of \(state.user)" : "everyone's leads")
    case .fullScreen:
      openFullScreen(&state, &context)
    case .wall:
      state.screen = .wall
    case .undo:
      return [.undo(lead: state.undoLeads.last)]
    case .open:
      return openDetail(&state, context)
    case .assign, .autoAssign, .forward, .backward, .handOff, .accept, .reject, .note, .longNote,
      .followUp:
      return leadKey(action, &state, context)
    case .redraw, .suspend:
      // Handled before any screen sees the key.
      break
    }
    return []
  }

  /// Actions of the lead-detail screen; nil for those it shares with the others.
  private static func detailKey(
    _ action: KeyAction, _ detail: LeadDetail, _ state: inout AppState, _ context: inout Context
  ) -> [Effect]? {
    var detail = detail
    switch action {
    case .back:
      switch detail.returnTo {
      case .dashboard: state.screen = .dashboard
      case .list(let id): state.screen = .list(id)
      }
      context.orderChanged = true
      return []
    case .down: detail.scroll += 1
    case .up: detail.scroll -= 1
    case .pageDown: detail.scroll += max(1, DetailView.room(height: state.height) - 1)
    case .pageUp: detail.scroll -= max(1, DetailView.room(height: state.height) - 1)
    case .top: detail.scroll = 0
    case .bottom: detail.scroll = Int.max / 2
    case .open, .nextPane, .previousPane, .fullScreen, .filter, .sort, .mine:
      return []
    default:
      return nil
    }
    let furthest = DetailView.maxScroll(
      detail, context.pipeline, width: state.width, height: state.height)
    detail.scroll = min(max(0, detail.scroll), furthest)
    state.screen = .detail(detail)
    return []
  }

  /// Actions of the wall-screen targets view; nil for those it shares with the others.
  private static func wallKey(_ action: KeyAction, _ state: inout AppState, _ context: Context)
    -> [Effect]?
  {
    switch action {
    case .down: state.targetScroll += 1
    case .up: state.targetScroll = max(0, state.targetScroll - 1)
    case .top: state.targetScroll = 0
    case .wall, .back: state.screen = .dashboard
    case .quit, .help: return nil
    default: return []
    }
    return []
  }

  /// The typed `/` filter: live on every keystroke.
  private static func filterKey(
    _ key: KeyPress, _ state: inout AppState, _ context: inout Context
  ) -> [Effect] {
    let before = state.filter
    switch state.filterEditor.handle(key.inputEvent) {
    case .submitted:
      state.editingFilter = false
    case .cancelled:
      state.editingFilter = false
      state.filter = ""
    case .edited, .ignored:
      break
    }
    if state.filter != before { context.orderChanged = true }
    return []
  }

  /// `f`: the focused pane full screen (the targets pane opens the wall view).
  private static func openFullScreen(_ state: inout AppState, _ context: inout Context) {
    guard state.screen == .dashboard else {
      state.screen = .dashboard
      context.orderChanged = true
      return
    }
    guard let id = state.focus.fullList else {
      state.screen = .wall
      return
    }
    if let from = state.focus.dashboardList, let lead = state.selected[from] {
      state.selected[id] = lead
    }
    state.screen = .list(id)
    context.orderChanged = true
  }

  /// Enter: the selected lead's detail; opening a lead newly assigned to you marks it seen.
  private static func openDetail(_ state: inout AppState, _ context: Context) -> [Effect] {
    guard let list = state.activeList, let lead = selectedLead(state, list, context.pipeline) else {
      return []
    }
    let back: ReturnScreen
    if case .list(let id) = state.screen { back = .list(id) } else { back = .dashboard }
    state.screen = .detail(
      LeadDetail(leadID: lead.id, returnTo: back, loadedVersion: lead.version))
    var effects: [Effect] = [.loadHistory(lead: lead.id)]
    if lead.unseenByOwner, lead.owner == state.user {
      effects.append(.perform(.open(id: lead.id), ifVersion: nil))
    }
    return effects
  }

  /// Text pasted goes to whatever is being typed; newlines become spaces.
  static func handlePaste(_ text: String, _ state: inout AppState, _ context: inout Context) {
    let clean = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    switch state.overlay {
    case .picker(var picker):
      picker.list.handle(.paste(clean))
      state.overlay = .picker(picker)
    case .prompt(var prompt):
      prompt.editor.handle(.paste(clean))
      state.overlay = .prompt(prompt)
    case .help, .override:
      break
    case nil:
      if state.editingFilter {
        state.filterEditor.handle(.paste(clean))
        context.orderChanged = true
      }
    }
  }
}
