import HandoffModel

/// Copies every event of one store into another that is empty (a file log into
/// PostgreSQL, or back), event for event with their sequence numbers, times and
/// actors, all or nothing, then proves the copy: read back from scratch (no cache), it
/// holds the same lines and folds to the same state.
package enum StoreMigration {
  /// What a migration did.
  package struct Report: Sendable {
    package var events: Int
    package var leads: Int
    package var members: Int
  }

  /// Copies `source` (opened) into `target` (opened, empty). `reopen` gives a new,
  /// unopened object on the target's store, for the proof.
  package static func copy(
    from source: any EventStore, to target: any EventStore,
    reopen: () throws(StoreError) -> any EventStore
  ) throws(StoreError) -> Report {
    if let a = source.identity, a == target.identity {
      throw .refused("\(source.name) and \(target.name) are the same store")
    }
    guard target.pipeline.eventCount == 0 else {
      throw .refused(
        "\(target.name) already holds \(target.pipeline.eventCount) events: migrate copies "
          + "into an empty store only")
    }
    guard source.pipeline.eventCount > 0 else {
      throw .refused("\(source.name) holds no events: there is nothing to migrate")
    }
    var planned: [PlannedEvent] = []
    var lines: [[UInt8]] = []
    planned.reserveCapacity(source.pipeline.eventCount)
    try source.forEachEvent { event in
      planned.append(
        PlannedEvent(at: event.at, actor: event.actor, body: event.body, seq: event.seq))
      lines.append(EventEncoder.line(event))
    }
    guard planned.count == source.pipeline.eventCount else {
      throw .refused(
        "\(source.name) gave \(planned.count) events for a state of "
          + "\(source.pipeline.eventCount): run handoff check --store \(source.name)")
    }
    try target.batch { (state) throws(StoreError) in
      // Checked again under the target's lock: someone may have written meanwhile.
      guard state.eventCount == 0 else {
        throw .refused("\(target.name) is no longer empty: nothing was copied")
      }
      return planned
    }

    let copy = try reopen()
    copy.usesCheckpoint = false
    try copy.open()
    var index = 0
    var mismatch: Int64?
    try copy.forEachEvent { event in
      if mismatch == nil, index >= lines.count || EventEncoder.line(event) != lines[index] {
        mismatch = event.seq
      }
      index += 1
    }
    if mismatch == nil, index != lines.count { mismatch = Int64(index) }
    if let mismatch {
      throw .refused("the copy in \(target.name) differs at event \(mismatch): do not use it")
    }
    if let difference = FoldedState(copy.pipeline).difference(from: FoldedState(source.pipeline)) {
      throw .refused(
        "the copy in \(target.name) does not fold to the same state (\(difference)): do not use it")
    }
    return Report(
      events: planned.count, leads: source.pipeline.leadCount,
      members: source.pipeline.members.count)
  }
}
