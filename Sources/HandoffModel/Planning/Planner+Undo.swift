extension Planner {
  /// The compensating event that undoes `event` (made by `actor`), given the lead as it
  /// stood just before that event. Refused when the lead has changed since, when the
  /// event was someone else's, or when it cannot be undone.
  package func plan(
    undoOf event: Event, leadBefore: Lead?, by actor: String, at now: Timestamp
  ) throws(ModelError) -> EventBody {
    _ = try member(acting: actor)
    guard event.actor == actor else { throw .cannotUndo("that change was made by \(event.actor)") }
    guard let id = event.leadID, let current = pipeline.lead(id) else {
      throw .cannotUndo("only changes to leads can be undone")
    }
    let version: Int
    var removesNote = false
    switch event.body {
    case .leadMoved(let e): version = e.version
    case .leadAssigned(let e): version = e.version
    case .leadUpdated(let e): version = e.version
    case .leadScored(_, let v, _): version = v
    case .followUpLogged(_, let v, _): version = v
    case .noteAdded(_, let v, _):
      version = v
      removesNote = true
    case .leadCreated:
      throw .cannotUndo("a new lead cannot be taken back; disqualify \(id) instead")
    default:
      throw .cannotUndo("\(event.body.typeName) cannot be undone")
    }
    guard current.version == version else {
      throw .cannotUndo("\(current.describeLastChange(now: now)) since")
    }
    guard var restore = leadBefore else {
      throw .cannotUndo("the history of \(id) is not available")
    }
    restore.id = id
    return .leadReverted(
      LeadReverted(
        lead: id, version: current.version + 1, undoes: event.seq, undoneKind: event.body.kind,
        undoneAt: event.at, restore: restore, removesNote: removesNote))
  }
}
