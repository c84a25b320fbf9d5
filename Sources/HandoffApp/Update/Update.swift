import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// The dashboard's one place of change: an input and the current state in, the new
/// state and the effects for the loop out. Reads the pipeline, never changes it.
package enum Update {
  /// How long a success message stays in the status bar.
  static let infoLifetime = Duration.seconds(4)
  /// How long a refusal stays.
  static let errorLifetime = Duration.seconds(8)

  /// Applies one input to the state and returns what the loop must do.
  package static func update(
    _ state: inout AppState, _ msg: Msg, pipeline: Pipeline, now: Timestamp
  ) -> [Effect] {
    var context = Context(pipeline: pipeline, now: now)
    let effects: [Effect]
    switch msg {
    case .key(let key):
      effects = handleKey(key, &state, &context)
    case .mouse(let mouse):
      effects = []
      handleMouse(mouse, &state, context)
    case .paste(let text):
      effects = []
      handlePaste(text, &state, &context)
    case .tick:
      effects = []
    case .storeChanged:
      state.live = true
      if state.offline {
        state.offline = false
        inform(&state, context, "back online: caught up with the store")
      }
      effects = storeChanged(&state, &context)
    case .storeUnavailable(let why):
      effects = []
      state.live = false
      refuse(&state, context, why)
    case .storeOffline(let why):
      effects = []
      state.live = false
      state.offline = true
      refuse(&state, context, "offline: \(why); showing the last state")
    case .notices(let notices):
      guard !notices.isEmpty else {
        effects = []
        break
      }
      let text = Notice.summary(notices)
      inform(&state, context, text)
      effects = [.alert(text)]
    case .resize(let width, let height):
      state.width = width
      state.height = height
      effects = [.redraw]
    case .actionResult(let result):
      effects = []
      switch result {
      case .done(let event):
        // Opening a lead newly assigned to you is not an action to report or undo.
        if case .leadOpened = event.body { break }
        if let id = event.leadID { state.undoLeads.append(id) }
        if case .noteAdded(let lead, _, _) = event.body, state.noteDraft?.leadID == lead {
          state.noteDraft = nil
        }
        inform(
          &state, context,
          EventText.describe(
            event, zone: pipeline.zone, currency: pipeline.settings.currency))
      case .undone(let revert, let undid):
        if let id = revert.leadID, state.undoLeads.last == id { state.undoLeads.removeLast() }
        inform(
          &state, context,
          EventText.describeUndo(
            revert, undid: undid, zone: pipeline.zone, currency: pipeline.settings.currency))
      case .undoRefused(let message, let skip):
        if skip, !state.undoLeads.isEmpty { state.undoLeads.removeLast() }
        refuse(&state, context, message)
      case .refused(let message):
        refuse(&state, context, message)
      }
    case .noteEdited(let lead, let result):
      effects = noteEdited(lead, result, &state, context)
    case .history(let lead, let result):
      effects = []
      if case .detail(var detail) = state.screen, detail.leadID == lead {
        switch result {
        case .success(let events):
          detail.history = events
          detail.error = nil
        case .failure(let error):
          detail.error = error.message
        }
        state.screen = .detail(detail)
      }
    }
    if context.orderChanged { refreshDerived(&state, pipeline) }
    if let status = state.status, status.expires <= now { state.status = nil }
    normalizeSelection(&state, pipeline)
    return effects
  }

  /// What one call of `update` reads, and what it noticed along the way.
  struct Context {
    let pipeline: Pipeline
    let now: Timestamp
    /// Set when filter, sort, "only mine", the store or the screen changed, so cached
    /// orders are recomputed once at the end.
    var orderChanged = false
  }

  static func inform(_ state: inout AppState, _ context: Context, _ text: String) {
    state.status = StatusMessage(text: text, kind: .info, expires: context.now + infoLifetime)
  }

  static func refuse(_ state: inout AppState, _ context: Context, _ text: String) {
    state.status = StatusMessage(text: text, kind: .error, expires: context.now + errorLifetime)
  }

  private static func storeChanged(_ state: inout AppState, _ context: inout Context) -> [Effect] {
    if state.needsDerivedOrder { context.orderChanged = true }
    if case .picker(var picker) = state.overlay {
      picker.refresh(context.pipeline)
      state.overlay = .picker(picker)
    }
    guard case .detail(var detail) = state.screen else { return [] }
    guard let lead = context.pipeline.lead(detail.leadID) else { return [] }
    // Reload the history only when the lead changed since it was read.
    guard lead.version != detail.loadedVersion else { return [] }
    detail.loadedVersion = lead.version
    state.screen = .detail(detail)
    return [.loadHistory(lead: lead.id)]
  }

  /// The lists currently on screen.
  static func visibleLists(_ state: AppState) -> [LeadListID] {
    switch state.screen {
    case .dashboard: return [.marketing, .queue, .sales]
    case .list(let id): return [id]
    case .detail(let d):
      switch d.returnTo {
      case .dashboard: return [.marketing, .queue, .sales]
      case .list(let id): return [id]
      }
    case .wall: return []
    }
  }

  /// Recomputes the filtered or sorted order of each list on screen: one pass each.
  static func refreshDerived(_ state: inout AppState, _ pipeline: Pipeline) {
    guard state.needsDerivedOrder else {
      state.derived = [:]
      return
    }
    var derived: [LeadListID: DerivedOrder] = [:]
    for id in visibleLists(state) {
      derived[id] = ListReader.derive(
        id, pipeline: pipeline, filter: state.filter, owner: state.onlyMine ? state.user : nil,
        sort: state.sort)
    }
    state.derived = derived
  }
}
