import HandoffModel

/// Events in words, for the status bar and the detail view's history.
enum EventText {
  /// What an event did, e.g. `moved mql → queued`, `assigned to sam (auto)`.
  static func summary(of event: Event) -> String {
    switch event.body {
    case .leadCreated(let e):
      return e.snapshot ? "restored whole" : "created from \(e.lead.source)"
    case .leadUpdated: return "edited"
    case .leadScored(_, _, let score): return "scored \(score)"
    case .leadMoved(let e):
      var text = "moved \(e.from.rawValue) → \(e.to.rawValue)"
      if let reason = e.reason { text += ": \(reason)" }
      return text
    case .leadAssigned(let e):
      var text = e.owner.map { "assigned to \($0)" } ?? "unassigned"
      if e.auto { text += " (auto)" }
      if let note = e.note { text += ": \(note)" }
      return text
    case .noteAdded(_, _, let text): return "note: \(text)"
    case .followUpLogged(_, _, let next): return "followed up; next \(next.iso8601.prefix(10))"
    case .leadOpened: return "opened"
    case .leadReverted(let e): return "undid \(e.undoneKind.rawValue)"
    case .memberJoined(let e): return "\(e.handle) joined \(e.department.rawValue)"
    case .memberUpdated(let e): return "\(e.handle) updated"
    case .memberLeft(let handle): return "\(handle) left"
    case .targetSet(let t): return "target \(t.metric.rawValue) \(t.scope) = \(t.value)"
    case .settingChanged(let key, let value): return "\(key) = \(value)"
    }
  }

  /// The status-bar line for an action of the user's that was appended.
  static func status(of event: Event) -> String {
    if let id = event.leadID { return "\(id) \(summary(of: event))" }
    return summary(of: event)
  }
}
