import HandoffModel

/// Events in plain words: one set of sentences for the dashboard's status bar and a
/// lead's history, `handoff show`, the CLI's confirmations and `simulate`.
///
/// The words hold data (names, notes, reasons): sanitize them before printing, as the
/// cell buffer does by itself.
package enum EventText {
  /// The event as a sentence that names what it is about:
  /// `1042 moved queued → nurturing: no budget`, `sam joined sales`. Without
  /// `namingLead`, for a lead's own history, the lead's id is left out
  /// (`moved queued → nurturing: no budget`); events not about a lead still name who
  /// or what they are about.
  package static func describe(
    _ event: Event, zone: Zone, currency: String, namingLead: Bool = true
  ) -> String {
    let words = predicate(event, zone: zone, currency: currency)
    guard namingLead, let id = event.leadID else { return words }
    return "\(id) \(words)"
  }

  /// What the event did, its lead unnamed.
  private static func predicate(_ event: Event, zone: Zone, currency: String) -> String {
    func money(_ minor: Int64) -> String { Money.format(minor, currency: currency) }
    switch event.body {
    case .leadCreated(let e):
      let l = e.lead
      if e.snapshot { return "restored in \(l.stage.rawValue)" }
      return "created: \(l.name)" + (l.company.isEmpty ? "" : ", \(l.company)") + " (\(l.source))"
        + (l.owner.map { " for \($0)" } ?? "")
    case .leadUpdated(let e):
      var fields: [String] = []
      if let v = e.name { fields.append("name \(v)") }
      if let v = e.company { fields.append("company \(v)") }
      if let v = e.email { fields.append("email \(v)") }
      if let v = e.source { fields.append("source \(v)") }
      if let v = e.segment { fields.append("segment \(v)") }
      if let v = e.value { fields.append("value \(money(v))") }
      return "edited: " + fields.joined(separator: ", ")
    case .leadScored(_, _, let score):
      return "scored \(score)"
    case .leadMoved(let e):
      var s = "moved \(e.from.rawValue) → \(e.to.rawValue)"
      if let r = e.reason { s += ": \(r)" }
      if let v = e.value { s += " at \(money(v))" }
      if let from = e.takenFrom, case .some(let owner?) = e.owner {
        s += ", taken by \(owner) from \(from)"
      } else if let owner = e.owner {
        s += owner.map { ", owner \($0)" } ?? ", unassigned"
      }
      return s
    case .leadAssigned(let e):
      var s = e.owner.map { "assigned to \($0)" } ?? "unassigned"
      if e.auto { s += " (auto)" }
      if let n = e.note { s += ": \(n)" }
      return s
    case .noteAdded(_, _, let text):
      return "note: \(text)"
    case .followUpLogged(_, _, let next):
      return "followed up; next due \(LocalTime.date(next, zone: zone))"
    case .leadOpened:
      return "opened"
    case .leadReverted(let e):
      return "undid " + undone(e)
    case .memberJoined(let e):
      return "\(e.handle) joined \(e.department.rawValue)"
        + (e.role == .manager ? " as a manager" : "")
    case .memberUpdated(let e):
      var parts: [String] = []
      if let away = e.away { parts.append(away ? "away" : "back") }
      if let c = e.capacity { parts.append("capacity " + (c.map(String.init) ?? "none")) }
      if let n = e.name { parts.append("name \(n)") }
      if let m = e.email { parts.append(m.isEmpty ? "no e-mail" : "e-mail \(m)") }
      if let r = e.role { parts.append("role \(r.rawValue)") }
      return "\(e.handle): " + parts.joined(separator: ", ")
    case .memberLeft(let handle):
      return "\(handle) left the team"
    case .targetSet(let t):
      let v = t.metric.isMoney ? money(t.value) : String(t.value)
      return "target \(t.metric.rawValue) for \(t.scope) in \(t.period) = \(v)"
    case .settingChanged(let key, let value):
      return "\(key) = \(value)"
    }
  }

  /// What an undo took back, in plain words, from the revert and the change it undid:
  /// `undid moving 1042 from negotiation to won: it is back in negotiation`. Without the
  /// undone change, says what kind of change it was.
  package static func describeUndo(
    _ revert: Event, undid: Event?, zone: Zone, currency: String
  ) -> String {
    guard case .leadReverted(let e) = revert.body else {
      return describe(revert, zone: zone, currency: currency)
    }
    let id = e.lead
    let lead = e.restore
    func money(_ minor: Int64) -> String { Money.format(minor, currency: currency) }
    let ownerNow = lead.owner.map { "it is back with \($0)" } ?? "it is unassigned again"
    switch undid?.body {
    case .leadMoved(let m)?:
      return "undid moving \(id) from \(m.from.rawValue) to \(m.to.rawValue): it is back in "
        + lead.stage.rawValue
    case .leadAssigned(let a)?:
      let what = a.owner.map { "assigning \(id) to \($0)" } ?? "unassigning \(id)"
      return "undid \(what): \(ownerNow)"
    case .noteAdded(_, _, let text)?:
      return "undid your note on \(id): \(text)"
    case .leadScored(_, _, let score)?:
      return "undid scoring \(id) \(score): its score is back to \(lead.score)"
    case .followUpLogged?:
      return "undid the follow-up logged on \(id): next one due "
        + (lead.nextFollowUp.map { LocalTime.date($0, zone: zone) } ?? "unset")
    case .leadUpdated(let u)?:
      var fields: [String] = []
      if u.name != nil { fields.append("name") }
      if u.company != nil { fields.append("company") }
      if u.email != nil { fields.append("e-mail") }
      if u.source != nil { fields.append("source") }
      if u.segment != nil { fields.append("segment") }
      if u.value != nil { fields.append("value \(money(lead.value))") }
      return "undid your edit of \(id): " + fields.joined(separator: ", ") + " as before"
    default:
      return "\(id) " + predicate(revert, zone: zone, currency: currency)
    }
  }

  /// The change an undo took back, and where that left the lead:
  /// `a stage move: back in queued`.
  private static func undone(_ e: LeadReverted) -> String {
    let lead = e.restore
    switch e.undoneKind {
    case .leadMoved: return "a stage move: back in \(lead.stage.rawValue)"
    case .leadAssigned:
      return "an assignment: " + (lead.owner.map { "back to \($0)" } ?? "unassigned again")
    case .leadUpdated: return "an edit"
    case .leadScored: return "a score: back to \(lead.score)"
    case .noteAdded: return "a note"
    case .followUpLogged: return "a follow-up"
    default: return "a change"
    }
  }
}
