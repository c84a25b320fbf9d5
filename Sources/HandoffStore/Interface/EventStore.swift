import HandoffModel
import HandoffSystem

/// A store of events: the one log a team's dashboards and commands share, and the state
/// folded from it. The app, the CLI and the benchmark know stores only through this
/// protocol; `FileStore` (the JSON-lines log of docs/FORMAT.md) is the first
/// implementation, and `StoreAddress` names which one a `--store` means.
///
/// Every implementation keeps the same promises: an acknowledged event (a call that
/// returned) is durable and never lost; events have strictly increasing sequence
/// numbers; a write is planned against the state caught up under the store's lock, so
/// a stale version is refused with who did what; a batch lands whole or not at all;
/// followers see every other process's append. One store object belongs to one
/// thread; many processes (or hosts) may open the same store at once.
///
/// Reading is explicit: `open` loads, `refresh` folds in what others appended. A
/// follower sleeps in `poll(2)` on `changeDescriptor` (an inotify descriptor for the
/// file log, a socket for a database listening for notifications), with
/// `refreshInterval` as its longest sleep, and calls `refresh` when it wakes.
package protocol EventStore: AnyObject {
  /// Where the store is, as the user named it, with any password left out: for
  /// messages ("cannot read NAME: …") and the status bar.
  var name: String { get }

  /// What tells this store apart from any other, even one at the same address (a log
  /// replaced by compaction, a database recreated): a local checkpoint cache is keyed
  /// by it together with `pipeline.lastSeq`. Nil before `open`, or while there is no
  /// store yet.
  var identity: String? { get }

  /// Where "now" comes from for every event this store writes.
  var clock: any Clock { get }

  /// The state: the fold of every event read so far. Read-only for callers; replaced by
  /// a new object when the store reloads, so read it afresh after `refresh`.
  var pipeline: Pipeline { get }

  /// Whether this process may append: a dashboard on a store it cannot write says so
  /// from the start.
  var isWritable: Bool { get }

  /// Whether opening may read and write a local checkpoint of the state (off: replay
  /// every event, as the benchmark does to measure that path).
  var usesCheckpoint: Bool { get set }

  /// Where `TimeTravel` keeps the states it saves on the way into the past, so the next
  /// process's jump starts near its moment (`TravelShelf`); nil for none (then they live
  /// in memory only, as while `usesCheckpoint` is off).
  var travelShelf: TravelShelf? { get }

  /// Loads the store (a file log that does not exist yet is an empty store; nothing is
  /// created until the first write) and starts watching it for changes.
  func open() throws(StoreError)

  /// Creates the store where it is named, if it is not there yet (the file log's folder
  /// and empty file; a database's tables), without changing what is there. Returns
  /// whether it made it. For `handoff init`; a first write creates it too.
  func create() throws(StoreError) -> Bool

  /// A descriptor that becomes readable when the store may have changed, for `poll(2)`;
  /// nil when there is none. Read it before every wait: it may change (a reconnect).
  var changeDescriptor: FileDescriptor? { get }

  /// The longest a follower should wait before calling `refresh` even when the
  /// descriptor stays quiet (no descriptor to watch; a reconnect to retry); nil when the
  /// descriptor alone says when.
  var refreshInterval: Duration? { get }

  /// Folds in whatever others appended since the last read, or loads the store again
  /// when it was replaced. Cheap when nothing changed. Says what happened; a store
  /// that cannot be reached (`offline`, `vanished`) keeps its last state.
  func refresh() throws(StoreError) -> StoreChange

  /// Plans `command` against the caught-up state, appends its event durably and folds
  /// it in. Refused with the model's reason when the action is not allowed, or when
  /// the lead is no longer at `ifVersion` (the version the actor saw). `overrides` are
  /// what the actor confirmed (taking a lead, assigning anyway).
  @discardableResult
  func perform(_ command: Command, by actor: String, ifVersion: Int?, overriding: Overrides)
    throws(StoreError) -> Event

  /// Undoes `actor`'s last change (to `lead`, when given) with a compensating event.
  /// Refused when the lead has changed since.
  @discardableResult
  func undo(by actor: String, lead: Int?) throws(StoreError) -> Event

  /// Appends many events at once, all or nothing: under the store's lock, `plan` gets
  /// the caught-up state and returns the events; each must fold onto the one before,
  /// they are numbered after the store's last (unless they keep their own, copying a
  /// log) and made durable together. When `plan` throws, an event does not fit, or the
  /// process dies midway, none of them is ever seen. For import, demo data and migrate.
  @discardableResult
  func batch(_ plan: (Pipeline) throws(StoreError) -> [PlannedEvent]) throws(StoreError)
    -> BatchResult

  /// Every event of one lead, oldest first.
  func history(of lead: Int) throws(StoreError) -> [Event]

  /// Calls `body` with every event in the store, in sequence order (for migrate and
  /// exports): one at a time, never all in memory.
  func forEachEvent(_ body: (Event) throws(StoreError) -> Void) throws(StoreError)

  /// Calls `body` with the events after sequence number `seq`, in order, up to the cut
  /// at `moment` (the first event stamped after it: `HistoryCut`), and no further than
  /// the state read so far. What `TimeTravel` folds the past from; it stops reading at
  /// the cut.
  func forEachEvent(
    after seq: Int64, through moment: Timestamp, _ body: (Event) throws(StoreError) -> Void
  ) throws(StoreError)

  /// Reads everything and reports every problem (not only the first). Changes nothing.
  func check() -> CheckReport

  /// Moves whatever `check` finds wrong out of the way (kept, never deleted), so the
  /// store reads clean again.
  func repair() throws(StoreError) -> CheckReport

  /// Rewrites the store into fewer events that fold to the same state, keeping the
  /// original; says when a store needs no compaction.
  func compact() throws(StoreError) -> CompactReport
}

extension EventStore {
  /// Performs `command` as `actor`, with no version check.
  @discardableResult
  package func perform(_ command: Command, by actor: String) throws(StoreError) -> Event {
    try perform(command, by: actor, ifVersion: nil, overriding: [])
  }

  /// Performs `command` as `actor` at the version the actor saw, overriding nothing.
  @discardableResult
  package func perform(_ command: Command, by actor: String, ifVersion: Int?)
    throws(StoreError) -> Event
  {
    try perform(command, by: actor, ifVersion: ifVersion, overriding: [])
  }

  /// Undoes `actor`'s last change to any lead.
  @discardableResult
  package func undo(by actor: String) throws(StoreError) -> Event {
    try undo(by: actor, lead: nil)
  }

  /// Undoes like `undo(by:lead:)`, and reads back the change it took back, so that what
  /// was undone can be said in plain words (nil when that history cannot be read).
  package func undoing(by actor: String, lead: Int?) throws(StoreError) -> (
    revert: Event, undid: Event?
  ) {
    let revert = try undo(by: actor, lead: lead)
    guard case .leadReverted(let e) = revert.body else { return (revert, nil) }
    let undid = (try? history(of: e.lead))?.first { $0.seq == e.undoes }
    return (revert, undid)
  }

  /// The state as it stood at `moment` (`HistoryCut`), folded afresh from the store's
  /// events; a `TimeTravel` kept across calls is faster for more than one moment.
  package func pipeline(at moment: Timestamp) throws(StoreError) -> Pipeline {
    try TimeTravel(store: self).state(at: moment)
  }

  /// Appends events planned elsewhere, all or nothing (see `batch`).
  @discardableResult
  package func append(_ events: [PlannedEvent]) throws(StoreError) -> BatchResult {
    try batch { _ in events }
  }
}

/// What a batch wrote.
package struct BatchResult: Sendable {
  /// How many events it appended (0 when the plan had none).
  package var count: Int
  /// The last of them.
  package var last: Event?

  package init(count: Int, last: Event?) {
    self.count = count
    self.last = last
  }
}
