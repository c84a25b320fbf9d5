import Foundation
import HandoffHost
import HandoffModel
import HandoffPostgres
import HandoffPostgresCluster
import HandoffStore
import HandoffSystem
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The kinds of store the contract is run against.
enum StoreKind: String, Sendable {
  case file
  case postgres
}

/// A fresh, empty store of one kind for one test: a log in a temporary folder, or a
/// database of its own on the shared test server. `address` is what `--store` and
/// `HANDOFF_STORE` take, so real `handoff` processes can share it. (Unchecked Sendable:
/// its properties are set once; only `clock` changes, and only from the test thread.)
final class ContractStore: @unchecked Sendable {
  let kind: StoreKind
  let folder = TemporaryDirectory("handoff-contract")
  let address: String
  let clock = ManualClock(Timestamp(iso8601: "2026-11-20T09:00:00Z")!)

  init(_ kind: StoreKind, cluster: PostgresCluster? = nil) throws {
    self.kind = kind
    switch kind {
    case .file:
      address = folder.file("store.jsonl")
    case .postgres:
      let cluster = try cluster ?? PostgresCluster.shared.get()
      let database = "contract_\(UInt64.random(in: 1...UInt64.max))"
      let admin = try PostgresConnection.connect(
        ConnectionOptions(url: cluster.url(), environment: [:]))
      defer { admin.close() }
      try admin.simpleQuery("CREATE DATABASE \(database) TEMPLATE template0")
      address = cluster.url(database: database)
    }
  }

  /// What child processes run with: the store, a home of their own (for the cache)
  /// and a minimal PATH.
  var environment: [String: String] {
    ["HANDOFF_STORE": address, "HOME": folder.path, "PATH": "/usr/bin:/bin"]
  }

  /// A new object on the store, not opened; on the manual clock unless `systemClock`.
  func make(systemClock: Bool = false) throws -> any EventStore {
    let clock: any Clock = systemClock ? SystemClock() : self.clock
    switch kind {
    case .file:
      return FileStore(path: address, clock: clock, zones: FixedZones())
    case .postgres:
      return try PostgresStore(
        url: address, environment: [:], clock: clock, zones: FixedZones(),
        cacheFolder: folder.file("cache"))
    }
  }

  /// A new object on the store, opened.
  func open(systemClock: Bool = false) throws -> any EventStore {
    let store = try make(systemClock: systemClock)
    try store.open()
    return store
  }

  /// Runs the built `handoff` against the store.
  func run(_ arguments: [String], user: String) -> (status: Int32, stdout: String, stderr: String) {
    runHandoff(arguments + ["--user", user], environment: environment)
  }

  /// Adds two marketers and two reps.
  func team(_ store: any EventStore) throws {
    try store.perform(
      .addMember(handle: "maria", name: "Maria Lopez", department: .marketing, capacity: nil),
      by: "maria")
    try store.perform(
      .addMember(handle: "tom", name: nil, department: .marketing, capacity: 20), by: "maria")
    try store.perform(
      .addMember(handle: "sam", name: "Sam Okafor", department: .sales, capacity: 10), by: "maria")
    try store.perform(
      .addMember(handle: "ana", name: "Ana Ruiz", department: .sales, capacity: nil), by: "maria")
  }

  /// Adds a lead and returns its id.
  @discardableResult
  func lead(_ store: any EventStore, _ name: String, by actor: String = "maria") throws -> Int {
    let event = try store.perform(
      .addLead(
        NewLead(
          name: name, company: "Acme", source: "webinar", score: 40, value: 500_000, owner: "maria")
      ),
      by: actor)
    return try #require(event.leadID)
  }

  /// Waits until the follower may have news: its descriptor is readable (at most until
  /// `deadline`) or its refresh interval has passed.
  func waitForChange(_ follower: any EventStore, deadline: ContinuousClock.Instant) {
    let left = max(.zero, ContinuousClock.now.duration(to: deadline))
    if let descriptor = follower.changeDescriptor, follower.refreshInterval == nil {
      _ = try? descriptor.waitUntilReadable(timeout: left)
    } else if let interval = follower.refreshInterval {
      // The store's own protocol: look again after its interval.
      _ = poll(nil, 0, Int32(clamping: min(interval.milliseconds, 50)))
    }
  }

  /// Refreshes the follower until `done` says it has what it waits for, waiting for news
  /// between refreshes; false when 30 s pass first (a generous bound, never a pause).
  func follow(_ follower: any EventStore, until done: (StoreChange) -> Bool) throws -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .seconds(30))
    while ContinuousClock.now < deadline {
      let change = try follower.refresh()
      if done(change) { return true }
      waitForChange(follower, deadline: deadline)
    }
    return false
  }
}
