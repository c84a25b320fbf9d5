/// Finds the change an actor's next undo takes back, so that undo after undo walks
/// back through their changes one after another (a stack), never stopping at the
/// revert the last undo appended.
///
/// Fed the actor's lead events newest first, it skips each revert together with the
/// change that revert took back, and changes that only mark a lead seen; the first
/// event left is the one to undo.
package struct UndoWalk: Sendable {
  /// Changes taken back by the reverts seen so far, by sequence number.
  private var undone: Set<Int64> = []
  /// Whether any event of the actor was seen (to say why there is nothing to undo).
  package private(set) var sawChange = false

  /// A walk from the newest event.
  package init() {}

  /// Considers the actor's next older lead event; true when it is the one to undo.
  package mutating func isNext(_ event: Event) -> Bool {
    switch event.body {
    case .leadOpened:
      return false
    case .leadReverted(let revert):
      sawChange = true
      undone.insert(revert.undoes)
      return false
    default:
      sawChange = true
      return undone.remove(event.seq) == nil
    }
  }

  /// Whether a lead's events after a change hold nothing but the actor's changes that
  /// were undone again and those undos (and leads marked seen), so the lead stands as
  /// that change left it.
  package static func onlyUndone(_ later: [Event], by actor: String) -> Bool {
    var undone: Set<Int64> = []
    for event in later {
      if case .leadReverted(let revert) = event.body, event.actor == actor {
        undone.insert(revert.undoes)
      }
    }
    return later.allSatisfy { event in
      switch event.body {
      case .leadOpened: return true
      case .leadReverted: return event.actor == actor
      default: return undone.contains(event.seq)
      }
    }
  }

  /// Why there is nothing to undo once the walk ran out of events: never changed, or
  /// everything already undone; for `lead` when the walk was over one lead.
  package func nothingLeft(lead: Int?) -> ModelError {
    switch (lead, sawChange) {
    case (nil, false): return .nothingToUndo("you have not changed any lead yet")
    case (nil, true): return .nothingToUndo("every change you made has been undone already")
    case (let id?, false): return .nothingToUndo("you have not changed lead \(id)")
    case (let id?, true):
      return .nothingToUndo("your changes to lead \(id) have all been undone already")
    }
  }
}
