import HandoffModel

/// The store's past on demand: the state as it stood at any moment (`HistoryCut`), for
/// `--at` and the dashboard's `[` and `]`.
///
/// A state at a moment is folded onto the nearest earlier state it has: the one it last
/// returned (the cursor) when that is not later than the moment, so a step forward
/// folds only the events in between; else the latest saved stop not later than it.
/// While folding it saves a stop (the checkpoint codec's bytes of the state) every
/// `interval` events, so a later jump back replays at most that many events after
/// decoding one stop. Memory: the stops' bytes (`savedBytes`) plus the one state it
/// returns. A stop stays valid as the log grows (later events come after it); a store
/// that was replaced (compaction, repair: another `identity`) starts afresh.
///
/// The state returned is the travel's own and may be folded further by the next call:
/// read it until then, like `EventStore.pipeline` until a refresh.
package final class TimeTravel {
  /// Events between saved stops by default: a jump replays at most this many.
  package static let defaultInterval = 50_000

  /// One saved state: what the log held at its last event.
  struct Stop {
    var eventCount: Int
    /// The latest time stamped on any event it holds: it is the state at every moment
    /// from this one until the next event's.
    var latest: Timestamp
    var bytes: [UInt8]
  }

  /// A state folded so far, and the latest time stamped on its events.
  private struct Position {
    var fold: PipelineFold
    var latest: Timestamp
  }

  private let store: any EventStore
  private let zones: any ZoneDatabase
  /// Events between saved stops.
  package let interval: Int
  private var identity: String?
  private var stops: [Stop] = []
  private var cursor: Position?

  /// A traveller over `store` (open), saving a stop every `interval` events.
  package init(store: any EventStore, interval: Int = TimeTravel.defaultInterval) {
    self.store = store
    self.zones = store.pipeline.zones
    self.interval = max(1, interval)
  }

  /// How many stops are saved.
  package var savedStops: Int { stops.count }

  /// The bytes the saved stops hold.
  package var savedBytes: Int { stops.reduce(0) { $0 + $1.bytes.count } }

  /// The state as it stood at `moment`: every event the log held then, up to the
  /// state the store has read.
  package func state(at moment: Timestamp) throws(StoreError) -> Pipeline {
    if store.identity != identity {
      identity = store.identity
      stops = []
      cursor = nil
    }
    var position = try start(for: moment)
    let firstStop = stops.last.map { $0.eventCount + interval } ?? interval
    var nextStop = max(firstStop, position.fold.pipeline.eventCount + 1)
    let fold = position.fold
    var latest = position.latest
    try store.forEachEvent(after: fold.pipeline.lastSeq, through: moment) {
      (event) throws(StoreError) in
      guard fold.apply(event) == nil else { return }
      if event.at > latest { latest = event.at }
      let count = fold.pipeline.eventCount
      if count >= nextStop {
        stops.append(
          Stop(eventCount: count, latest: latest, bytes: PipelineCodec.encode(fold.pipeline)))
        nextStop = count + interval
      }
    }
    position.latest = latest
    cursor = position
    return fold.pipeline
  }

  /// The nearest earlier state to fold `moment`'s onto: the cursor, the latest stop not
  /// later than the moment, or an empty state.
  private func start(for moment: Timestamp) throws(StoreError) -> Position {
    let stop = stops.last { $0.latest <= moment }
    if let cursor, cursor.latest <= moment,
      cursor.fold.pipeline.eventCount >= (stop?.eventCount ?? 0)
    {
      return cursor
    }
    cursor = nil
    if let stop,
      let fold = stop.bytes.withUnsafeBytes({ PipelineCodec.decode($0, zones: zones) })
    {
      return Position(fold: fold, latest: stop.latest)
    }
    let fold = PipelineFold(zones: zones)
    fold.markIndexesForRebuild()
    return Position(fold: fold, latest: Timestamp(milliseconds: Int64.min))
  }
}
