import HandoffModel

/// The undo of an actor's change, the same for every store: the store finds that
/// change (walking back past earlier undos, see `UndoWalk`) and the lead's events
/// (under its lock), the model plans the event that takes it back.
enum UndoPlanning {
  /// The compensating event for `undone`, the change `actor`'s undo takes back,
  /// planned against `pipeline` at `now`. `history(lead)` reads that lead's events.
  static func plan(
    undoing undone: Event, by actor: String, pipeline: Pipeline, at now: Timestamp,
    history: (_ lead: Int) throws(StoreError) -> [Event]
  ) throws(StoreError) -> [PlannedEvent] {
    guard let id = undone.leadID else {
      throw .model(.cannotUndo("only changes to leads can be undone"))
    }
    let events = try history(id)
    do throws(ModelError) {
      let body = try Planner(pipeline).plan(
        undoOf: undone, history: events, by: actor, at: now)
      return [PlannedEvent(at: now, actor: actor, body: body)]
    } catch {
      throw .model(error)
    }
  }
}
