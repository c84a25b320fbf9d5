import HandoffModel
import HandoffPostgres

extension PostgresStore {
  /// Starts again from an empty state: reads `handoff_meta`, the local cache when it
  /// matches, and every event after it.
  func load(on connection: PostgresConnection) throws(StoreError) {
    fold = PipelineFold(zones: zones)
    lastLine = nil
    meta = try read { () throws(PostgresError) in try PostgresSchema.meta(on: connection) }
    guard meta != nil else {
      writable = true
      return
    }
    var restored = 0
    cachedEvents = 0
    snapshotEvents = 0
    if usesCheckpoint, let state = try restoreCache(on: connection) {
      fold = state
      restored = state.pipeline.eventCount
      cachedEvents = restored
    } else if usesCheckpoint, let state = try restoreSnapshot(on: connection) {
      fold = state
      restored = state.pipeline.eventCount
      snapshotEvents = restored
    } else {
      fold.markIndexesForRebuild()
    }
    try catchUp(on: connection)
    // What came from the server (a snapshot is the server's too) makes the local cache;
    // only events replayed one by one make a new snapshot.
    let replayed = pipeline.eventCount - restored
    if usesCheckpoint, pipeline.eventCount - cachedEvents >= cacheThreshold { saveCache() }
    if usesCheckpoint, replayed >= snapshotThreshold { saveSnapshot(on: connection) }
    writable = try read { () throws(PostgresError) in
      try connection.query("SELECT has_table_privilege('handoff_events', 'INSERT')").rows
        .first?.bool(0) ?? false
    }
  }

  /// Folds the events after the state's last, in order; how many there were.
  @discardableResult
  func catchUp(on connection: PostgresConnection) throws(StoreError) -> Int {
    guard meta != nil else { return 0 }
    var failure: StoreError?
    var added = 0
    try read { () throws(PostgresError) in
      try connection.query(
        "SELECT body FROM handoff_events WHERE seq > $1 ORDER BY seq", [String(pipeline.lastSeq)]
      ) { row in
        guard failure == nil else { return }
        do throws(StoreError) {
          try fold(row)
          added += 1
        } catch {
          failure = error
        }
      }
    }
    if let failure { throw failure }
    return added
  }

  /// Decodes and applies one row's event; one that is not valid, or does not fit the
  /// state, stops reading and names its sequence number.
  func fold(_ row: PostgresRow) throws(StoreError) {
    let event = try decode(row)
    guard event.seq > pipeline.lastSeq else {
      throw corrupt(event.seq, "sequence \(event.seq) does not follow \(pipeline.lastSeq)")
    }
    if let problem = fold.apply(event) { throw corrupt(event.seq, problem.description) }
    lastLine = row.bytes(0).map(Array.init)
  }

  /// The event in a row's first column.
  func decode(_ row: PostgresRow) throws(StoreError) -> Event {
    guard let bytes = row.bytes(0) else { throw corrupt(nil, "an event with no line") }
    let decoded = bytes.withUnsafeBufferPointer { line in
      Result { () throws(LineError) in try EventDecoder.event(line) }
    }
    switch decoded {
    case .success(let event): return event
    case .failure(let error): throw corrupt(nil, error.describe())
    }
  }

  /// The error for an event that cannot be read.
  func corrupt(_ seq: Int64?, _ why: String) -> StoreError {
    let which = seq.map { "event \($0)" } ?? "an event"
    return .refused(
      "\(name): \(which) is not a valid event (\(why)); run: handoff check --store \(name)")
  }

  package func history(of lead: Int) throws(StoreError) -> [Event] {
    try events(
      "SELECT body FROM handoff_events WHERE lead = $1 AND seq <= $2 ORDER BY seq",
      [String(lead), String(pipeline.lastSeq)])
  }

  /// Every event of the state, in order, streamed.
  package func forEachEvent(_ body: (Event) throws(StoreError) -> Void) throws(StoreError) {
    guard meta != nil else { return }
    try stream(
      "SELECT body FROM handoff_events WHERE seq <= $1 ORDER BY seq", [String(pipeline.lastSeq)],
      body)
  }

  /// The events after `seq` up to the cut at `moment`: the server finds the cut (the
  /// first event stamped after the moment) and sends only what comes before it.
  package func forEachEvent(
    after seq: Int64, through moment: Timestamp, _ body: (Event) throws(StoreError) -> Void
  ) throws(StoreError) {
    guard meta != nil, seq < pipeline.lastSeq else { return }
    try stream(
      "SELECT body FROM handoff_events WHERE seq > $1 AND seq <= $2 AND seq < COALESCE(("
        + "SELECT min(seq) FROM handoff_events WHERE seq > $1 AND seq <= $2 "
        + "AND at > $3::timestamptz), $2::bigint + 1) ORDER BY seq",
      [String(seq), String(pipeline.lastSeq), moment.iso8601], body)
  }

  /// Calls `body` with the event of each row a query returns, as the rows arrive; the
  /// first error (a row that is not an event, or `body`'s own) stops it and is thrown.
  private func stream(
    _ sql: String, _ parameters: [String?], _ body: (Event) throws(StoreError) -> Void
  ) throws(StoreError) {
    let connection = try writeConnection()
    var failure: StoreError?
    try read { () throws(PostgresError) in
      try connection.query(sql, parameters) { row in
        guard failure == nil else { return }
        do throws(StoreError) {
          try body(try decode(row))
        } catch {
          failure = error
        }
      }
    }
    if let failure { throw failure }
  }

  /// The events a query returns (their lines in the first column).
  func events(_ sql: String, _ parameters: [String?]) throws(StoreError) -> [Event] {
    guard meta != nil else { return [] }
    let connection = try writeConnection()
    let rows = try read { () throws(PostgresError) in try connection.query(sql, parameters).rows }
    var events: [Event] = []
    for row in rows { events.append(try decode(row)) }
    return events
  }

  // MARK: The local cache and the server's snapshots

  /// The cached state, when the cache matches the store.
  private func restoreCache(on connection: PostgresConnection) throws(StoreError) -> PipelineFold? {
    guard let cache, let identity,
      let entry = cache.load(identity: identity, zones: zones)
    else { return nil }
    return try witnessed(entry.state, at: entry.seq, witness: entry.witness, on: connection)
  }

  /// The state of the server's newest snapshot, when it matches the store.
  private func restoreSnapshot(on connection: PostgresConnection) throws(StoreError)
    -> PipelineFold?
  {
    guard let storeID = meta?.storeID,
      let found = try read({ () throws(PostgresError) in
        try PostgresSnapshots.newest(of: storeID, on: connection, zones: zones)
      })
    else { return nil }
    return try witnessed(found.state, at: found.seq, witness: found.witness, on: connection)
  }

  /// `state` when the event at `seq` is still the one whose line hashes to `witness`
  /// (then that line is the last one folded); nil when the events have changed since.
  private func witnessed(
    _ state: PipelineFold, at seq: Int64, witness: [UInt8], on connection: PostgresConnection
  ) throws(StoreError) -> PipelineFold? {
    let line = try read { () throws(PostgresError) in
      try connection.query("SELECT body FROM handoff_events WHERE seq = $1", [String(seq)])
        .rows.first?.bytes(0).map(Array.init)
    }
    guard let line, SHA256.hash(line) == witness else { return nil }
    lastLine = line
    return state
  }

  /// Writes the local cache for the state now.
  func saveCache() {
    guard let cache, let identity, let lastLine else { return }
    cache.save(identity: identity, witness: SHA256.hash(lastLine), state: pipeline)
  }

  /// Adds a server snapshot of the state now (best effort: a role that may not create
  /// or insert into `handoff_snapshots` simply leaves none).
  private func saveSnapshot(on connection: PostgresConnection) {
    guard let storeID = meta?.storeID, let lastLine else { return }
    _ = try? PostgresSnapshots.save(
      pipeline, witness: SHA256.hash(lastLine), of: storeID, on: connection)
  }
}
