import Dispatch
import Foundation
import HandoffApp
import HandoffModel
import HandoffStore
import TestSupport
import Testing

/// The promises every `EventStore` keeps, written once and run against each kind
/// (`FileStoreContractTests`, `PostgresStoreContractTests`).
struct StoreContract {
  let kind: StoreKind

  /// Writes, reads, history, numbering and the version check.
  func basics() throws {
    let fixture = try ContractStore(kind)
    let store = try fixture.open()
    #expect(store.pipeline.eventCount == 0)
    try fixture.team(store)
    let id = try fixture.lead(store, "Ada")
    try store.perform(.note(id: id, text: "first call"), by: "maria")
    let moved = try store.perform(.moveForward(id: id, reason: nil), by: "tom", ifVersion: 2)
    #expect(store.pipeline.lead(id)?.version == 3)

    // A stale version is refused with who did what; nothing is written.
    let before = store.pipeline.eventCount
    let stale = #expect(throws: StoreError.self) {
      try store.perform(.note(id: id, text: "late"), by: "sam", ifVersion: 2)
    }
    #expect(stale?.description.contains("tom") == true, "\(stale?.description ?? "")")
    #expect(store.pipeline.eventCount == before)

    // History: the lead's events in order, as a fresh reader sees them too.
    let history = try store.history(of: id)
    #expect(history.map(\.body.typeName) == ["lead.created", "lead.note", "lead.moved"])
    #expect(history.last?.seq == moved.seq)
    let fresh = try fixture.open()
    #expect(try fresh.history(of: id).map(\.seq) == history.map(\.seq))
    #expect(FoldedState(fresh.pipeline) == FoldedState(store.pipeline))

    // Sequence numbers run from 1 without a gap, in every reader.
    var seqs: [Int64] = []
    try fresh.forEachEvent { seqs.append($0.seq) }
    #expect(seqs == Array(1...Int64(store.pipeline.eventCount)))
  }

  /// Undo writes a compensating event and is refused when the lead changed since.
  func undo() throws {
    let fixture = try ContractStore(kind)
    let store = try fixture.open()
    try fixture.team(store)
    let id = try fixture.lead(store, "Ada")
    try store.perform(.note(id: id, text: "oops"), by: "maria")
    #expect(store.pipeline.notes(of: id).count == 1)
    let undone = try store.undo(by: "maria", lead: id)
    #expect(undone.body.typeName == "lead.reverted")
    #expect(store.pipeline.notes(of: id).isEmpty)
    let reader = try fixture.open()
    #expect(reader.pipeline.notes(of: id).isEmpty)
    #expect(throws: StoreError.self) { try reader.undo(by: "ana", lead: id) }

    // Someone else changes the lead: undoing the older change is refused.
    try store.perform(.note(id: id, text: "mine"), by: "maria")
    try reader.perform(.moveForward(id: id, reason: nil), by: "tom")
    let refused = #expect(throws: StoreError.self) { try store.undo(by: "maria", lead: id) }
    #expect(refused != nil)
    #expect(store.pipeline.notes(of: id).map(\.text) == ["mine"])
  }

  /// Undo after undo takes back the actor's changes one after another, newest first,
  /// across leads (never stopping at its own revert), and says why when none is left.
  func undoStack() throws {
    let fixture = try ContractStore(kind)
    let store = try fixture.open()
    try fixture.team(store)
    let a = try fixture.lead(store, "Ada", by: "tom")
    let b = try fixture.lead(store, "Bea", by: "tom")
    try store.perform(.note(id: a, text: "one"), by: "maria")
    try store.perform(.score(id: b, 77), by: "maria")
    try store.perform(.note(id: a, text: "two"), by: "maria")
    let first = try store.undoing(by: "maria", lead: nil)
    #expect(first.undid.map { $0.body.typeName } == "lead.note")
    #expect(store.pipeline.notes(of: a).map(\.text) == ["one"])
    try store.undo(by: "maria")
    #expect(store.pipeline.lead(b)?.score == 40)
    // On one lead too: the note before, past the undo of the note after it.
    try store.undo(by: "maria", lead: a)
    #expect(store.pipeline.notes(of: a).isEmpty)
    let none = #expect(throws: StoreError.self) { try store.undo(by: "maria") }
    #expect(
      none?.description == "nothing to undo: every change you made has been undone already")
    let never = #expect(throws: StoreError.self) { try store.undo(by: "sam", lead: a) }
    #expect(never?.description == "nothing to undo: you have not changed lead \(a)")
    // A fresh reader walks the same stack.
    #expect(throws: StoreError.self) { try fixture.open().undo(by: "maria", lead: b) }
  }

  /// A batch lands whole or not at all.
  func batches() throws {
    let fixture = try ContractStore(kind)
    let store = try fixture.open()
    try fixture.team(store)
    let now = fixture.clock.now()
    func created(_ name: String, _ id: Int) -> PlannedEvent {
      let lead = Lead(id: id, name: name, company: "Bulk", source: "import", createdAt: now)
      return PlannedEvent(at: now, actor: "import", body: .leadCreated(LeadCreated(lead: lead)))
    }
    let before = store.pipeline.eventCount
    // The third event reuses the first's lead id: the whole batch is refused.
    #expect(throws: StoreError.self) {
      try store.append([created("A", 5001), created("B", 5002), created("C", 5001)])
    }
    #expect(store.pipeline.eventCount == before)
    #expect(try fixture.open().pipeline.eventCount == before)
    let result = try store.append((0..<300).map { created("L\($0)", 6000 + $0) })
    #expect(result.count == 300)
    #expect(result.last?.seq == Int64(before + 300))
    let reader = try fixture.open()
    #expect(reader.pipeline.leadCount == 300)
    #expect(FoldedState(reader.pipeline) == FoldedState(store.pipeline))
  }

  /// A new lead brought in with its history (an import's `lead.created`) carries when it
  /// entered its stage and was last active: the writer, a replay, a checkpoint (or a
  /// database's cache) and a compacted store all agree on them.
  func carriedMoments() throws {
    let fixture = try ContractStore(kind)
    let store = try fixture.open()
    try fixture.team(store)
    let created = fixture.clock.now() - .days(40)
    let events = (0..<30).map { n in
      let lead = Lead(
        id: 7000 + n, name: "C\(n)", company: "Carried", source: "import", stage: .mql,
        createdAt: created)
      return PlannedEvent(
        at: created, actor: "maria",
        body: .leadCreated(
          LeadCreated(
            lead: lead, stageEnteredAt: n % 2 == 0 ? created + .days(3) : nil,
            lastActivityAt: n % 3 == 0 ? nil : created + .days(Int64(10 + n)))))
    }
    #expect(try store.append(events).count == 30)
    let even = try #require(store.pipeline.lead(7000 + 4))
    #expect(even.createdAt == created)
    #expect(even.stageEnteredAt == created + .days(3))
    #expect(even.lastActivityAt == created + .days(14))
    let odd = try #require(store.pipeline.lead(7000 + 3))
    #expect(odd.stageEnteredAt == created)
    #expect(odd.lastActivityAt == created)
    #expect(odd.version == 1)
    func cached() throws -> any EventStore {
      let reader = try fixture.make()
      if let file = reader as? FileStore { file.checkpointThreshold = 10 }
      if let database = reader as? PostgresStore { database.cacheThreshold = 10 }
      try reader.open()
      return reader
    }
    // A replay (that writes the checkpoint or cache), then a store restored from it.
    #expect(FoldedState(try cached().pipeline) == FoldedState(store.pipeline))
    #expect(FoldedState(try cached().pipeline) == FoldedState(store.pipeline))
    _ = try store.compact()
    #expect(FoldedState(try fixture.open().pipeline).leads == FoldedState(store.pipeline).leads)
  }

  /// A follower sees another process's append, woken by the store.
  func followerSeesAnotherProcess() throws {
    let fixture = try ContractStore(kind)
    let follower = try fixture.open(systemClock: true)
    #expect(
      fixture.run(["team", "add", "maria", "--dept", "marketing"], user: "admin").status == 0)
    // A log that did not exist yet is read from the start once made (`reloaded`), a
    // database's rows as they come (`appended`): either way, the member arrives.
    #expect(try fixture.follow(follower) { _ in follower.pipeline.member("maria") != nil })
    let added = fixture.run(["add", "--name", "Ada", "--company", "Acme"], user: "maria")
    #expect(added.status == 0, "\(added.stderr)")
    let id = Int(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    #expect(try fixture.follow(follower) { _ in follower.pipeline.lead(id) != nil })
    #expect(follower.pipeline.lead(id)?.name == "Ada")
  }

  /// Writers in several OS processes at once: every acknowledged write is there exactly
  /// once, numbered without gaps.
  func concurrentProcesses(writers: Int = 4, each: Int = 8) throws {
    let fixture = try ContractStore(kind)
    #expect(fixture.run(["init"], user: "admin").status == 0)
    let outcomes = Outcomes(count: writers * each)
    DispatchQueue.concurrentPerform(iterations: writers) { writer in
      for n in 0..<each {
        let name = "w\(writer)-n\(n)"
        let run = fixture.run(
          ["add", "--name", name, "--company", "Acme", "--source", "seo"], user: "writer\(writer)")
        outcomes.set(writer * each + n, (name, run.status, run.stdout, run.stderr))
      }
    }
    let store = try fixture.open()
    #expect(store.check().problems.isEmpty)
    let leads = store.pipeline.allLeads
    for outcome in outcomes.values {
      #expect(outcome.status == 0, "\(outcome.name): \(outcome.stderr)")
      let matching = leads.filter { $0.name == outcome.name }
      #expect(matching.count == 1, "\(outcome.name)")
      #expect(matching.first.map { "\($0.id)\n" } == outcome.stdout)
    }
    #expect(leads.count == writers * each)
    var seqs: [Int64] = []
    try store.forEachEvent { seqs.append($0.seq) }
    #expect(seqs == Array(1...Int64(writers * each)))
  }

  /// `init` is idempotent, `check` finds nothing wrong in a store written normally.
  func initAndCheck() throws {
    let fixture = try ContractStore(kind)
    let first = fixture.run(["init"], user: "admin")
    #expect(first.status == 0 && first.stdout.hasPrefix("created the store at "), "\(first)")
    let second = fixture.run(["init"], user: "admin")
    #expect(second.status == 0 && second.stdout.hasSuffix("already holds a store (0 events)\n"))
    let store = try fixture.open()
    try fixture.team(store)
    try fixture.lead(store, "Ada")
    let report = store.check()
    #expect(report.problems.isEmpty)
    #expect(report.events == 5)
    let again = fixture.run(["init"], user: "admin")
    #expect(again.stdout.hasSuffix("already holds a store (5 events)\n"), "\(again)")
  }

  /// Compaction folds old history into snapshots with the same state; a follower
  /// reloads.
  func compaction() throws {
    let fixture = try ContractStore(kind)
    fixture.clock.set(Timestamp(iso8601: "2026-03-02T09:00:00Z")!)
    let writer = try fixture.open()
    try fixture.team(writer)
    for n in 0..<20 {
      let id = try fixture.lead(writer, "Old \(n)")
      try writer.perform(.moveForward(id: id, reason: nil), by: "maria")
    }
    fixture.clock.set(Timestamp(iso8601: "2026-11-20T09:00:00Z")!)
    let follower = try fixture.open()
    let report = try writer.compact()
    #expect(report.after < report.before)
    #expect(report.backup != nil)
    #expect(try fixture.follow(follower) { $0 == .reloaded })
    let fresh = try fixture.open()
    #expect(fresh.pipeline.eventCount == report.after)
    #expect(FoldedState(fresh.pipeline).leads == FoldedState(writer.pipeline).leads)
    #expect(FoldedState(follower.pipeline) == FoldedState(fresh.pipeline))
    #expect(fresh.check().problems.isEmpty)
    // Writing goes on after it, numbered after the kept events.
    let id = try fixture.lead(fresh, "New")
    #expect(try fresh.history(of: id).first?.seq == fresh.pipeline.lastSeq)
  }
}

/// Results written by concurrent workers, each to its own slot.
final class Outcomes: @unchecked Sendable {
  typealias Outcome = (name: String, status: Int32, stdout: String, stderr: String)
  private let lock = NSLock()
  private var slots: [Outcome?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ outcome: Outcome) { lock.withLock { slots[index] = outcome } }

  var values: [Outcome] { lock.withLock { slots.compactMap { $0 } } }
}

extension StoreContract {
  /// Time travel: the state at a moment is the log up to its first event stamped after
  /// it, the same whether folded afresh, stepped to, or jumped back to from saved stops;
  /// an import's back-dated leads appear from the import on, not before.
  func timeTravel() throws {
    let fixture = try ContractStore(kind)
    let day = Duration.days(1)
    let start = Timestamp(iso8601: "2026-11-01T09:00:00Z")!
    fixture.clock.set(start)
    let store = try fixture.open()
    let ids = try days(6, from: start, fixture, store)
    // On day 6 a note, then an import brings in a lead created on day 2.
    fixture.clock.set(start + .days(6) + .hours(1))
    try store.perform(.note(id: ids[5], text: "day 6"), by: "tom")
    fixture.clock.set(start + .days(6) + .hours(2))
    let backdated = Lead(
      id: 9001, name: "Imported", company: "Old Co", source: "import",
      createdAt: start + .days(2))
    try store.append([
      PlannedEvent(
        at: start + .days(2), actor: "maria", body: .leadCreated(LeadCreated(lead: backdated)))
    ])
    fixture.clock.set(start + .days(6) + .hours(3))
    try store.perform(.moveForward(id: ids[0], reason: nil), by: "maria")

    var all: [Event] = []
    try store.forEachEvent { all.append($0) }
    func expected(_ moment: Timestamp) -> FoldedState {
      FoldedState(PipelineFold.folding(all, at: moment, zones: FixedZones()).pipeline)
    }
    // A traveller that saves a stop every 5 events, on a fresh reader of the store.
    let reader = try fixture.open()
    let travel = TimeTravel(store: reader, interval: 5)
    let moments =
      (0...7).map { start + .days(Int64($0)) + .hours(1) + .minutes(30) }
      + [start + .days(6) + .hours(2) + .minutes(30), start - day]
    // Forward one day at a time, then back, then jumps in a scrambled order.
    // One that keeps the state of the stop it decoded last folds from a copy of it
    // when it steps back again, to the same states.
    let keeping = TimeTravel(store: try fixture.open(), interval: 5, keepingDecodedStop: true)
    for moment in moments + moments.reversed() + [moments[3], moments[6], moments[1], moments[8]] {
      let want = expected(moment)
      for traveller in [travel, keeping] {
        let state = FoldedState(try traveller.state(at: moment))
        #expect(state == want, "at \(moment.iso8601): \(state.difference(from: want) ?? "")")
      }
    }
    #expect(travel.savedStops > 0)
    #expect(FoldedState(try reader.pipeline(at: moments[2])) == expected(moments[2]))

    // The stops are on the store's shelf: a traveller in another process starts from
    // them, folding fewer events than two stops' interval for any jump (within one
    // interval of a stop, or of where it stood last when that is nearer).
    let shelf = try #require(reader.travelShelf)
    let saved = shelf.records(for: try #require(reader.identity))
    #expect(saved.count == travel.savedStops && travel.savedBytes == 0)
    let later = TimeTravel(store: try fixture.open(), interval: 5)
    for moment in [moments[6], moments[2], moments[4]] {
      #expect(FoldedState(try later.state(at: moment)) == expected(moment))
      #expect(later.foldedEvents < 2 * 5, "at \(moment.iso8601)")
    }
    #expect(later.savedStops == saved.count)
    // A stop whose last event is not the store's (a log rewritten in place) throws the
    // shelf away: the state is folded afresh, and the shelf saved again.
    shelf.clear()
    let fifth = all[4]
    let prefix = PipelineFold.folding(Array(all.prefix(5)), at: fifth.at, zones: FixedZones())
    _ = shelf.append(
      prefix.pipeline, latest: fifth.at, witness: Array("not this event".utf8),
      identity: try #require(reader.identity))
    let misled = TimeTravel(store: try fixture.open(), interval: 5)
    #expect(FoldedState(try misled.state(at: moments[6])) == expected(moments[6]))
    let resaved = shelf.records(for: try #require(reader.identity))
    #expect(!resaved.isEmpty && resaved.allSatisfy { $0.witness != Array("not this event".utf8) })

    // What the cut means: before the import, its lead is not there even though it is
    // stamped earlier; after it, it is, with its own creation date.
    let beforeImport = try reader.pipeline(at: start + .days(5) + .hours(2))
    #expect(beforeImport.lead(9001) == nil)
    #expect(beforeImport.leadCount == 6)
    // (An event knows when it happened, not when it was written: with nothing stamped
    // between the last event before the moment and the import, the import would count
    // as there already; docs/FORMAT.md says so.)
    let afterImport = try reader.pipeline(at: start + .days(6) + .hours(2) + .minutes(30))
    #expect(afterImport.lead(9001)?.createdAt == start + .days(2))
    // The first day: the team and one lead, moved on; nothing before the first event.
    let first = try reader.pipeline(at: start + .hours(1) + .minutes(30))
    #expect(first.leadCount == 1 && first.members.count == 4)
    #expect(first.lead(ids[0])?.stage == .nurturing)
    #expect(try reader.pipeline(at: start - day).eventCount == 0)
    // Now: the whole state.
    #expect(
      FoldedState(try reader.pipeline(at: fixture.clock.now())) == FoldedState(store.pipeline))

    // Appends after the traveller's stops leave them valid.
    fixture.clock.set(start + .days(7) + .hours(1))
    try fixture.lead(store, "Later")
    #expect(try fixture.follow(reader) { if case .appended = $0 { true } else { false } })
    all.removeAll()
    try store.forEachEvent { all.append($0) }
    for moment in [moments[7], moments[2], moments[7]] {
      #expect(FoldedState(try travel.state(at: moment)) == expected(moment))
    }

    // The stops a history calls for, saved before anyone travels (as `handoff demo`
    // does): every stop of the log, then nothing more to save; a first jump decodes one.
    shelf.clear()
    let filler = TimeTravel(store: reader, interval: 5)
    let eventCount = reader.pipeline.eventCount
    #expect(try filler.saveMissingStops() == eventCount / 5)
    #expect(try filler.saveMissingStops() == 0)
    #expect(shelf.records(for: try #require(reader.identity)).count == eventCount / 5)
    let fresh = TimeTravel(store: try fixture.open(), interval: 5)
    for moment in [moments[1], moments[7], moments[4]] {
      #expect(FoldedState(try fresh.state(at: moment)) == expected(moment))
      #expect(fresh.foldedEvents < 2 * 5, "at \(moment.iso8601)")
    }
  }
}

extension StoreContract {
  /// The team, then `count` days of history from `start`: each day at an hour past it a
  /// new lead, moved on, and a note on the day before's; the leads' ids.
  fileprivate func days(
    _ count: Int, from start: Timestamp, _ fixture: ContractStore, _ store: any EventStore
  ) throws -> [Int] {
    try fixture.team(store)
    var ids: [Int] = []
    for n in 0..<count {
      fixture.clock.set(start + .days(Int64(n)) + .hours(1))
      let id = try fixture.lead(store, "Day \(n)")
      ids.append(id)
      try store.perform(.moveForward(id: id, reason: nil), by: "maria")
      if n > 0 { try store.perform(.note(id: ids[n - 1], text: "day \(n)"), by: "tom") }
    }
    return ids
  }

  /// The dashboard's helper threads on this kind of store, each with a store object of
  /// its own: the days either side of a past one are the states a fresh fold gives, and
  /// the missing travel stops are saved, all of them, once.
  func travelHelpers() throws {
    let fixture = try ContractStore(kind)
    let start = Timestamp(iso8601: "2026-11-01T09:00:00Z")!
    fixture.clock.set(start)
    let store = try fixture.open()
    _ = try days(8, from: start, fixture, store)
    var all: [Event] = []
    try store.forEachEvent { all.append($0) }
    func expected(_ moment: Timestamp) -> FoldedState {
      FoldedState(PipelineFold.folding(all, at: moment, zones: FixedZones()).pipeline)
    }

    let ahead = TravelAhead(store: try fixture.make())
    defer { ahead.stop() }
    let moments = [2, 5, 1].map { start + .days(Int64($0)) + .hours(1) + .minutes(30) }
    ahead.prepare(moments)
    ahead.waitUntilPrepared()
    for moment in moments {
      let day = try #require(ahead.take(moment), "at \(moment.iso8601)")
      #expect(FoldedState(day.pipeline) == expected(moment), "at \(moment.iso8601)")
    }

    let shelf = try #require(store.travelShelf)
    shelf.clear()
    let filler = try #require(
      ShelfFiller.startIfNeeded(for: store, interval: 5) { try? fixture.make() })
    #expect(filler.waitUntilFinished() == store.pipeline.eventCount / 5)
    #expect(
      shelf.records(for: try #require(store.identity)).count == store.pipeline.eventCount / 5)
    #expect(ShelfFiller.startIfNeeded(for: store, interval: 5) { try? fixture.make() } == nil)
  }
}
