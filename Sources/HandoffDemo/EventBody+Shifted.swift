import HandoffModel

extension EventBody {
  /// The same change with its lead id moved by `offset`: demo data made for an empty
  /// store, appended after existing leads.
  func shifted(by offset: Int) -> EventBody {
    switch self {
    case .leadCreated(var e):
      e.lead.id += offset
      return .leadCreated(e)
    case .leadUpdated(var e):
      e.lead += offset
      return .leadUpdated(e)
    case .leadScored(let id, let version, let score):
      return .leadScored(lead: id + offset, version: version, score: score)
    case .leadMoved(var e):
      e.lead += offset
      return .leadMoved(e)
    case .leadAssigned(var e):
      e.lead += offset
      return .leadAssigned(e)
    case .noteAdded(let id, let version, let text):
      return .noteAdded(lead: id + offset, version: version, text: text)
    case .followUpLogged(let id, let version, let next):
      return .followUpLogged(lead: id + offset, version: version, next: next)
    case .leadOpened(let id):
      return .leadOpened(lead: id + offset)
    case .leadReverted(var e):
      e.lead += offset
      e.restore.id += offset
      return .leadReverted(e)
    case .memberJoined, .memberUpdated, .memberLeft, .targetSet, .settingChanged:
      return self
    }
  }
}
