import HandoffPostgres
import HandoffPostgresCluster
import Testing

/// A server stopped and started again under live sessions (a cluster of its own, so the
/// other tests' server stays up).
@Suite(ServerFixture.needsServer)
struct RestartTests {
  @Test(
    "sessions learn at once that the server stopped, connecting fails while it is down, and works again once it is back",
    arguments: [false, true])
  func restart(immediately: Bool) throws {
    let cluster = try PostgresCluster.start()
    let url = cluster.url(tcp: true)
    let options = try ConnectionOptions(url: url, environment: [:])
    let idle = try PostgresConnection.connect(options)
    try idle.listen("handoff_test_restart")
    try cluster.stop(immediately: immediately)

    // As a poll loop would: wait for the descriptor, read, until the session ends (an
    // immediate stop warns first, then closes).
    var lost: PostgresError?
    for _ in 0..<100 where lost == nil {
      #expect(try idle.descriptor.waitUntilReadable(timeout: .seconds(20)))
      do { try idle.readAvailable() } catch { lost = error }
    }
    #expect(lost?.isTransient == true)
    #expect(idle.isClosed)
    let place = "PostgreSQL at 127.0.0.1:\(cluster.port)"
    if immediately {
      // An immediate stop kills the sessions' processes; the server's last message
      // ("terminating connection due to immediate shutdown command") is sent only on a
      // best-effort basis and, on a loaded machine, the socket may close before it.
      #expect(
        lost?.description.hasPrefix("lost the connection to \(place)") == true,
        "\(lost?.description ?? "")")
    } else {
      #expect(
        lost?.description
          == "\(place) ended the session: terminating connection due to administrator command")
    }

    let down = #expect(throws: PostgresError.self) { try PostgresConnection.connect(options) }
    #expect(down?.isTransient == true)
    #expect(
      down?.description.hasPrefix(
        "cannot connect to PostgreSQL at 127.0.0.1:\(cluster.port): Connection refused") == true)

    try cluster.start()
    let again = try PostgresConnection.connect(options)
    defer { again.close() }
    #expect(try again.query("SELECT 1").rows[0].int(0) == 1)
  }
}
