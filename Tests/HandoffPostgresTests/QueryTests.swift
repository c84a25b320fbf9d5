import HandoffPostgres
import HandoffPostgresCluster
import Testing

/// Simple and extended queries, COPY, errors and transactions against a real server.
@Suite(ServerFixture.needsServer)
struct QueryTests {
  @Test("parameters and values travel exactly: any text, NULL, numbers, booleans")
  func parameters() throws {
    let connection = try ServerFixture.connect()
    defer { connection.close() }
    let awkward = "tab\there\nnew line, 'quote' \"double\" back\\slash ünïcödé 日本 🎉"
    let result = try connection.query(
      "SELECT $1::text, $2::text IS NULL, $3::bigint * 2, $4::boolean, length($1)",
      [awkward, nil, "-4611686018427387904", "true"])
    let row = try #require(result.rows.first)
    #expect(row.string(0) == awkward)
    #expect(row.bool(1) == true)
    #expect(row.int(2) == Int.min)
    #expect(row.bool(3) == true)
    #expect(row.int(4) == awkward.count)
    #expect(result.columns.map(\.name) == ["text", "?column?", "?column?", "bool", "length"])
    #expect(result.commandTag == "SELECT 1")
  }

  @Test("many rows stream through without being kept")
  func streaming() throws {
    let connection = try ServerFixture.connect()
    defer { connection.close() }
    var count = 0
    var sum = 0
    let result = try connection.query(
      "SELECT g, repeat('x', 50) FROM generate_series(1, $1::int) AS g", ["100000"]
    ) { row in
      count += 1
      sum += row.int(0) ?? 0
    }
    #expect(count == 100_000)
    #expect(sum == 100_000 * 100_001 / 2)
    #expect(result.rows.isEmpty && result.affectedRows == 100_000)
  }

  @Test("a statement is prepared once per session, and prepared afresh when its table changes")
  func preparedStatements() throws {
    let connection = try ServerFixture.connectToFreshDatabase()
    defer { connection.close() }
    try connection.simpleQuery("CREATE TABLE t (a int); INSERT INTO t VALUES (1)")
    let select = "SELECT * FROM t"
    #expect(try connection.query(select).rows[0].int(0) == 1)
    #expect(try connection.query(select).rows[0].int(0) == 1)
    let prepared = try connection.query(
      "SELECT count(*) FROM pg_prepared_statements WHERE statement = $1", [select])
    #expect(prepared.rows[0].int(0) == 1)
    // The cached plan's result type changes: run again transparently outside a
    // transaction.
    try connection.simpleQuery(
      "DROP TABLE t; CREATE TABLE t (a text, b int); INSERT INTO t VALUES ('x', 2)")
    let rows = try connection.query(select).rows
    #expect(rows.count == 1 && rows[0].string(0) == "x" && rows[0].int(1) == 2)
  }

  @Test("several statements in one simple query each return their result")
  func simpleQueries() throws {
    let connection = try ServerFixture.connect()
    defer { connection.close() }
    let results = try connection.simpleQuery(
      "SELECT 1 AS one; SELECT 'a', NULL; SET application_name = 'x'")
    #expect(results.count == 3)
    #expect(results[0].columns.map(\.name) == ["one"] && results[0].rows[0].int(0) == 1)
    #expect(results[1].rows[0].strings == ["a", nil])
    #expect(results[2].commandTag == "SET")
    #expect(try connection.simpleQuery("").isEmpty)
    #expect(connection.parameters["application_name"] == "x")
  }

  @Test("a failing statement is one line with its SQLSTATE, and the session goes on")
  func errors() throws {
    let connection = try ServerFixture.connectToFreshDatabase()
    defer { connection.close() }
    let syntax = #expect(throws: PostgresError.self) { try connection.query("SELEC 1") }
    #expect(syntax?.sqlState == "42601")
    #expect(
      syntax?.description
        == "PostgreSQL at \(connection.endpoint): syntax error at or near \"SELEC\"")
    #expect(syntax?.isTransient == false)
    try connection.simpleQuery("CREATE TABLE u (id int PRIMARY KEY); INSERT INTO u VALUES (1)")
    let duplicate = #expect(throws: PostgresError.self) {
      try connection.query("INSERT INTO u VALUES ($1)", ["1"])
    }
    #expect(duplicate?.sqlState == SQLState.uniqueViolation)
    #expect(duplicate?.serverMessage?.constraint == "u_pkey")
    // The later statements of a failing simple query do not run.
    #expect(throws: PostgresError.self) {
      try connection.simpleQuery("INSERT INTO u VALUES (2); SELECT 1/0; INSERT INTO u VALUES (3)")
    }
    #expect(try connection.query("SELECT count(*) FROM u").rows[0].int(0) == 1)
    #expect(try connection.query("SELECT 41 + 1").rows[0].int(0) == 42)
  }

  @Test("the transaction state follows BEGIN, a failure inside, and ROLLBACK")
  func transactions() throws {
    let connection = try ServerFixture.connect()
    defer { connection.close() }
    #expect(connection.transactionStatus == .idle)
    try connection.simpleQuery("BEGIN")
    #expect(connection.transactionStatus == .inTransaction)
    #expect(throws: PostgresError.self) { try connection.query("SELECT 1/0") }
    #expect(connection.transactionStatus == .failedTransaction)
    let aborted = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
    #expect(aborted?.sqlState == "25P02")
    try connection.simpleQuery("ROLLBACK")
    #expect(connection.transactionStatus == .idle)
  }

  @Test("notices are kept for the caller, never printed")
  func notices() throws {
    let connection = try ServerFixture.connect()
    defer { connection.close() }
    try connection.simpleQuery("DO $$ BEGIN RAISE NOTICE 'hello %', 42; END $$")
    let notices = connection.takeNotices()
    #expect(notices.map(\.message) == ["hello 42"])
    #expect(notices.first?.severity == "NOTICE")
    #expect(connection.takeNotices().isEmpty)
  }

  @Test("COPY FROM STDIN loads awkward text and NULLs exactly, in many chunks")
  func copy() throws {
    let connection = try ServerFixture.connectToFreshDatabase()
    defer { connection.close() }
    try connection.simpleQuery("CREATE TABLE c (n int, body text)")
    let awkward = ["a\tb", "line\nbreak\r", "back\\slash \\N", "ünï 🎉", "", "\\."]
    let rows: [[String?]] =
      awkward.enumerated().map { [String($0.offset), $0.element] } + [["100", nil]]
      + (1000..<21000).map { [String($0), String(repeating: "x", count: 40)] }
    #expect(try connection.copyIn("COPY c (n, body) FROM STDIN", rows: rows) == rows.count)
    let back = try connection.query("SELECT body FROM c WHERE n < 1000 ORDER BY n").rows
    #expect(back.map { $0.string(0) } == awkward + [nil])
    #expect(try connection.query("SELECT count(*) FROM c").rows[0].int(0) == rows.count)
  }

  @Test("a COPY that fails part-way writes nothing, says why, and the session goes on")
  func copyFailure() throws {
    let connection = try ServerFixture.connectToFreshDatabase()
    defer { connection.close() }
    try connection.simpleQuery("CREATE TABLE c (n int)")
    let rows: [[String?]] = (0..<5000).map { [$0 == 4000 ? "four" : String($0)] }
    let error = #expect(throws: PostgresError.self) {
      try connection.copyIn("COPY c FROM STDIN", rows: rows)
    }
    #expect(error?.sqlState == "22P02")
    #expect(error?.description.contains("invalid input syntax for type integer: \"four\"") == true)
    #expect(try connection.query("SELECT count(*) FROM c").rows[0].int(0) == 0)
  }
}
