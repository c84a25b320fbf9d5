import HandoffModel

/// A command planned for `perform`, the same for every store: the model's `Planner`
/// against the state caught up under the store's lock, at the store's clock's now.
enum CommandPlanning {
  /// The one event `actor`'s `command` appends, planned against `pipeline` at `now`;
  /// refused with the model's reason (a stale `ifVersion` included).
  static func plan(
    _ command: Command, by actor: String, pipeline: Pipeline, at now: Timestamp,
    ifVersion: Int?, overriding overrides: Overrides
  ) throws(StoreError) -> [PlannedEvent] {
    do throws(ModelError) {
      let body = try Planner(pipeline).plan(
        command, by: actor, at: now, ifVersion: ifVersion, overriding: overrides)
      return [PlannedEvent(at: now, actor: actor, body: body)]
    } catch {
      throw .model(error)
    }
  }
}
