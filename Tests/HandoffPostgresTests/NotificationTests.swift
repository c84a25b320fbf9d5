import HandoffPostgres
import HandoffPostgresCluster
import HandoffSystem
import Testing

/// LISTEN/NOTIFY: notifications arrive on the session's descriptor, for a poll loop.
@Suite(ServerFixture.needsServer)
struct NotificationTests {
  /// Waits (up to a generous bound, never as a pause) for the descriptor to be readable.
  private func readable(_ connection: PostgresConnection) throws -> Bool {
    try connection.descriptor.waitUntilReadable(timeout: .seconds(20))
  }

  @Test("a notification sent by another session makes the descriptor readable and is read from it")
  func delivered() throws {
    let listener = try ServerFixture.connect()
    let sender = try ServerFixture.connect(tcp: true)
    defer {
      listener.close()
      sender.close()
    }
    try listener.listen("handoff_test_delivered")
    try sender.notify("handoff_test_delivered", payload: "seq=42")
    #expect(try readable(listener))
    try listener.readAvailable()
    let received = listener.takeNotifications()
    #expect(received.map(\.payload) == ["seq=42"])
    #expect(received.first?.channel == "handoff_test_delivered")
    #expect(received.first?.processID == sender.processID)
    #expect(!listener.hasNotifications)
  }

  @Test("a notification sent inside a transaction arrives only once it commits")
  func afterCommit() throws {
    let listener = try ServerFixture.connect()
    let sender = try ServerFixture.connect()
    defer {
      listener.close()
      sender.close()
    }
    try listener.listen("handoff_test_commit")
    try sender.simpleQuery("BEGIN")
    try sender.notify("handoff_test_commit", payload: "first")
    try sender.notify("handoff_test_commit", payload: "second")
    #expect(try listener.waitForNotifications(timeout: .milliseconds(300)).isEmpty)
    try sender.simpleQuery("COMMIT")
    var payloads: [String] = []
    while payloads.count < 2 {
      let batch = try listener.waitForNotifications(timeout: .seconds(20))
      if batch.isEmpty { break }
      payloads += batch.map(\.payload)
    }
    #expect(payloads == ["first", "second"])
    // A rolled-back transaction's notifications are never sent.
    try sender.simpleQuery("BEGIN")
    try sender.notify("handoff_test_commit", payload: "rolled back")
    try sender.simpleQuery("ROLLBACK")
    try sender.notify("handoff_test_commit", payload: "after")
    #expect(try listener.waitForNotifications(timeout: .seconds(20)).map(\.payload) == ["after"])
  }

  @Test("notifications that arrive during a query are kept, not lost")
  func duringQuery() throws {
    let listener = try ServerFixture.connect()
    let sender = try ServerFixture.connect()
    defer {
      listener.close()
      sender.close()
    }
    try listener.listen("handoff_test_query")
    for index in 0..<5 { try sender.notify("handoff_test_query", payload: "\(index)") }
    // However the notifications and the answer interleave, each arrives exactly once.
    #expect(try listener.query("SELECT 1").rows[0].int(0) == 1)
    var payloads: [String] = []
    while payloads.count < 5 {
      let batch = try listener.waitForNotifications(timeout: .seconds(20))
      if batch.isEmpty { break }
      payloads += batch.map(\.payload)
    }
    #expect(payloads == ["0", "1", "2", "3", "4"])
  }

  @Test("channel names are quoted: capitals, spaces and quotes work")
  func channelNames() throws {
    let listener = try ServerFixture.connect()
    defer { listener.close() }
    let channel = "Leads \"east\" team"
    try listener.listen(channel)
    try listener.notify(channel, payload: "self")
    #expect(try listener.waitForNotifications(timeout: .seconds(20)).map(\.channel) == [channel])
    try listener.unlisten(channel)
    try listener.notify(channel, payload: "ignored")
    try listener.notify("handoff_test_marker", payload: "")
    #expect(try listener.waitForNotifications(timeout: .milliseconds(200)).isEmpty)
  }
}
