import HandoffModel
import HandoffPostgres

/// `init`, `check`, `repair` and `compact` in their PostgreSQL forms. The database keeps
/// rows whole (a torn last line cannot happen), so `check` looks for what SQL by hand
/// could leave: a line that is not an event, columns that disagree with their line,
/// events out of order or that do not fit, a missing trigger. Nothing is ever deleted:
/// `repair` moves bad rows to `handoff_events_bad`, `compact` keeps the history in a
/// dated table; both give the store a new id, so caches and followers read it again.
extension PostgresStore {
  package func create() throws(StoreError) -> Bool {
    let connection = try writeConnection()
    let created = try read { () throws(PostgresError) in try PostgresSchema.create(on: connection) }
    try load(on: connection)
    return created
  }

  package func check() -> CheckReport {
    do {
      return try examine().report
    } catch {
      return CheckReport(problems: ["\(name): \(error)"], events: 0)
    }
  }

  package func repair() throws(StoreError) -> CheckReport {
    let connection = try writeConnection()
    var (report, bad) = try examine()
    guard !bad.isEmpty else { return report }
    let list = bad.map(String.init).joined(separator: ",")
    let oldIdentity = identity
    do {
      // A new store id: a cache made while the bad rows were there would otherwise
      // still pass its check (the event it ends at may be a good one).
      try connection.simpleQuery(
        "BEGIN; LOCK TABLE handoff_events IN EXCLUSIVE MODE; "
          + "CREATE TABLE IF NOT EXISTS handoff_events_bad "
          + "(LIKE handoff_events, moved_at timestamptz NOT NULL DEFAULT now()); "
          + "INSERT INTO handoff_events_bad (seq, at, actor, type, lead, body) "
          + "SELECT seq, at, actor, type, lead, body FROM handoff_events WHERE seq IN (\(list)); "
          + "DELETE FROM handoff_events WHERE seq IN (\(list)); "
          + "UPDATE handoff_meta SET value = gen_random_uuid()::text WHERE key = 'store_id'; "
          + "SELECT pg_notify('\(PostgresSchema.channel)', 'reload'); COMMIT")
    } catch {
      if !connection.isClosed, connection.transactionStatus != .idle {
        _ = try? connection.simpleQuery("ROLLBACK")
      }
      throw storeError(error)
    }
    report.sideFile = "table handoff_events_bad in \(name)"
    if let oldIdentity { cache?.remove(identity: oldIdentity) }
    try load(on: connection)
    return report
  }

  package func compact() throws(StoreError) -> CompactReport {
    let connection = try writeConnection()
    guard meta != nil else {
      let horizon = Compaction.horizon(at: clock.now(), zone: pipeline.zone)
      return CompactReport(before: 0, after: 0, horizon: horizon)
    }
    do throws(StoreError) {
      let report = try compacting(on: connection)
      try load(on: connection)
      return report
    } catch {
      if !connection.isClosed, connection.transactionStatus != .idle {
        _ = try? connection.simpleQuery("ROLLBACK")
      }
      if case .offline = error { _ = goOffline(error) }
      throw error
    }
  }

  /// Under the writers' lock: the history copied to a dated table, the events replaced
  /// by their compaction (verified to fold to the same state), and a new store id, so
  /// followers and caches read the store again.
  private func compacting(on connection: PostgresConnection) throws(StoreError) -> CompactReport {
    let oldIdentity = identity
    try read { () throws(PostgresError) in
      try connection.simpleQuery("BEGIN; LOCK TABLE handoff_events IN EXCLUSIVE MODE")
    }
    try catchUp(on: connection)
    var events: [Event] = []
    events.reserveCapacity(pipeline.eventCount)
    try read { () throws(PostgresError) in
      try connection.query("SELECT body FROM handoff_events ORDER BY seq") { row in
        if let event = try? decode(row) { events.append(event) }
      }
    }
    let now = clock.now()
    guard events.count == pipeline.eventCount,
      let (compacted, horizon) = try Compaction(events: events, state: pipeline).compacted(at: now)
    else {
      try read { () throws(PostgresError) in try connection.simpleQuery("ROLLBACK") }
      guard events.count == pipeline.eventCount else {
        throw .refused("\(name) has events that cannot be read: run handoff check --store \(name)")
      }
      return CompactReport(
        before: events.count, after: events.count,
        horizon: Compaction.horizon(at: now, zone: pipeline.zone))
    }
    let backup =
      "handoff_events_before_" + now.iso8601.prefix(19).filter { $0.isNumber || $0 == "T" }
    try read { () throws(PostgresError) in
      try connection.simpleQuery(
        "CREATE TABLE \(backup) AS TABLE handoff_events; DELETE FROM handoff_events")
      try connection.copyIn(
        "COPY handoff_events (seq, at, actor, type, lead, body) FROM STDIN",
        rows: compacted.lazy.map { event in
          var line = EventEncoder.line(event)
          line.removeLast()
          return [
            String(event.seq), event.at.iso8601, event.actor, event.body.typeName,
            event.leadID.map(String.init), String(decoding: line, as: UTF8.self),
          ]
        })
      try connection.simpleQuery(
        "UPDATE handoff_meta SET value = gen_random_uuid()::text WHERE key = 'store_id'; "
          + "SELECT pg_notify('\(PostgresSchema.channel)', 'reload'); COMMIT")
    }
    if let oldIdentity { cache?.remove(identity: oldIdentity) }
    return CompactReport(
      before: events.count, after: compacted.count, backup: "table \(backup) in \(name)",
      horizon: horizon)
  }

  /// Reads every row and reports every problem; the sequence numbers of the bad rows.
  private func examine() throws(StoreError) -> (report: CheckReport, bad: [Int64]) {
    let connection = try writeConnection()
    var report = CheckReport(problems: [], events: 0)
    var bad: [Int64] = []
    guard
      meta != nil
        || (try? read({ () throws(PostgresError) in
          try PostgresSchema.meta(on: connection)
        })) != nil
    else { return (report, bad) }
    let trigger = try read { () throws(PostgresError) in
      try connection.query(
        "SELECT count(*) FROM pg_trigger WHERE tgname = 'handoff_events_notify' "
          + "AND tgrelid = 'handoff_events'::regclass"
      ).rows.first?.int(0) ?? 0
    }
    if trigger == 0 {
      report.problems.append(
        "\(name): the trigger handoff_events_notify is missing, so followers miss appends "
          + "(run handoff init --store \(name))")
    }
    let scratch = PipelineFold(zones: zones)
    scratch.markIndexesForRebuild()
    try read { () throws(PostgresError) in
      try connection.query(
        "SELECT seq, extract(epoch from at) * 1000, actor, type, lead, body::text "
          + "FROM handoff_events ORDER BY seq"
      ) { row in
        let seq = Int64(row.int(0) ?? 0)
        guard let problem = problem(in: row, seq: seq, scratch: scratch) else {
          report.events += 1
          return
        }
        report.problems.append("\(name): event \(seq): \(problem)")
        bad.append(seq)
      }
    }
    return (report, bad)
  }

  /// What is wrong with one row, or nil; a good row is folded into `scratch`.
  private func problem(in row: PostgresRow, seq: Int64, scratch: PipelineFold) -> String? {
    guard let bytes = row.bytes(5) else { return "no line" }
    let decoded = bytes.withUnsafeBufferPointer { line in
      Result { () throws(LineError) in try EventDecoder.event(line) }
    }
    let event: Event
    switch decoded {
    case .success(let value): event = value
    case .failure(let error): return "not a valid event (\(error.describe()))"
    }
    if event.seq != seq { return "its line says sequence \(event.seq)" }
    let milliseconds = row.string(1).flatMap { Double($0) }.map { Int64($0.rounded()) }
    if milliseconds != event.at.milliseconds { return "the at column disagrees with its line" }
    if row.string(2) != event.actor { return "the actor column disagrees with its line" }
    if row.string(3) != event.body.typeName { return "the type column disagrees with its line" }
    if row.int(4) != event.leadID { return "the lead column disagrees with its line" }
    guard event.seq > scratch.pipeline.lastSeq else {
      return "sequence \(event.seq) does not follow \(scratch.pipeline.lastSeq)"
    }
    if let problem = scratch.apply(event) { return "does not fit: \(problem)" }
    return nil
  }
}
