import Foundation
import HandoffModel
import HandoffPostgres
import HandoffPostgresCluster
import HandoffStore
import TestSupport
import Testing

/// What only the PostgreSQL store has to show: going offline and coming back, the local
/// cache, migrating to and from a file log, roles that may only read.
@Suite(
  .enabled(if: PostgresCluster.isAvailable, Comment(rawValue: PostgresCluster.skipReason)))
struct PostgresStoreTests {
  @Test(
    "a server restart: the follower goes offline keeping its state, writes are refused, and both catch up once it is back"
  )
  func restart() throws {
    let cluster = try PostgresCluster.start()
    let fixture = try ContractStore(.postgres, cluster: cluster)
    let writer = try fixture.open()
    try fixture.team(writer)
    let follower = try fixture.open()
    let before = FoldedState(follower.pipeline)

    try cluster.stop()
    #expect(try fixture.follow(follower) { if case .offline = $0 { true } else { false } })
    #expect(FoldedState(follower.pipeline) == before, "the last state is kept")
    #expect(follower.changeDescriptor == nil && follower.refreshInterval != nil)
    let refused = #expect(throws: StoreError.self) {
      try follower.perform(.note(id: 1, text: "x"), by: "maria")
    }
    #expect(
      refused?.description.hasSuffix("nothing was saved") == true, "\(refused?.description ?? "")")

    try cluster.start()
    let id = try fixture.lead(writer, "While you were away")
    try writer.perform(.note(id: id, text: "hello"), by: "maria")
    var change: StoreChange?
    #expect(
      try fixture.follow(follower) {
        change = $0
        if case .reconnected = $0 { return true }
        return false
      })
    #expect(change == .reconnected(2))
    #expect(FoldedState(follower.pipeline) == FoldedState(writer.pipeline))
    #expect(follower.changeDescriptor != nil)
  }

  @Test("a session ended by the server (pg_terminate_backend) reconnects and loses nothing")
  func terminated() throws {
    let fixture = try ContractStore(.postgres)
    let writer = try fixture.open()
    try fixture.team(writer)
    let follower = try fixture.open()
    let admin = try PostgresConnection.connect(
      ConnectionOptions(url: try PostgresCluster.shared.get().url(), environment: [:]))
    defer { admin.close() }
    let database = try ConnectionOptions(url: fixture.address, environment: [:]).database
    try admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [database])
    // Both sessions are gone; the writer's next write reconnects at once.
    let id = try fixture.lead(writer, "After the cut")
    #expect(
      try fixture.follow(follower) { _ in follower.pipeline.lead(id) != nil },
      "the follower never caught up")
    #expect(FoldedState(follower.pipeline) == FoldedState(writer.pipeline))
  }

  /// A store with the team and 30 leads each moved once (64 events), in March: history
  /// old enough to compact once the clock is set to November.
  private func compactableHistory() throws -> (ContractStore, any EventStore) {
    let fixture = try ContractStore(.postgres)
    fixture.clock.set(Timestamp(iso8601: "2026-03-02T09:00:00Z")!)
    let writer = try fixture.open()
    try fixture.team(writer)
    for n in 0..<30 {
      let id = try fixture.lead(writer, "Lead \(n)")
      try writer.perform(.moveForward(id: id, reason: nil), by: "maria")
    }
    return (fixture, writer)
  }

  @Test("the local cache: a second open reads only the tail, and a replaced store is read whole")
  func cache() throws {
    let (fixture, writer) = try compactableHistory()
    func opened() throws -> PostgresStore {
      let store = try #require(try fixture.make() as? PostgresStore)
      store.cacheThreshold = 10
      try store.open()
      return store
    }
    let first = try opened()
    #expect(first.cachedEvents == 0)
    try fixture.lead(writer, "After the cache")
    let second = try opened()
    #expect(second.cachedEvents == 64)
    #expect(FoldedState(second.pipeline) == FoldedState(writer.pipeline))
    // A cache is never trusted for another store, nor after its store was replaced.
    fixture.clock.set(Timestamp(iso8601: "2026-11-20T09:00:00Z")!)
    #expect(try writer.compact().after < 65)
    let third = try opened()
    #expect(third.cachedEvents == 0)
    #expect(FoldedState(third.pipeline).leads == FoldedState(writer.pipeline).leads)
  }

  @Test(
    "the server's snapshot: a machine with no cache opens from it and the tail, and a replaced store's is never trusted"
  )
  func snapshot() throws {
    let (fixture, writer) = try compactableHistory()
    /// A machine of its own: no local cache at all.
    func elsewhere(threshold: Int = 20) throws -> PostgresStore {
      let store = try PostgresStore(
        url: fixture.address, environment: [:], clock: fixture.clock, zones: FixedZones(),
        cacheFolder: nil)
      store.snapshotThreshold = threshold
      try store.open()
      return store
    }
    let first = try elsewhere()
    #expect(first.snapshotEvents == 0, "the first open replays every event, then leaves a snapshot")
    let id = try fixture.lead(writer, "After the snapshot")
    try writer.perform(.note(id: id, text: "a note"), by: "maria")
    let second = try elsewhere()
    #expect(second.snapshotEvents == 64)
    #expect(second.cachedEvents == 0)
    // A new machine that has a cache folder: the snapshot first, its own cache after.
    func onLaptop() throws -> PostgresStore {
      let store = try PostgresStore(
        url: fixture.address, environment: [:], clock: fixture.clock, zones: FixedZones(),
        cacheFolder: fixture.folder.file("laptop-cache"))
      store.cacheThreshold = 10
      store.snapshotThreshold = 1_000
      try store.open()
      return store
    }
    let laptop = try onLaptop()
    #expect(laptop.snapshotEvents == 64 && laptop.cachedEvents == 0)
    let again = try onLaptop()
    #expect(again.cachedEvents == 66 && again.snapshotEvents == 0)
    #expect(second.pipeline.eventCount == 66)
    #expect(FoldedState(second.pipeline) == FoldedState(writer.pipeline))
    // It follows and writes as any open store does.
    try second.perform(.note(id: id, text: "from the snapshot"), by: "maria")
    #expect(try fixture.follow(writer) { _ in writer.pipeline.eventCount == 67 })
    #expect(FoldedState(second.pipeline) == FoldedState(writer.pipeline))

    // A snapshot whose witness is not the line at its sequence number (the event there
    // was changed since) is passed over, and the events are read whole.
    let admin = try PostgresConnection.connect(
      ConnectionOptions(url: fixture.address, environment: [:]))
    defer { admin.close() }
    let kept = try admin.query("SELECT seq FROM handoff_snapshots").rows.map { $0.int(0) }
    #expect(kept == [64], "one snapshot a store: the older ones are dropped")
    try admin.query("UPDATE handoff_snapshots SET witness = '\\x00'")
    let changed = try elsewhere(threshold: 1_000)
    #expect(changed.snapshotEvents == 0)
    #expect(FoldedState(changed.pipeline) == FoldedState(writer.pipeline))
    // Nor is a state the codec cannot read (a newer Handoff's).
    try admin.query("UPDATE handoff_snapshots SET state = '\\x0102'")
    #expect(try elsewhere(threshold: 1_000).snapshotEvents == 0)

    // Compaction replaces the store (a new store id): the old store's snapshots are
    // dropped, never read, and the replaced store's first open leaves its own.
    fixture.clock.set(Timestamp(iso8601: "2026-11-20T09:00:00Z")!)
    let fresh = try elsewhere()
    #expect(fresh.snapshotEvents == 0)
    func storeIDs(_ sql: String) throws -> [String?] {
      try admin.query(sql).rows.map { $0.string(0) }
    }
    let before = try storeIDs("SELECT value FROM handoff_meta WHERE key = 'store_id'")
    #expect(try fresh.compact().after < 67)
    let after = try storeIDs("SELECT value FROM handoff_meta WHERE key = 'store_id'")
    #expect(before != after)
    #expect(try storeIDs("SELECT DISTINCT store_id FROM handoff_snapshots") == after)
    let compacted = try elsewhere(threshold: 1_000)
    #expect(compacted.snapshotEvents == compacted.pipeline.eventCount)
    #expect(FoldedState(compacted.pipeline).leads == FoldedState(fresh.pipeline).leads)
  }

  @Test(
    "repair moves a bad row to handoff_events_bad, and no cache made while it was there is trusted"
  )
  func repair() throws {
    let fixture = try ContractStore(.postgres)
    let writer = try fixture.open()
    try fixture.team(writer)
    for n in 0..<12 { try fixture.lead(writer, "Lead \(n)") }
    // SQL by hand: a row whose actor column disagrees with its line. Its line folds, so
    // a cache made now holds that event.
    let admin = try PostgresConnection.connect(
      ConnectionOptions(url: fixture.address, environment: [:]))
    defer { admin.close() }
    try admin.query("UPDATE handoff_events SET actor = 'someone' WHERE seq = 6")
    func opened() throws -> PostgresStore {
      let store = try #require(try fixture.make() as? PostgresStore)
      store.cacheThreshold = 5
      try store.open()
      return store
    }
    #expect(try opened().cachedEvents == 0)
    #expect(try opened().cachedEvents == 16, "the cache is written and used")
    let problems = writer.check().problems
    #expect(problems.count == 1)
    #expect(problems.first?.hasSuffix("event 6: the actor column disagrees with its line") == true)

    let report = try writer.repair()
    #expect(report.sideFile == "table handoff_events_bad in \(writer.name)")
    let kept = try admin.query("SELECT seq FROM handoff_events_bad").rows.map { $0.int(0) }
    #expect(kept == [6])
    #expect(writer.check().problems.isEmpty)
    let after = try opened()
    #expect(after.cachedEvents == 0)
    #expect(after.pipeline.eventCount == 15)
    #expect(FoldedState(after.pipeline) == FoldedState(writer.pipeline))
  }

  @Test(
    "migrate copies a file log into PostgreSQL and back, line for line, and refuses a store that is not empty"
  )
  func migrate() throws {
    let fixture = try ContractStore(.postgres)
    let folder = TemporaryDirectory("handoff-migrate")
    let source = folder.file("source.jsonl")
    let back = folder.file("back.jsonl")
    let env = ["HOME": folder.path, "PATH": "/usr/bin:/bin", "HANDOFF_USER": "maria"]
    #expect(
      runHandoff(["--store", source, "demo", "--leads", "300"], environment: env).status == 0)
    let there = runHandoff(
      ["migrate", "--from", source, "--to", fixture.address], environment: env)
    #expect(there.status == 0, "\(there.stderr)")
    #expect(there.stdout.contains("the copy folds to the same state"))
    let home = runHandoff(["migrate", "--from", fixture.address, "--to", back], environment: env)
    #expect(home.status == 0, "\(home.stderr)")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: back))
        == Data(contentsOf: URL(fileURLWithPath: source)))
    let again = runHandoff(
      ["migrate", "--from", source, "--to", fixture.address], environment: env)
    #expect(again.status == 1)
    #expect(again.stderr.contains("already holds") && again.stderr.contains("empty store only"))
    #expect(again.stderr.split(separator: "\n").count == 1)
  }

  @Test("a role that may only read sees the store as read-only, and a write is refused in one line")
  func readOnlyRole() throws {
    let fixture = try ContractStore(.postgres)
    let writer = try fixture.open()
    try fixture.team(writer)
    let options = try ConnectionOptions(url: fixture.address, environment: [:])
    let admin = try PostgresConnection.connect(options)
    defer { admin.close() }
    let role = "reader_\(UInt32.random(in: 1...UInt32.max))"
    try admin.simpleQuery(
      "CREATE ROLE \(role) LOGIN; GRANT SELECT ON handoff_events, handoff_meta TO \(role)")
    let url = fixture.address.replacingOccurrences(of: "handoff_admin@", with: "\(role)@")
    let reader = try PostgresStore(
      url: url, environment: [:], clock: fixture.clock, zones: FixedZones(), cacheFolder: nil)
    try reader.open()
    #expect(!reader.isWritable)
    #expect(reader.pipeline.members.count == 4)
    let refused = #expect(throws: StoreError.self) {
      try reader.perform(
        .addMember(handle: "x", name: nil, department: .sales, capacity: nil), by: "maria")
    }
    #expect(
      refused?.description.contains("permission denied") == true, "\(refused?.description ?? "")")
  }

  @Test("the CLI says in one line when PostgreSQL refuses or is not there")
  func cliLines() throws {
    let cluster = try PostgresCluster.shared.get()
    let folder = TemporaryDirectory("handoff-pg-cli")
    let env = ["HOME": folder.path, "PATH": "/usr/bin:/bin", "PGPASSFILE": folder.file("none")]
    let wrong = runHandoff(
      ["--store", cluster.url(.scram, password: "wrong", tcp: true), "stats"], environment: env)
    #expect(wrong.status == 1)
    #expect(
      wrong.stderr
        == "handoff: cannot connect to PostgreSQL at 127.0.0.1:\(cluster.port): password authentication failed for user \"scram_user\" (password from the URL)\n"
    )
    let unknown = runHandoff(
      ["--store", cluster.url(database: "nowhere", tcp: true), "stats"], environment: env)
    #expect(
      unknown.stderr
        == "handoff: cannot connect to PostgreSQL at 127.0.0.1:\(cluster.port): database \"nowhere\" does not exist\n"
    )
    let tls = runHandoff(
      ["--store", "postgres://u@db.example/x?sslmode=require", "stats"], environment: env)
    #expect(tls.status != 0)
    #expect(
      tls.stderr.hasPrefix("handoff: sslmode=require asks for TLS")
        && tls.stderr.split(separator: "\n").count == 1)
    let other = runHandoff(["--store", "mysql://x/y", "stats"], environment: env)
    #expect(other.stderr.contains("use a file path or postgres://"))
  }
}
