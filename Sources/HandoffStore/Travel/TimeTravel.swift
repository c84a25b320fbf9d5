import HandoffModel

/// The store's past on demand: the state as it stood at any moment (`HistoryCut`), for
/// `--at` and the dashboard's `[` and `]`.
///
/// A state at a moment is folded onto the nearest earlier state it has: the one it last
/// returned (the cursor) when that is not later than the moment, so a step forward
/// folds only the events in between (unless a stop is more than `interval` events
/// ahead of it); else the latest saved stop not later than it.
/// While folding it saves a stop (the checkpoint codec's bytes of the state) every
/// `interval` events, so a later jump back replays at most that many events after
/// decoding one stop. The stops go to the store's `travelShelf`, a file, so that the
/// next process (every CLI `--at`) finds them too; where there is none, or it cannot be
/// written, they stay in memory. A stop stays valid as the log grows (later events come
/// after it); a store that was replaced (compaction, repair: another `identity`) starts
/// afresh, and a stop whose last event is no longer the store's is thrown away with
/// the rest of the shelf.
///
/// The state returned is the travel's own and may be folded further by the next call:
/// read it until then, like `EventStore.pipeline` until a refresh.
package final class TimeTravel {
  /// A moment after every event's, that every store can take as a cut (the last
  /// second of the year 9999).
  static let endOfTime = Timestamp(milliseconds: 253_402_300_799_000)

  /// The fewest events between saved stops by default: a jump replays about this many.
  package static let defaultInterval = 50_000

  /// One saved state: what the log held at its last event.
  struct Stop {
    /// Where its bytes are.
    enum Place {
      case memory([UInt8])
      case shelf(TravelShelf.Record)
    }

    var eventCount: Int
    var lastSeq: Int64
    /// The latest time stamped on any event it holds: it is the state at every moment
    /// from this one until the next event's.
    var latest: Timestamp
    /// The encoded line of its last event, compared with the store's before use.
    var witness: [UInt8]
    var place: Place
  }

  /// A state folded so far, and the latest time stamped on its events.
  private struct Position {
    var fold: PipelineFold
    var latest: Timestamp
    /// The stop it was decoded from, until its last event was found in the store as it
    /// was saved.
    var unconfirmed: Stop?
  }

  /// Why a fold is given up when a stop's last event is not the store's (thrown as
  /// `refused` from inside it, and caught by `state(at:)`).
  private static let staleReason = "a saved travel state no longer matches the store"
  /// Why a fold is given up when the caller no longer wants its state.
  private static let abandonedReason = "the state is no longer wanted"
  /// How many events are folded between asking whether the state is still wanted.
  private static let abandonCheckEvents = 2_048

  private let store: any EventStore
  private let zones: any ZoneDatabase
  /// Events between saved stops.
  package let interval: Int
  private var identity: String?
  private var shelf: TravelShelf?
  private var stops: [Stop] = []
  private var cursor: Position?
  /// Whether the state of the last stop decoded is kept to fold from again.
  private let keepsDecodedStop: Bool
  /// That state, untouched since it was decoded, and the stop's event count.
  private var decoded: (eventCount: Int, pipeline: Pipeline)?

  /// A traveller over `store` (open), saving a stop every `interval` events; by default
  /// every 50,000, or every half as many events as the store has leads when that is
  /// more. A stop is about a checkpoint's size, so the stops together stay near the
  /// log's own size whatever the store's: 118 MB beside a 92 MB log at 100,000 leads,
  /// where a stop every 50,000 events at 1,000,000 leads took 11 GB.
  ///
  /// With `keepingDecodedStop`, the state of the last stop decoded is kept (a copy:
  /// about a third of a state's memory once the two differ), and a step back from a
  /// state folded from it copies it instead of decoding the stop again (about 150 ms
  /// at 100,000 leads): for a dashboard stepping through days, not a one-off `--at`.
  package init(store: any EventStore, interval: Int? = nil, keepingDecodedStop: Bool = false) {
    self.store = store
    self.zones = store.pipeline.zones
    self.interval = max(1, interval ?? Self.interval(forLeads: store.pipeline.leadCount))
    self.keepsDecodedStop = keepingDecodedStop
  }

  /// The events between stops by default for a store of `leads` leads.
  package static func interval(forLeads leads: Int) -> Int {
    max(defaultInterval, leads / 2)
  }

  /// Whether a log of `eventCount` events calls for a stop after the last one saved (at
  /// `lastSaved` events; nil: none), `interval` events apart.
  package static func lacksStops(lastSaved: Int?, eventCount: Int, interval: Int) -> Bool {
    (lastSaved ?? 0) + interval <= eventCount
  }

  /// How many events the last call folded (what a jump cost beyond a stop's decode).
  package private(set) var foldedEvents = 0

  /// How many stops are saved (in memory or on the shelf).
  package var savedStops: Int { stops.count }

  /// The bytes the stops kept in memory hold.
  package var savedBytes: Int {
    stops.reduce(0) {
      if case .memory(let bytes) = $1.place { return $0 + bytes.count }
      return $0
    }
  }

  /// The state as it stood at `moment`: every event the log held then, up to the
  /// state the store has read.
  package func state(at moment: Timestamp) throws(StoreError) -> Pipeline {
    // Never abandoned, so never nil.
    try state(at: moment, unless: { false })!
  }

  /// The state at `moment`, or nil when `abandoned` (asked every few thousand events
  /// folded) says it is no longer wanted: the fold stops there, and the next call
  /// may go on from where it got to.
  package func state(at moment: Timestamp, unless abandoned: () -> Bool) throws(StoreError)
    -> Pipeline?
  {
    if store.identity != identity { restart() }
    do {
      return try fold(to: moment, unless: abandoned)
    } catch .refused(let why) where why == Self.staleReason {
      // A stop no longer the store's: every stop thrown away, and folded again below.
      shelf?.clear()
      restart()
    } catch .refused(let why) where why == Self.abandonedReason {
      return nil
    }
    do {
      return try fold(to: moment, unless: abandoned)
    } catch .refused(let why) where why == Self.abandonedReason {
      return nil
    }
  }

  /// Saves every stop the events read so far call for that is not saved yet, folding
  /// from the last one saved (or the log's start), so that a first jump into the past,
  /// in this process or any other, decodes a stop instead of folding the log: what a
  /// history written at once (`handoff demo`, an import, a migration) or grown by many
  /// small writes leaves missing. Costs a look at the shelf when nothing is missing;
  /// returns how many it saved (when `abandoned` says stop, those saved until then).
  /// The state it folded is not kept.
  @discardableResult
  package func saveMissingStops(unless abandoned: () -> Bool = { false }) throws(StoreError)
    -> Int
  {
    if store.identity != identity { restart() }
    guard
      Self.lacksStops(
        lastSaved: stops.last?.eventCount, eventCount: store.pipeline.eventCount,
        interval: interval)
    else { return 0 }
    let before = stops.count
    defer { cursor = nil }
    _ = try state(at: Self.endOfTime, unless: abandoned)
    return stops.count - before
  }

  /// Forgets every stop and reads the shelf of the store as it is now.
  private func restart() {
    identity = store.identity
    shelf = store.travelShelf
    cursor = nil
    decoded = nil
    stops = []
    if let shelf, let identity {
      stops = shelf.records(for: identity).map {
        Stop(
          eventCount: $0.eventCount, lastSeq: $0.lastSeq, latest: $0.latest,
          witness: $0.witness, place: .shelf($0))
      }
    }
  }

  /// Folds from the nearest earlier state to `moment`, saving stops on the way. A fold
  /// that fails midway leaves no cursor (its state is part-folded); one abandoned leaves
  /// it where it got to.
  private func fold(to moment: Timestamp, unless abandoned: () -> Bool) throws(StoreError)
    -> Pipeline
  {
    do {
      return try foldFromNearest(to: moment, unless: abandoned)
    } catch .refused(let why) where why == Self.abandonedReason {
      throw .refused(why)
    } catch {
      cursor = nil
      throw error
    }
  }

  private func foldFromNearest(to moment: Timestamp, unless abandoned: () -> Bool)
    throws(StoreError) -> Pipeline
  {
    var position = try start(for: moment)
    let firstStop = stops.last.map { $0.eventCount + interval } ?? interval
    var nextStop = max(firstStop, position.fold.pipeline.eventCount + 1)
    let fold = position.fold
    var latest = position.latest
    var unconfirmed = position.unconfirmed
    foldedEvents = 0
    // From the stop's own last event, to compare it; else from the one after the state.
    let after = unconfirmed.map { $0.lastSeq - 1 } ?? fold.pipeline.lastSeq
    try store.forEachEvent(after: after, through: moment) { (event) throws(StoreError) in
      if let stop = unconfirmed {
        guard event.seq == stop.lastSeq, EventEncoder.line(event) == stop.witness else {
          throw .refused(Self.staleReason)
        }
        unconfirmed = nil
        return
      }
      guard fold.apply(event) == nil else { return }
      foldedEvents += 1
      if event.at > latest { latest = event.at }
      let count = fold.pipeline.eventCount
      if count >= nextStop {
        save(fold.pipeline, latest: latest, last: event)
        nextStop = count + interval
      }
      if foldedEvents % Self.abandonCheckEvents == 0, abandoned() {
        // What is folded so far is the state at `latest` (every event folded is stamped
        // no later, so any cut after it comes later): the cursor, to go on from.
        cursor = Position(fold: fold, latest: latest, unconfirmed: nil)
        throw .refused(Self.abandonedReason)
      }
    }
    // A state whose stop's last event was not read (the store has not read so far).
    if unconfirmed != nil { throw .refused(Self.staleReason) }
    position.latest = latest
    position.unconfirmed = nil
    cursor = position
    return fold.pipeline
  }

  /// Saves a stop for `pipeline`, whose last event is `last`: on the shelf when it takes
  /// it, else in memory.
  private func save(_ pipeline: Pipeline, latest: Timestamp, last: Event) {
    let witness = EventEncoder.line(last)
    let place: Stop.Place
    if let shelf, let identity,
      let record = shelf.append(pipeline, latest: latest, witness: witness, identity: identity)
    {
      place = .shelf(record)
    } else {
      place = .memory(PipelineCodec.encode(pipeline))
    }
    stops.append(
      Stop(
        eventCount: pipeline.eventCount, lastSeq: pipeline.lastSeq, latest: latest,
        witness: witness, place: place))
  }

  /// The nearest earlier state to fold `moment`'s onto: the cursor, the latest stop not
  /// later than the moment (and within what the store has read), or an empty state.
  private func start(for moment: Timestamp) throws(StoreError) -> Position {
    let readTo = store.pipeline.lastSeq
    let stop = stops.last { $0.latest <= moment && $0.lastSeq <= readTo }
    // Decoding a stop costs about what folding `interval` events does: the cursor is
    // folded on unless a stop lies further ahead of it than that (a step forward by a
    // day never decodes).
    if let cursor, cursor.latest <= moment,
      cursor.fold.pipeline.eventCount + interval > (stop?.eventCount ?? 0)
    {
      return cursor
    }
    cursor = nil
    if let stop, let fold = decode(stop) {
      return Position(fold: fold, latest: stop.latest, unconfirmed: stop)
    }
    let fold = PipelineFold(zones: zones)
    fold.markIndexesForRebuild()
    return Position(fold: fold, latest: Timestamp(milliseconds: Int64.min), unconfirmed: nil)
  }

  /// The state a stop holds, or nil when it cannot be read back: a copy of the one
  /// kept when it is that stop's, else decoded (and kept, when it keeps them).
  private func decode(_ stop: Stop) -> PipelineFold? {
    if let decoded, decoded.eventCount == stop.eventCount {
      // Sorted once, so that the copies share the lists instead of each sorting them.
      decoded.pipeline.settleLists()
      return PipelineFold(continuing: decoded.pipeline.copy())
    }
    guard let fold = read(stop) else { return nil }
    if keepsDecodedStop { decoded = (stop.eventCount, fold.pipeline.copy()) }
    return fold
  }

  /// The state a stop's bytes hold, or nil when they cannot be read back.
  private func read(_ stop: Stop) -> PipelineFold? {
    switch stop.place {
    case .memory(let bytes):
      return bytes.withUnsafeBytes { PipelineCodec.decode($0, zones: zones) }
    case .shelf(let record):
      guard let identity else { return nil }
      return shelf?.state(of: record, identity: identity, zones: zones)
    }
  }
}
