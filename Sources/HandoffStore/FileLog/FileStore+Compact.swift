import HandoffModel
import HandoffSystem

extension FileStore {
  /// Compacts the log (see `Compaction`). The original is kept as a dated backup beside
  /// the log; the replacement is atomic, verified to fold to the same state before it
  /// is installed, and done under the write lock.
  package func compact() throws(StoreError) -> CompactReport {
    try exclusively { (fd) throws(StoreError) in
      try settleUnfinishedBatch(fd)
      _ = try refresh()
      var events: [Event] = []
      events.reserveCapacity(pipeline.eventCount)
      try forEachEvent { events.append($0) }
      let now = clock.now()
      let compaction = Compaction(events: events, state: pipeline)
      guard let (compacted, horizon) = try compaction.compacted(at: now) else {
        return CompactReport(
          before: events.count, after: events.count,
          horizon: Compaction.horizon(at: now, zone: pipeline.zone))
      }
      var bytes: [UInt8] = []
      for event in compacted { bytes.append(contentsOf: EventEncoder.line(event)) }
      let backup = path + "." + FileStore.stamp(now.milliseconds) + ".bak"
      try replaceLog(with: bytes, backup: backup)
      return CompactReport(
        before: events.count, after: compacted.count, backup: backup, horizon: horizon)
    }
  }
}
