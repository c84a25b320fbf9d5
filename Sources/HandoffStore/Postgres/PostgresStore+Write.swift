import HandoffModel
import HandoffPostgres

extension PostgresStore {
  @discardableResult
  package func perform(
    _ command: Command, by actor: String, ifVersion: Int?, overriding overrides: Overrides
  ) throws(StoreError) -> Event {
    try write(validating: false) { (_, _) throws(StoreError) in
      try CommandPlanning.plan(
        command, by: actor, pipeline: pipeline, at: clock.now(), ifVersion: ifVersion,
        overriding: overrides)
    }.last!
  }

  package func undo(by actor: String, lead: Int?) throws(StoreError) -> Event {
    try write(validating: false) { (connection, _) throws(StoreError) in
      // The actor's changes (to `lead`), newest first, read under the lock: nobody can
      // add one now. Read a page at a time: a walk is as long as the undos it steps over.
      var sql =
        "SELECT body FROM handoff_events WHERE actor = $1 AND lead IS NOT NULL "
        + "AND type <> 'lead.opened'"
      var parameters: [String?] = [actor]
      if let lead {
        sql += " AND lead = $2"
        parameters.append(String(lead))
      }
      var walk = UndoWalk()
      var found: Event?
      var page = 0
      let pageSize = 100
      while found == nil {
        let batch = try events(
          sql + " ORDER BY seq DESC LIMIT \(pageSize) OFFSET \(page * pageSize)", parameters)
        found = batch.first { walk.isNext($0) }
        if batch.count < pageSize { break }
        page += 1
      }
      guard let undone = found else { throw .model(walk.nothingLeft(lead: lead)) }
      return try UndoPlanning.plan(
        undoing: undone, by: actor, pipeline: pipeline, at: clock.now()
      ) { (id) throws(StoreError) in
        try events("SELECT body FROM handoff_events WHERE lead = $1 ORDER BY seq", [String(id)])
      }
    }.last!
  }

  package func batch(_ plan: (Pipeline) throws(StoreError) -> [PlannedEvent]) throws(StoreError)
    -> BatchResult
  {
    let events = try write(validating: true) { (_, state) throws(StoreError) in
      try plan(state)
    }
    return BatchResult(count: events.count, last: events.last)
  }

  /// The writer's protocol, in one transaction: lock the events table against other
  /// writers (readers go on), catch up, plan against the caught-up state, insert,
  /// commit. Only then is the state advanced: acknowledged means committed.
  ///
  /// With `validating` (batches), each planned event is folded onto the one before it
  /// in a copy of the state before anything is inserted, so a batch that does not fit
  /// is refused whole and the state is never left holding what was not saved.
  private func write(
    validating: Bool, _ plan: (PostgresConnection, Pipeline) throws(StoreError) -> [PlannedEvent]
  ) throws(StoreError) -> [Event] {
    var retried = false
    while true {
      let connection = try writeConnection()
      var committing = false
      do throws(StoreError) {
        if meta == nil {
          _ = try read { () throws(PostgresError) in try PostgresSchema.create(on: connection) }
          try load(on: connection)
        }
        try begin(on: connection)
        let planned = try plan(connection, pipeline)
        guard !planned.isEmpty else {
          try rollback(connection)
          return []
        }
        let (events, lines) = try number(planned)
        let folded = validating ? try foldedCopy(events) : nil
        try insert(events, lines, on: connection)
        committing = true
        try commit(on: connection, last: events.last!, line: lines.last!)
        defer {
          // The commit's answer was lost and a new session found it saved: what others
          // appended meanwhile was not heard on the new session, so read it now.
          if let current = self.connection, current !== connection {
            _ = try? catchUp(on: current)
          }
        }
        if let folded {
          fold = folded
        } else {
          for event in events {
            if let problem = fold.apply(event) {
              // Saved, but the state cannot take it: read everything again.
              try load(on: connection)
              throw corrupt(event.seq, problem.description)
            }
          }
        }
        lastLine = lines.last
        return events
      } catch {
        try? rollback(connection)
        guard case .offline(let why) = error else { throw error }
        _ = goOffline(error)
        if committing { throw error }
        // The session was gone before the commit was sent (a server restart, a session
        // ended while idle): nothing was written, so plan again once on a new session.
        if !retried {
          retried = true
          continue
        }
        throw .offline("\(why); nothing was saved")
      }
    }
  }

  /// Opens the transaction, takes the writers' lock and folds in what others committed
  /// before it (or reads everything again if the store was replaced).
  private func begin(on connection: PostgresConnection) throws(StoreError) {
    let results = try read { () throws(PostgresError) in
      try connection.simpleQuery(
        "BEGIN; LOCK TABLE handoff_events IN EXCLUSIVE MODE; "
          + "SELECT value FROM handoff_meta WHERE key = 'store_id'")
    }
    guard results.last?.rows.first?.string(0) == meta?.storeID else {
      try load(on: connection)
      return
    }
    try catchUp(on: connection)
  }

  /// Gives planned events their sequence numbers (the next ones, or those they keep,
  /// which must follow the last) and encodes their lines.
  private func number(_ planned: [PlannedEvent]) throws(StoreError) -> ([Event], [[UInt8]]) {
    var seq = pipeline.lastSeq
    var events: [Event] = []
    var lines: [[UInt8]] = []
    events.reserveCapacity(planned.count)
    lines.reserveCapacity(planned.count)
    for (index, item) in planned.enumerated() {
      if let kept = item.seq {
        guard kept > seq else {
          throw .refused(
            "event \(index + 1) of \(planned.count): sequence \(kept) does not follow \(seq)")
        }
        seq = kept
      } else {
        seq += 1
      }
      let event = Event(seq: seq, at: item.at, actor: item.actor, body: item.body)
      var line = EventEncoder.line(event)
      line.removeLast()  // the newline
      events.append(event)
      lines.append(line)
    }
    return (events, lines)
  }

  /// A copy of the state with `events` folded in, refusing the first that does not fit.
  private func foldedCopy(_ events: [Event]) throws(StoreError) -> PipelineFold {
    let copy: PipelineFold
    if pipeline.eventCount == 0 {
      copy = PipelineFold(zones: zones)
    } else {
      let bytes = PipelineCodec.encode(pipeline)
      guard let restored = bytes.withUnsafeBytes({ PipelineCodec.decode($0, zones: zones) }) else {
        throw .refused("\(name): the state could not be copied to check the batch")
      }
      copy = restored
    }
    // A bulk append rebuilds the lists once afterwards instead of upkeeping them per event.
    if events.count > 10_000 { copy.markIndexesForRebuild() }
    for (index, event) in events.enumerated() {
      if let problem = copy.apply(event) {
        throw .refused("event \(index + 1) of \(events.count) does not fit: \(problem)")
      }
    }
    return copy
  }

  /// Inserts the rows: one statement for one event, COPY for many.
  private func insert(_ events: [Event], _ lines: [[UInt8]], on connection: PostgresConnection)
    throws(StoreError)
  {
    func row(_ index: Int) -> [String?] {
      let event = events[index]
      return [
        String(event.seq), event.at.iso8601, event.actor, event.body.typeName,
        event.leadID.map(String.init), String(decoding: lines[index], as: UTF8.self),
      ]
    }
    try read { () throws(PostgresError) in
      if events.count == 1 {
        try connection.query(
          "INSERT INTO handoff_events (seq, at, actor, type, lead, body) "
            + "VALUES ($1, $2, $3, $4, $5, $6)", row(0))
      } else {
        try connection.copyIn(
          "COPY handoff_events (seq, at, actor, type, lead, body) FROM STDIN",
          rows: events.indices.lazy.map(row))
      }
    }
  }

  /// Commits. When the connection drops while the commit's answer is awaited, whether
  /// it committed is found out by looking for the last event's line at its number
  /// once connected again: never reported saved when it was not, nor lost when it was.
  private func commit(on connection: PostgresConnection, last: Event, line: [UInt8])
    throws(StoreError)
  {
    do {
      try connection.simpleQuery("COMMIT")
      return
    } catch {
      guard error.isTransient else { throw storeError(error) }
    }
    self.connection = nil
    let saved: Bool
    do {
      let again = try connectNow()
      let found = try read { () throws(PostgresError) in
        try again.query("SELECT body FROM handoff_events WHERE seq = $1", [String(last.seq)])
          .rows.first?.bytes(0).map(Array.init)
      }
      saved = found == line
    } catch {
      throw .offline(
        "lost the connection to \(name) while saving: the change may have been saved, "
          + "and will show once the store is back")
    }
    guard saved else {
      throw .offline("lost the connection to \(name) while saving; nothing was saved")
    }
  }

  private func rollback(_ connection: PostgresConnection) throws(StoreError) {
    guard !connection.isClosed, connection.transactionStatus != .idle else { return }
    try read { () throws(PostgresError) in try connection.simpleQuery("ROLLBACK") }
  }
}
