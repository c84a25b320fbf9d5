import Foundation
import HandoffModel
import HandoffStore
import HandoffSystem

/// The days either side of the one the dashboard shows in the past, made ready while
/// the user looks at it, so that `[` and `]` only swap the state shown: a step folded
/// on the spot costs a saved state's decode and up to an interval's events (about
/// 220 ms at 100,000 leads), a prepared one a frame.
///
/// A thread of its own opens a store object of its own on the same store (as a
/// colleague's process would) and folds with its own `TimeTravel`. What it hands over
/// is a copy of the traveller's state (`Pipeline.copy`) with its lists sorted and the
/// dashboard's figures of then computed; once handed over the thread never touches it
/// again, so the dashboard's thread may read it (that is what makes the unchecked
/// `Sendable` sound: everything else is guarded by `condition`).
///
/// It costs memory while the past is shown: the second store's state, its traveller's,
/// and the days kept ready (each a copy whose changed parts are its own), so the
/// dashboard runs it only up to `leadLimit` leads and stops it on the way back to now.
package final class TravelAhead: @unchecked Sendable {
  /// A day made ready: the state at its moment and the dashboard's figures of then.
  package struct Day {
    package let moment: Timestamp
    package let pipeline: Pipeline
    package let figures: DashboardFigures

    /// A day: the state at `moment`, read by nobody else, and its figures then.
    package init(moment: Timestamp, pipeline: Pipeline, figures: DashboardFigures) {
      self.moment = moment
      self.pipeline = pipeline
      self.figures = figures
    }
  }

  /// The largest store a dashboard prepares days ahead for: beyond it the memory of a
  /// second state and its copies is more than the steps' speed is worth (a step is then
  /// folded on the key, as `--at` folds).
  package static let leadLimit = 250_000

  /// The store object the thread opens and reads, let go when it stops; only the
  /// thread touches it.
  private var store: (any EventStore)?
  private let condition = NSCondition()
  // Guarded by `condition`.
  private var wanted: [Timestamp] = []
  private var ready: [Timestamp: Day] = [:]
  private var failed: Set<Timestamp> = []
  private var working: Timestamp?
  private var running = true
  /// Whether the thread's store is open: until it is, nobody waits for a day.
  private var opened = false
  /// States the dashboard no longer shows, for the thread to free.
  private var discarded: [Pipeline] = []

  /// Starts the thread on `store`, a store object of its own, not yet opened.
  package init(store: any EventStore) {
    self.store = store
    let thread = Thread { [self] in work() }
    thread.start()
  }

  /// Asks for the days at `moments`, the first first; a day ready for any other moment
  /// is let go.
  package func prepare(_ moments: [Timestamp]) {
    condition.withLock {
      wanted = moments
      // Freed on the thread, as any state let go.
      for (moment, day) in ready where !moments.contains(moment) {
        discarded.append(day.pipeline)
        ready[moment] = nil
      }
      failed = failed.filter { moments.contains($0) }
      condition.broadcast()
    }
  }

  /// The day at `moment`: at once when it is ready; after the thread has made it when
  /// it is asked for and the thread's store is open (it is then never further off than
  /// a fold on the spot: the thread is on it or on the one before it); nil when it was
  /// not asked for or cannot be made (the caller folds it itself). A day is taken once.
  package func take(_ moment: Timestamp) -> Day? {
    condition.withLock {
      while ready[moment] == nil, working == moment || (opened && isPending(moment)) {
        condition.wait()
      }
      wanted.removeAll { $0 == moment }
      return ready.removeValue(forKey: moment)
    }
  }

  /// Takes back a day the dashboard showed, to hand out again when asked for (the step
  /// back the way the user came costs nothing then); the caller keeps no reference to
  /// its state. Let go like any other day once not asked for.
  package func keep(_ day: Day) {
    condition.withLock {
      if let replaced = ready.updateValue(day, forKey: day.moment) {
        discarded.append(replaced.pipeline)
      }
      condition.broadcast()
    }
  }

  /// Hands over a state the dashboard no longer shows, for the thread to free: freeing
  /// a day's copy (its own lead array, and the strings of a decoded one) takes about
  /// 20 ms at 100,000 leads, more than the frame the step is drawn in. The caller keeps
  /// no other reference to it.
  package func letGo(_ pipeline: Pipeline) {
    condition.withLock {
      discarded.append(pipeline)
      condition.broadcast()
    }
  }

  /// Waits until every day asked for is ready or cannot be made (the store could not
  /// be opened or read): the user's looking, for tests and the benchmark.
  package func waitUntilPrepared() {
    condition.withLock {
      while working != nil || nextWanted() != nil { condition.wait() }
    }
  }

  /// Stops the thread once it is done with the day it is on (its memory goes with it).
  package func stop() {
    condition.withLock {
      running = false
      condition.broadcast()
    }
  }

  /// The first day asked for that is neither ready nor failed; under the lock.
  private func nextWanted() -> Timestamp? { wanted.first(where: isPending) }

  /// Whether the day at `moment` is asked for, still to be made, and can be; under the
  /// lock.
  private func isPending(_ moment: Timestamp) -> Bool {
    running && wanted.contains(moment) && ready[moment] == nil && !failed.contains(moment)
  }

  /// The thread: prepares the days until stopped, then frees what it held.
  private func work() {
    prepareDays()
    // After `prepareDays` returned, so its traveller's states are freed too.
    letGoOfEverything()
  }

  /// Opens the store, then prepares each day asked for until stopped.
  private func prepareDays() {
    guard let store, (try? store.open()) != nil else {
      stop()
      return
    }
    let travel = TimeTravel(store: store, keepingDecodedStop: true)
    condition.withLock {
      opened = true
      condition.broadcast()
    }
    while let moment = nextJob() {
      // A day no longer asked for (the user went the other way) is given up midway.
      let outcome = Result { () throws(StoreError) in
        try Self.day(at: moment, travel) { [self] in
          condition.withLock { !running || !wanted.contains(moment) }
        }
      }
      condition.withLock {
        working = nil
        switch outcome {
        case .success(let day?) where wanted.contains(moment): ready[moment] = day
        case .success(let day?): discarded.append(day.pipeline)
        case .success(nil): break
        case .failure: failed.insert(moment)
        }
        condition.broadcast()
      }
    }
  }

  /// Once stopped: the days, the states let go and the store's state freed on this
  /// thread, and the memory given back (the dashboard, back to now, shrinks again).
  private func letGoOfEverything() {
    // Taken out under the lock and dropped at once, outside it, as in `nextJob`.
    _ = condition.withLock {
      let held = (ready, discarded)
      ready = [:]
      discarded = []
      return held
    }
    store = nil
    FreedMemory.returnToSystem()
  }

  /// Waits for the next day to make and marks it the one worked on, freeing the states
  /// let go meanwhile, and reading the store's news when idle for `idleRefresh` (a
  /// database's notifications to this session are drained, and the days made later
  /// see what the dashboard sees); nil once stopped.
  private func nextJob() -> Timestamp? {
    while true {
      // The states let go are handed out of the lock and freed as they are dropped here.
      let (next, _): (Next, [Pipeline]) = condition.withLock {
        var quiet = false
        while running, nextWanted() == nil, discarded.isEmpty, !quiet {
          quiet = !condition.wait(until: Date(timeIntervalSinceNow: Self.idleRefresh))
        }
        let freed = discarded
        discarded = []
        guard running else { return (.stop, freed) }
        guard freed.isEmpty, let moment = nextWanted() else {
          return (freed.isEmpty ? .refresh : .free, freed)
        }
        working = moment
        return (.day(moment), [])
      }
      switch next {
      case .day(let moment): return moment
      case .stop: return nil
      case .refresh: _ = try? store?.refresh()
      case .free: continue
      }
    }
  }

  /// What the thread does next.
  private enum Next {
    case day(Timestamp)
    case refresh
    case free
    case stop
  }

  /// How long the thread waits, idle, before reading the store's news.
  private static let idleRefresh: TimeInterval = 10

  /// The day at `moment`: the traveller's state, its lists sorted before the copy
  /// (which then shares them), the copy's figures; nil when abandoned.
  private static func day(
    at moment: Timestamp, _ travel: TimeTravel, unless abandoned: () -> Bool
  ) throws(StoreError) -> Day? {
    guard let state = try travel.state(at: moment, unless: abandoned) else { return nil }
    state.settleLists()
    let copy = state.copy()
    return Day(
      moment: moment, pipeline: copy, figures: DashboardFigures(pipeline: copy, now: moment))
  }
}
