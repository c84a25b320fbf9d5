import HandoffModel
import HandoffPostgres

/// The server's snapshots of a store, in `handoff_snapshots`: the folded state as of one
/// sequence number (the checkpoint codec's bytes), so that a machine with no local cache
/// yet — a new laptop, a second office, a CI job — opens a large store from the newest
/// snapshot and the events after it, instead of every event since the store began.
///
/// Like the local cache it is only a cache, never the record: the events are. A
/// snapshot is trusted only for its store (`store_id`, which compaction and repair
/// change) and while the event at its sequence number is still the one it was made
/// after (the SHA-256 of that event's line, its witness); one the codec cannot read (a
/// newer Handoff's) is passed over. Any writer may add one (opening replays at least
/// `PostgresStore.snapshotThreshold` events from the server); making one is best effort
/// and never fails an open. The table is created when the first snapshot is written, so
/// older Handoffs (which do not know it) read and write the store as before.
enum PostgresSnapshots {
  static let table = """
    CREATE TABLE IF NOT EXISTS handoff_snapshots (
      store_id text NOT NULL,
      seq bigint NOT NULL,
      witness bytea NOT NULL,
      state bytea NOT NULL,
      made_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (store_id, seq)
    )
    """

  /// A snapshot as read, before its witness is checked against the events.
  struct Found {
    var seq: Int64
    var witness: [UInt8]
    var state: PipelineFold
  }

  /// The newest snapshot of the store `storeID` that this Handoff can read, or nil.
  static func newest(
    of storeID: String, on connection: PostgresConnection, zones: any ZoneDatabase
  ) throws(PostgresError) -> Found? {
    let exists = try connection.query("SELECT to_regclass('handoff_snapshots') IS NOT NULL")
      .rows.first?.bool(0)
    guard exists == true else { return nil }
    let rows = try connection.query(
      "SELECT seq, witness, state FROM handoff_snapshots WHERE store_id = $1 "
        + "ORDER BY seq DESC LIMIT 1", [storeID]
    ).rows
    guard let row = rows.first, let seq = row.string(0).flatMap({ Int64($0) }),
      let witness = row.bytea(1)
    else { return nil }
    let state = row.withBytes(2) { text -> PipelineFold? in
      guard let text, let bytes = Bytea.bytes(text) else { return nil }
      return bytes.withUnsafeBytes { PipelineCodec.decode($0, zones: zones) }
    }
    guard let state, state.pipeline.lastSeq == seq else { return nil }
    return Found(seq: seq, witness: witness, state: state)
  }

  /// Adds a snapshot of `pipeline`, whose last event's line hashes to `witness`, and
  /// drops the store's older ones and any left by a store since replaced.
  static func save(
    _ pipeline: Pipeline, witness: [UInt8], of storeID: String, on connection: PostgresConnection
  ) throws(PostgresError) {
    try connection.simpleQuery(table)
    try connection.query(
      "INSERT INTO handoff_snapshots (store_id, seq, witness, state) VALUES ($1, $2, $3, $4) "
        + "ON CONFLICT (store_id, seq) DO NOTHING",
      [
        storeID, String(pipeline.lastSeq), Bytea.parameter(witness),
        Bytea.parameter(PipelineCodec.encode(pipeline)),
      ])
    try connection.query(
      "DELETE FROM handoff_snapshots WHERE store_id <> $1 OR seq < $2",
      [storeID, String(pipeline.lastSeq)])
  }
}
