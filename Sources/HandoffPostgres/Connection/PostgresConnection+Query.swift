/// What one statement returned: its columns, its rows (unless they were streamed) and
/// its command tag.
package struct QueryResult: Sendable {
  package var columns: [PostgresColumn] = []
  package var rows: [PostgresRow] = []
  /// The server's tag: "INSERT 0 3", "SELECT 12", "COPY 500", "CREATE TABLE".
  package var commandTag = ""

  /// How many rows the statement touched or returned (the tag's last number).
  package var affectedRows: Int? {
    guard let last = commandTag.split(separator: " ").last else { return nil }
    return Int(last)
  }
}

extension PostgresConnection {
  /// Runs one statement with parameters `$1`, `$2`… (as text; nil is NULL) through the
  /// extended protocol, handing each row to `eachRow` as it arrives rather than keeping
  /// them. Statements are prepared on the server once per session and reused.
  @discardableResult
  package func query(
    _ sql: String, _ parameters: [String?] = [], eachRow: (PostgresRow) -> Void
  ) throws(PostgresError) -> QueryResult {
    do {
      return try runExtended(sql, parameters, eachRow: eachRow)
    } catch {
      // A prepared statement whose table was replaced fails once with "cached plan must
      // not change result type"; outside a transaction it is safe to prepare it afresh
      // and run it again (inside one, the transaction has failed and the caller decides).
      guard error.sqlState == SQLState.featureNotSupported, transactionStatus == .idle,
        !isClosed, preparedStatements[sql] == nil, wasPrepared(error)
      else { throw error }
      return try runExtended(sql, parameters, eachRow: eachRow)
    }
  }

  /// Whether the error is the server refusing a stale cached plan (told by the routine
  /// that reports it: the message itself may be translated).
  private func wasPrepared(_ error: PostgresError) -> Bool {
    error.serverMessage?.routine == "RevalidateCachedQuery"
  }

  private func runExtended(
    _ sql: String, _ parameters: [String?], eachRow: (PostgresRow) -> Void
  ) throws(PostgresError) -> QueryResult {
    let deadline = deadline()
    var messages: [FrontendMessage] = []
    let cached = preparedStatements[sql]
    var statement = cached ?? ""
    if cached == nil {
      if preparedStatements.count < Self.preparedStatementLimit {
        statementCounter += 1
        statement = "handoff_\(statementCounter)"
      }
      messages.append(.parse(name: statement, sql: sql))
    }
    messages += [
      .bind(statement: statement, parameters: parameters), .describePortal, .execute, .sync,
    ]
    try send(messages)

    var result = QueryResult()
    do {
      try readReplies(until: deadline) { message throws(PostgresError) in
        switch message {
        case .parseComplete:
          if !statement.isEmpty { preparedStatements[sql] = statement }
        case .bindComplete, .noData, .parameterDescription, .portalSuspended: break
        case .rowDescription(let columns): result.columns = columns
        case .dataRow(let row): eachRow(row)
        case .commandComplete(let tag): result.commandTag = tag
        case .emptyQueryResponse: result.commandTag = ""
        default: return false
        }
        return true
      }
    } catch {
      // A statement whose plan went stale (its table was replaced) is prepared anew
      // next time.
      if cached != nil { preparedStatements[sql] = nil }
      throw error
    }
    return result
  }

  /// Runs one statement with parameters and returns all its rows.
  @discardableResult
  package func query(_ sql: String, _ parameters: [String?] = []) throws(PostgresError)
    -> QueryResult
  {
    var rows: [PostgresRow] = []
    var result = try query(sql, parameters) { rows.append($0) }
    result.rows = rows
    return result
  }

  /// Runs one or more statements without parameters through the simple protocol (DDL,
  /// `BEGIN`, `LISTEN`): one result for each statement. When one fails, the later ones
  /// do not run and the error is thrown.
  @discardableResult
  package func simpleQuery(_ sql: String) throws(PostgresError) -> [QueryResult] {
    let deadline = deadline()
    try send([.query(sql)])
    var results: [QueryResult] = []
    var current = QueryResult()
    try readReplies(until: deadline) { message throws(PostgresError) in
      switch message {
      case .rowDescription(let columns): current.columns = columns
      case .dataRow(let row): current.rows.append(row)
      case .commandComplete(let tag):
        current.commandTag = tag
        results.append(current)
        current = QueryResult()
      case .emptyQueryResponse: break
      default: return false
      }
      return true
    }
    return results
  }

  /// Loads rows with `COPY … FROM STDIN` in text format (nil is NULL): the fastest way
  /// to write many rows. Returns how many the server copied.
  @discardableResult
  package func copyIn(_ sql: String, rows: some Sequence<[String?]>) throws(PostgresError) -> Int {
    let deadline = deadline()
    try send([.query(sql)])
    var copied = 0
    var sentRows = false
    try readReplies(until: deadline) { message throws(PostgresError) in
      switch message {
      case .copyInResponse:
        var chunk: [UInt8] = []
        chunk.reserveCapacity(Self.copyChunkSize + 4096)
        for row in rows {
          CopyText.append(row, to: &chunk)
          if chunk.count >= Self.copyChunkSize {
            try send([.copyData(chunk)])
            chunk.removeAll(keepingCapacity: true)
          }
        }
        try send(chunk.isEmpty ? [.copyDone] : [.copyData(chunk), .copyDone])
        sentRows = true
      case .commandComplete(let tag): copied = QueryResult(commandTag: tag).affectedRows ?? 0
      case .rowDescription, .dataRow, .emptyQueryResponse: break
      default: return false
      }
      return true
    }
    guard sentRows else { throw violation("COPY finished without asking for rows") }
    return copied
  }

  /// Reads one exchange's replies up to ready-for-query. `handle` takes the messages
  /// that carry the answer and returns false for any it does not expect. An error is
  /// thrown once ready-for-query has come (the server always goes on to it), except a
  /// FATAL one, which has ended the session.
  private func readReplies(
    until deadline: ContinuousClock.Instant?,
    _ handle: (BackendMessage) throws(PostgresError) -> Bool
  ) throws(PostgresError) {
    var failure: ServerMessage?
    while true {
      let message = try receive(until: deadline)
      if try handle(message) { continue }
      switch message {
      case .error(let error):
        if error.endsSession { throw PostgresError(.server(error), endpoint: endpoint) }
        failure = failure ?? error
      case .readyForQuery(let status):
        transactionStatus = status
        if let failure { throw PostgresError(.server(failure), endpoint: endpoint) }
        return
      case .copyInResponse:
        // A COPY FROM STDIN sent through query(): refuse to feed it.
        try send([.copyFail("COPY FROM STDIN goes through copyIn")])
      case .copyOutResponse, .copyData, .copyDone:
        // COPY TO STDOUT's rows are not asked for: dropped.
        continue
      default:
        throw violation("unexpected message in reply to a query")
      }
    }
  }
}

/// An identifier quoted for SQL: `"name"`, inner quotes doubled. For the few places a
/// name cannot be a parameter (`LISTEN channel`).
package func quotedIdentifier(_ name: String) -> String {
  "\"" + name.replacingAll("\"", with: "\"\"") + "\""
}

/// COPY's text format: tab between values, newline after each row, `\N` for NULL, and
/// backslash escapes for backslash, tab, newline and carriage return.
enum CopyText {
  static func append(_ row: [String?], to bytes: inout [UInt8]) {
    for (index, value) in row.enumerated() {
      if index > 0 { bytes.append(0x09) }
      guard let value else {
        bytes += [0x5C, UInt8(ascii: "N")]
        continue
      }
      for byte in value.utf8 {
        switch byte {
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
        case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
        case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
        default: bytes.append(byte)
        }
      }
    }
    bytes.append(0x0A)
  }
}

extension String {
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
