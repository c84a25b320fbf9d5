import HandoffPostgres

/// The store's tables in a PostgreSQL database, versioned so a later release can
/// migrate them (docs/POSTGRES.md shows them):
///
/// - `handoff_events`: one row per event — its sequence number, time, actor, type and
///   lead, and `body`, the event's line exactly as the file log writes it
///   (docs/FORMAT.md stays the one format; the other columns are for indexes and for
///   people querying with SQL).
/// - `handoff_meta`: `schema_version`, `store_id` (random, made once: with the database
///   it tells this store from any other, for the local checkpoint cache) and
///   `created_at`.
/// - a trigger that sends a notification on `handoff_events` with the last sequence
///   number after every insert, delivered when the transaction commits.
enum PostgresSchema {
  /// The version this Handoff writes and reads.
  static let version = 1
  /// The channel followers LISTEN on; a payload is the last new sequence number, or
  /// `reload` when the events were replaced (compaction, repair).
  static let channel = "handoff_events"
  /// Serializes concurrent `init`s of one database (an advisory lock's key: "HANDOFF").
  static let initLock: Int64 = 0x48_414E_444F_4646

  /// Creates the tables when they are missing; idempotent, and safe when several
  /// processes run it at once. Returns whether it created them. Refuses a store made by
  /// a newer Handoff.
  static func create(on connection: PostgresConnection) throws(PostgresError) -> Bool {
    try connection.simpleQuery(
      "BEGIN; SELECT pg_advisory_xact_lock(\(initLock)); "
        + "CREATE TABLE IF NOT EXISTS handoff_meta (key text PRIMARY KEY, value text NOT NULL)")
    do throws(PostgresError) {
      let rows = try connection.query(
        "SELECT value FROM handoff_meta WHERE key = 'schema_version'"
      ).rows
      if let found = rows.first?.int(0) {
        try connection.simpleQuery("COMMIT")
        if found > version { throw newerSchema(found, on: connection) }
        return false
      }
      try connection.simpleQuery(tables)
      try connection.query(
        "INSERT INTO handoff_meta (key, value) VALUES ('schema_version', $1), "
          + "('store_id', gen_random_uuid()::text), "
          + "('created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))",
        [String(version)])
      try connection.simpleQuery("COMMIT")
      return true
    } catch {
      if connection.transactionStatus != .idle, !connection.isClosed {
        _ = try? connection.simpleQuery("ROLLBACK")
      }
      throw error
    }
  }

  /// The tables, index and trigger of version 1.
  private static let tables = """
    CREATE TABLE handoff_events (
      seq bigint PRIMARY KEY CHECK (seq > 0),
      at timestamptz NOT NULL,
      actor text NOT NULL,
      type text NOT NULL,
      lead bigint,
      body json NOT NULL
    );
    CREATE INDEX handoff_events_lead ON handoff_events (lead, seq) WHERE lead IS NOT NULL;
    CREATE INDEX handoff_events_actor ON handoff_events (actor, seq) WHERE lead IS NOT NULL;
    CREATE FUNCTION handoff_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('\(channel)', (SELECT max(seq)::text FROM inserted));
      RETURN NULL;
    END $$;
    CREATE TRIGGER handoff_events_notify AFTER INSERT ON handoff_events
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION handoff_notify();
    """

  /// What `handoff_meta` says, or nil when the store's tables are not there yet.
  struct Meta: Equatable {
    var version: Int
    var storeID: String
  }

  /// Reads `handoff_meta`; nil when there is no store in the database yet.
  static func meta(on connection: PostgresConnection) throws(PostgresError) -> Meta? {
    let exists = try connection.query("SELECT to_regclass('handoff_meta') IS NOT NULL").rows
    guard exists.first?.bool(0) == true else { return nil }
    var values: [String: String] = [:]
    for row in try connection.query("SELECT key, value FROM handoff_meta").rows {
      if let key = row.string(0), let value = row.string(1) { values[key] = value }
    }
    guard let version = values["schema_version"].flatMap({ Int($0) }),
      let storeID = values["store_id"]
    else { return nil }
    if version > Self.version { throw newerSchema(version, on: connection) }
    return Meta(version: version, storeID: storeID)
  }

  private static func newerSchema(_ found: Int, on connection: PostgresConnection)
    -> PostgresError
  {
    PostgresError(
      .unsupported(
        "\(connection.options.redacted) holds a store of schema version \(found), made by a "
          + "newer Handoff; this one reads version \(version): upgrade Handoff"),
      endpoint: connection.endpoint)
  }
}
