import Foundation
import HandoffHost
import HandoffModel
import HandoffStore
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Real OS processes (the built `handoff`) writing one store at once.
@Suite struct MultiProcessTests {
  private func environment(_ store: String, user: String) -> [String: String] {
    ["HANDOFF_STORE": store, "HANDOFF_USER": user, "PATH": "/usr/bin:/bin"]
  }

  @Test func concurrentWritersLoseAndDuplicateNothing() throws {
    let folder = TemporaryDirectory("handoff-concurrent")
    let path = folder.file("store.jsonl")
    let writers = 6
    let perWriter = 12
    let results = ResultBox(count: writers * perWriter)
    DispatchQueue.concurrentPerform(iterations: writers) { writer in
      for n in 0..<perWriter {
        let name = "w\(writer)-n\(n)"
        let run = runHandoff(
          ["add", "--name", name, "--company", "Acme", "--source", "seo"],
          environment: environment(path, user: "writer\(writer)"))
        results.set(writer * perWriter + n, (name, run.status, run.stdout, run.stderr))
      }
    }
    let outcomes = results.values
    for outcome in outcomes {
      #expect(outcome.status == 0, "\(outcome.name): \(outcome.stderr)")
    }
    let store = FileStore(path: path, clock: SystemClock(), zones: FixedZones())
    try store.open()
    #expect(store.check().problems.isEmpty)
    let leads = store.pipeline.allLeads
    #expect(leads.count == writers * perWriter)
    // Every acknowledged add is there exactly once, under the id it printed.
    for outcome in outcomes where outcome.status == 0 {
      let matching = leads.filter { $0.name == outcome.name }
      #expect(matching.count == 1, "\(outcome.name)")
      #expect(matching.first.map { String($0.id) + "\n" } == outcome.stdout)
    }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let seqs = text.split(separator: "\n").compactMap { line -> Int? in
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return object?["seq"] as? Int
    }
    #expect(seqs == Array(1...(writers * perWriter)))
  }

  @Test func aFollowerSeesAnotherProcessAppend() throws {
    let folder = TemporaryDirectory("handoff-follow")
    let path = folder.file("store.jsonl")
    let env = environment(path, user: "maria")
    #expect(
      runHandoff(["team", "add", "maria", "--dept", "marketing"], environment: env).status == 0)
    let follower = FileStore(path: path, clock: SystemClock(), zones: FixedZones())
    try follower.open()
    #expect(follower.pipeline.members.count == 1)
    let added = runHandoff(["add", "--name", "Ada", "--company", "Acme"], environment: env)
    #expect(added.status == 0)
    #expect(follower.isWoken(within: 5000), "woken by the other process's append")
    #expect(try follower.refresh() == .appended(1))
    #expect(
      follower.pipeline.lead(
        Int(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0)?.name == "Ada")
  }

  @Test func anotherProcessCompactsAndTheFollowerReloads() throws {
    let fixture = StoreFixture()
    fixture.clock.set(Timestamp(iso8601: "2026-03-02T09:00:00Z")!)
    let writer = try fixture.team()
    for n in 0..<20 {
      let id = try fixture.lead(writer, "Old \(n)")
      try writer.perform(.moveForward(id: id, reason: nil), by: "maria")
    }
    let follower = try fixture.store()
    let compact = runHandoff(["compact"], environment: environment(fixture.path, user: "maria"))
    #expect(compact.status == 0, "\(compact.stderr)")
    #expect(follower.isWoken(within: 5000), "woken by the replacement")
    #expect(try follower.refresh() == .reloaded)
    let fresh = FileStore(path: fixture.path, clock: SystemClock(), zones: FixedZones())
    try fresh.open()
    #expect(fresh.pipeline.eventCount < writer.pipeline.eventCount)
    #expect(StateSummary(follower.pipeline) == StateSummary(fresh.pipeline))
    #expect(StateSummary(fresh.pipeline) == StateSummary(writer.pipeline))
  }
}

/// Results written by concurrent workers, each to its own slot.
private final class ResultBox: @unchecked Sendable {
  typealias Outcome = (name: String, status: Int32, stdout: String, stderr: String)
  private let lock = NSLock()
  private var slots: [Outcome?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ outcome: Outcome) { lock.withLock { slots[index] = outcome } }

  var values: [Outcome] { lock.withLock { slots.compactMap { $0 } } }
}
