import HandoffModel

/// The undo of an actor's last change, the same for every store: the store finds that
/// change and the lead's events before it (under its lock), the model plans the event
/// that takes it back.
enum UndoPlanning {
  /// The compensating event for `undone`, `actor`'s last change (to `lead`, when one is
  /// named; nil when there is none), planned against `pipeline` at `now`.
  /// `eventsBefore(lead, seq)` reads that lead's events older than `seq`.
  static func plan(
    undoing undone: Event?, by actor: String, lead: Int?, pipeline: Pipeline, at now: Timestamp,
    eventsBefore: (_ lead: Int, _ seq: Int64) throws(StoreError) -> [Event]
  ) throws(StoreError) -> [PlannedEvent] {
    guard let undone else {
      throw .model(
        .nothingToUndo(
          lead.map { "\(actor) has not changed \($0)" } ?? "\(actor) has changed no lead"))
    }
    guard let id = undone.leadID else { throw .model(.nothingToUndo("that change has no lead")) }
    let earlier = try eventsBefore(id, undone.seq)
    do throws(ModelError) {
      let body = try Planner(pipeline).plan(
        undoOf: undone, leadBefore: LeadFold.replay(earlier), by: actor, at: now)
      return [PlannedEvent(at: now, actor: actor, body: body)]
    } catch {
      throw .model(error)
    }
  }
}
