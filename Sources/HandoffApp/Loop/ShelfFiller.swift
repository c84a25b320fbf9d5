import Foundation
import HandoffModel
import HandoffStore
import HandoffSystem

/// Saves the travel stops a store's log calls for and its shelf lacks (a log grown by
/// many small writes since anyone travelled), on a thread of its own while the
/// dashboard shows now, so that the first jump into the past — here or in any process
/// on this host, a CLI `--at` too — decodes a stop instead of folding up to the whole
/// log (about 2.3 s at 100,000 leads, against 0.4 s).
///
/// One process on the host fills a shelf at a time (`TravelShelf.claimFilling`): of
/// fifty dashboards started together, one does it and the others find it done. The
/// thread opens a store object of its own on the same store and lets it go when done;
/// while it runs it costs about a second state's memory.
package final class ShelfFiller: @unchecked Sendable {
  /// The store object the thread opens, reads and lets go, and the claim it holds
  /// until done; only the thread touches them.
  private var reader: (any EventStore)?
  private let claim: FileDescriptor
  private let interval: Int?
  private let condition = NSCondition()
  // Guarded by `condition`.
  private var running = true
  private var finished = false
  private var saved = 0

  /// Starts filling when the shelf of `store` (open) lags its log by a stop's interval
  /// or more and no other process is filling it, reading through `second` (made only
  /// then: a store object of its own, not yet opened); nil when there is nothing to do
  /// or someone else does it. `interval`: the events between stops (nil: the
  /// traveller's own for the store's size).
  package static func startIfNeeded(
    for store: any EventStore, interval: Int? = nil, second: () -> (any EventStore)?
  ) -> ShelfFiller? {
    guard let shelf = store.travelShelf, let identity = store.identity else { return nil }
    guard
      TimeTravel.lacksStops(
        lastSaved: shelf.records(for: identity).last?.eventCount,
        eventCount: store.pipeline.eventCount,
        interval: interval ?? TimeTravel.interval(forLeads: store.pipeline.leadCount)),
      let claim = shelf.claimFilling()
    else { return nil }
    guard let reader = second() else {
      claim.close()
      return nil
    }
    return ShelfFiller(reader: reader, claim: claim, interval: interval)
  }

  private init(reader: any EventStore, claim: FileDescriptor, interval: Int?) {
    self.reader = reader
    self.claim = claim
    self.interval = interval
    let thread = Thread { [self] in fill() }
    thread.start()
  }

  /// The thread: opens the store, saves the missing stops, gives the claim back.
  private func fill() {
    defer { claim.close() }
    var count = 0
    if let reader, (try? reader.open()) != nil {
      let travel = TimeTravel(store: reader, interval: interval)
      count = (try? travel.saveMissingStops { [self] in isStopped }) ?? 0
    }
    // Its state freed here, on this thread, not wherever the last reference goes; and
    // the memory given back.
    reader = nil
    FreedMemory.returnToSystem()
    condition.withLock {
      saved = count
      finished = true
      condition.broadcast()
    }
  }

  /// Whether it has finished (or given up).
  package var isFinished: Bool { condition.withLock { finished } }

  /// Waits until it has finished; how many stops it saved (for tests and the benchmark).
  @discardableResult
  package func waitUntilFinished() -> Int {
    condition.withLock {
      while !finished { condition.wait() }
      return saved
    }
  }

  /// Asks it to give up (at its next look, within a few thousand events).
  package func stop() { condition.withLock { running = false } }

  private var isStopped: Bool { condition.withLock { !running } }
}
