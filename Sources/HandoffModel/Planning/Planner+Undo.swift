extension Planner {
  /// The compensating event that undoes `event` (made by `actor`), given the lead's
  /// whole history. The lead may have changed since only by changes of the actor that
  /// were undone again (undo after undo), else the undo is refused.
  package func plan(
    undoOf event: Event, history: [Event], by actor: String, at now: Timestamp
  ) throws(ModelError) -> EventBody {
    let earlier = history.filter { $0.seq < event.seq }
    let later = history.filter { $0.seq > event.seq }
    return try plan(
      undoOf: event, leadBefore: LeadFold.replay(earlier), by: actor, at: now,
      unchangedSince: UndoWalk.onlyUndone(later, by: actor))
  }

  /// The compensating event that undoes `event` (made by `actor`), given the lead as it
  /// stood just before that event. Refused when the lead has changed since, when the
  /// event was someone else's, or when it cannot be undone.
  /// With `unchangedSince`, changes after the event are known to be taken back already.
  package func plan(
    undoOf event: Event, leadBefore: Lead?, by actor: String, at now: Timestamp,
    unchangedSince: Bool = false
  ) throws(ModelError) -> EventBody {
    _ = try member(acting: actor)
    guard event.actor == actor else {
      throw .cannotUndo("that change was made by \(event.actor), not by you")
    }
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
      throw .cannotUndo(
        "your last change created lead \(id), and a new lead cannot be taken back; disqualify it instead"
      )
    case .leadReverted:
      throw .cannotUndo("an undo cannot itself be undone")
    default:
      throw .cannotUndo("that kind of change cannot be taken back")
    }
    guard current.version == version || unchangedSince else {
      throw .cannotUndo("since your change, \(current.describeLastChange(now: now))")
    }
    guard var restore = leadBefore else {
      throw .cannotUndo("the history of lead \(id) could not be read")
    }
    restore.id = id
    return .leadReverted(
      LeadReverted(
        lead: id, version: current.version + 1, undoes: event.seq, undoneKind: event.body.kind,
        undoneAt: event.at, restore: restore, removesNote: removesNote))
  }
}
