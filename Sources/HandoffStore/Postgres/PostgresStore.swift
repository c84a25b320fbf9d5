import HandoffModel
import HandoffPostgres
import HandoffSystem

/// The event log in a PostgreSQL database (`--store postgres://…`): the second
/// `EventStore`, for a team past one host (docs/POSTGRES.md).
///
/// Events are rows of `handoff_events` holding the file log's own lines. A write
/// locks the table against other writers, catches up, plans, inserts and commits in one
/// transaction: acknowledged means committed, and sequence numbers follow commit order.
/// Followers LISTEN on the session and read `seq > last` when notified. A lost
/// connection makes the store offline: it keeps its last state, tries again with
/// backoff, and catches up when it is back.
package final class PostgresStore: EventStore {
  let options: ConnectionOptions
  package let clock: any Clock
  let zones: any ZoneDatabase
  /// The fold of the store's events: this object is the only writer of its state.
  var fold: PipelineFold
  package var pipeline: Pipeline { fold.pipeline }
  package var usesCheckpoint = true
  /// Opening writes the local cache after replaying at least this many events.
  package var cacheThreshold = 2_000
  let cache: PostgresCheckpointCache?
  /// How many events the last open took from the local cache rather than the server.
  package internal(set) var cachedEvents = 0
  /// Opening adds a server snapshot (`PostgresSnapshots`) after replaying at least this
  /// many events from the server: a machine with no cache then reads the snapshot and
  /// the tail. Each costs the server about the checkpoint's size (some 27 MB at 100,000
  /// leads), so not after every few writes.
  package var snapshotThreshold = 20_000
  /// How many events the last open took from a server snapshot.
  package internal(set) var snapshotEvents = 0

  /// The session, while the server can be reached.
  var connection: PostgresConnection?
  /// Why the server cannot be reached now, and when to try again.
  var outage: Outage?
  /// The store's `handoff_meta`, once it has tables.
  var meta: PostgresSchema.Meta?
  var writable = true
  /// The line of the last event folded, for the cache's witness.
  var lastLine: [UInt8]?
  var backoff = Backoff()
  /// The last connection failure, for the few words the status bar shows.
  var lastFailure: PostgresError?

  /// A store at `url`; `environment` gives libpq's variables (`PGPASSWORD`…) and the
  /// cache's folder (`cacheFolder` overrides it; nil there and in the environment: no
  /// cache). Nothing is contacted until `open`.
  package init(
    url: String, environment: [String: String], clock: any Clock, zones: any ZoneDatabase,
    cacheFolder: String? = nil
  ) throws(StoreError) {
    do {
      options = try ConnectionOptions(url: url, environment: environment)
    } catch {
      throw .badAddress(error.description)
    }
    self.clock = clock
    self.zones = zones
    fold = PipelineFold(zones: zones)
    cache = (cacheFolder ?? PostgresCheckpointCache.folder(in: environment)).map {
      PostgresCheckpointCache(folder: $0)
    }
  }

  deinit { connection?.close() }

  /// The URL without its password.
  package var name: String { options.redacted }

  /// The database and the store's own id, made when its tables were.
  package var identity: String? {
    meta.map { "postgres:\(options.database):\($0.storeID)" }
  }

  package var isWritable: Bool { writable }

  /// Beside the local cache's file (`….travel`), private like it.
  package var travelShelf: TravelShelf? {
    guard usesCheckpoint, let cache, let identity else { return nil }
    return TravelShelf(
      path: cache.travelPath(for: identity), mode: 0o600, privateFolder: cache.folder)
  }

  package func open() throws(StoreError) {
    let connection = try connectNow()
    try load(on: connection)
  }

  package var changeDescriptor: FileDescriptor? { connection?.descriptor }

  /// While connected, the descriptor says when (unless notifications already wait,
  /// read during a query); while offline, when to try again.
  package var refreshInterval: Duration? {
    if let outage {
      let left = ContinuousClock.now.duration(to: outage.retryAt)
      return Duration(milliseconds: max(0, left.wholeMilliseconds))
    }
    return connection?.hasNotifications == true ? Duration(milliseconds: 0) : nil
  }

  package func refresh() throws(StoreError) -> StoreChange {
    guard let connection else { return try reconnect() }
    do throws(StoreError) {
      try read { () throws(PostgresError) in try connection.readAvailable() }
      var newest: Int64 = 0
      var replaced = false
      for notification in connection.takeNotifications()
      where notification.channel == PostgresSchema.channel {
        if let seq = Int64(notification.payload) {
          newest = max(newest, seq)
        } else {
          replaced = true
        }
      }
      if replaced {
        try load(on: connection)
        return .reloaded
      }
      guard newest > pipeline.lastSeq else { return .none }
      if meta == nil {
        // The store's tables were made since: read it from the start.
        try load(on: connection)
        return pipeline.eventCount > 0 ? .appended(pipeline.eventCount) : .none
      }
      let added = try catchUp(on: connection)
      return added > 0 ? .appended(added) : .none
    } catch {
      guard case .offline = error else { throw error }
      return goOffline(error)
    }
  }

  // MARK: Connecting

  /// A new session, set up: writers wait at most 10 s for the table lock, and the
  /// session listens for appends from the start (before anything is read, so nothing
  /// appended meanwhile goes unnoticed).
  func connectNow() throws(StoreError) -> PostgresConnection {
    do {
      let connection = try PostgresConnection.connect(options)
      try connection.simpleQuery(
        "SET lock_timeout = '\(Self.lockPatience)s'; LISTEN \(PostgresSchema.channel)")
      self.connection = connection
      outage = nil
      backoff.reset()
      return connection
    } catch {
      throw storeError(error)
    }
  }

  /// Tries the server again when the backoff allows; when it answers, catches up.
  private func reconnect() throws(StoreError) -> StoreChange {
    guard let outage else { return .none }
    guard ContinuousClock.now >= outage.retryAt else { return .offline(outage.summary) }
    do throws(StoreError) {
      let connection = try connectNow()
      // Replaced meanwhile (compacted, made anew): read it again from the start.
      let current = try read { () throws(PostgresError) in try PostgresSchema.meta(on: connection) }
      guard current == meta else {
        try load(on: connection)
        return .reloaded
      }
      return .reconnected(try catchUp(on: connection))
    } catch {
      guard case .offline = error else { throw error }
      return goOffline(error)
    }
  }

  /// Drops the session after a connection failure and schedules the next try.
  func goOffline(_ error: StoreError) -> StoreChange {
    connection?.close()
    connection = nil
    let delay = backoff.next()
    let failure = lastFailure
    outage = Outage(
      reason: failure.map(Outage.reason) ?? error.description,
      retryAt: ContinuousClock.now.advanced(by: delay), delay: delay,
      place: failure?.endpoint ?? options.redacted)
    return .offline(outage!.summary)
  }

  /// The session for a write: the current one, or a new one at once when offline
  /// (a user waiting on a write should not wait for the backoff).
  func writeConnection() throws(StoreError) -> PostgresConnection {
    if let connection { return connection }
    let wasOffline = outage != nil
    let connection: PostgresConnection
    do {
      connection = try connectNow()
    } catch {
      if case .offline(let why) = error {
        _ = goOffline(error)
        throw .offline("\(why); nothing was saved")
      }
      throw error
    }
    if wasOffline { _ = try catchUp(on: connection) }
    return connection
  }

  /// How long a writer waits for another's lock, in seconds.
  static let lockPatience = 10

  /// Runs `body`, turning the client's errors into the store's.
  @discardableResult
  func read<T>(_ body: () throws(PostgresError) -> T) throws(StoreError) -> T {
    do {
      return try body()
    } catch {
      throw storeError(error)
    }
  }

  /// The store's error for a client error: connection trouble is `offline` (the state
  /// stays, and following tries again); a lock held too long is `locked`.
  func storeError(_ error: PostgresError) -> StoreError {
    if error.isTransient {
      lastFailure = error
      return .offline(error.description)
    }
    switch error.sqlState {
    case "55P03":
      return .locked(path: name, seconds: Self.lockPatience)
    case SQLState.insufficientPrivilege:
      return .refused(
        "\(name): \(error.serverMessage?.message ?? "permission denied") "
          + "(this role may not change the store)")
    default:
      return .refused(error.description)
    }
  }
}

/// Why a PostgreSQL store cannot be reached, and when it tries again.
struct Outage {
  var reason: String
  var retryAt: ContinuousClock.Instant
  var delay: Swift.Duration
  var place: String

  /// A few words for the status bar: "PostgreSQL at db:5432 unreachable (Connection
  /// refused); trying again in 4 s".
  var summary: String {
    let milliseconds = delay.wholeMilliseconds
    let retry = milliseconds < 1000 ? "under a second" : "\((milliseconds + 500) / 1000) s"
    return "PostgreSQL at \(place) unreachable (\(reason)); trying again in \(retry)"
  }

  /// The heart of a connection failure, without the place.
  static func reason(_ error: PostgresError) -> String {
    switch error.kind {
    case .cannotConnect(let errno): "\(errno)"
    case .cannotResolve(let failure): failure.reason
    case .timedOut: "no answer"
    case .connectionLost(let why): why ?? "connection lost"
    case .server(let message): message.message
    default: error.description
    }
  }
}

extension Swift.Duration {
  /// The duration in whole milliseconds (rounded down).
  var wholeMilliseconds: Int64 {
    components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
  }
}

/// Reconnection delays: from a quarter of a second, doubling to at most ten, each
/// shortened by up to a fifth at random so that many dashboards reconnecting after a
/// server restart do not all knock at once.
struct Backoff {
  private var attempts = 0
  private var random = SystemRandomNumberGenerator()

  mutating func reset() { attempts = 0 }

  mutating func next() -> Swift.Duration {
    let base = min(10_000, 250 << min(attempts, 6))
    attempts += 1
    let jitter = Int.random(in: 0...(base / 5), using: &random)
    return .milliseconds(base - jitter)
  }
}
