extension PostgresConnection {
  /// Starts receiving the notifications sent on `channel` (they arrive on `descriptor`).
  package func listen(_ channel: String) throws(PostgresError) {
    try simpleQuery("LISTEN \(quotedIdentifier(channel))")
  }

  /// Stops receiving the notifications sent on `channel`.
  package func unlisten(_ channel: String) throws(PostgresError) {
    try simpleQuery("UNLISTEN \(quotedIdentifier(channel))")
  }

  /// Sends a notification on `channel` (delivered when the current transaction commits,
  /// at once outside one).
  package func notify(_ channel: String, payload: String = "") throws(PostgresError) {
    try query("SELECT pg_notify($1, $2)", [channel, payload])
  }
}
