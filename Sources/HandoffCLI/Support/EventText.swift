import HandoffModel

/// Events in words, for confirmations, `show` history and `simulate`:
/// "1042 moved queued → nurturing: no budget". The text holds data: sanitize it
/// before printing.
enum EventText {
  static func describe(_ event: Event, zone: Zone, currency: String) -> String {
    switch event.body {
    case .leadCreated(let e):
      let l = e.lead
      return e.snapshot
        ? "\(l.id) restored in \(l.stage.rawValue)"
        : "\(l.id) created: \(l.name)" + (l.company.isEmpty ? "" : ", \(l.company)")
          + " (\(l.source))" + (l.owner.map { " for \($0)" } ?? "")
    case .leadUpdated(let e):
      var fields: [String] = []
      if let v = e.name { fields.append("name \(v)") }
      if let v = e.company { fields.append("company \(v)") }
      if let v = e.email { fields.append("email \(v)") }
      if let v = e.source { fields.append("source \(v)") }
      if let v = e.segment { fields.append("segment \(v)") }
      if let v = e.value { fields.append("value \(Money.format(v, currency: currency))") }
      return "\(e.lead) edited: " + fields.joined(separator: ", ")
    case .leadScored(let id, _, let score):
      return "\(id) scored \(score)"
    case .leadMoved(let e):
      var s = "\(e.lead) moved \(e.from.rawValue) → \(e.to.rawValue)"
      if let r = e.reason { s += ": \(r)" }
      if let v = e.value { s += " at \(Money.format(v, currency: currency))" }
      if let owner = e.owner { s += owner.map { ", owner \($0)" } ?? ", unassigned" }
      return s
    case .leadAssigned(let e):
      var s = "\(e.lead) " + (e.owner.map { "assigned to \($0)" } ?? "unassigned")
      if e.auto { s += " (auto)" }
      if let n = e.note { s += ": \(n)" }
      return s
    case .noteAdded(let id, _, let text):
      return "\(id) note: \(text)"
    case .followUpLogged(let id, _, let next):
      return "\(id) followed up; next due \(LocalTime.date(next, zone: zone))"
    case .leadOpened(let id):
      return "\(id) opened"
    case .leadReverted(let e):
      return "\(e.lead) undid \(e.undoneKind.rawValue) (#\(e.undoes))"
    case .memberJoined(let e):
      return "\(e.handle) joined \(e.department.rawValue)"
    case .memberUpdated(let e):
      var parts: [String] = []
      if let away = e.away { parts.append(away ? "away" : "back") }
      if let c = e.capacity { parts.append("capacity " + (c.map(String.init) ?? "none")) }
      if let n = e.name { parts.append("name \(n)") }
      return "\(e.handle): " + parts.joined(separator: ", ")
    case .memberLeft(let h):
      return "\(h) left the team"
    case .targetSet(let t):
      let v = t.metric.isMoney ? Money.format(t.value, currency: currency) : String(t.value)
      return "target \(t.metric.rawValue) for \(t.scope) in \(t.period) = \(v)"
    case .settingChanged(let key, let value):
      return "\(key) = \(value)"
    }
  }
}
