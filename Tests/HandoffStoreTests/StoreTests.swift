import Foundation
import HandoffHost
import HandoffModel
import HandoffStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct StoreTests {
  @Test func aMissingStoreIsEmptyAndCreatedOnFirstWrite() throws {
    let fixture = StoreFixture()
    let store = try fixture.store()
    #expect(store.pipeline.leadCount == 0)
    #expect(!FileManager.default.fileExists(atPath: fixture.path))
    try store.perform(
      .addMember(handle: "sam", name: nil, department: .sales, capacity: nil), by: "me")
    #expect(FileManager.default.fileExists(atPath: fixture.path))
  }

  @Test func aReopenedStoreHasTheSameState() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    let id = try fixture.lead(store, "Ada")
    try store.perform(.moveForward(id: id, reason: nil), by: "maria")
    try store.perform(.note(id: id, text: "warm"), by: "maria")
    try store.perform(.move(id: id, to: .mql, reason: nil), by: "maria")
    try store.perform(.handOff(id: id), by: "maria")
    try store.perform(.assign(id: id, to: "sam", note: "yours"), by: "ana")
    try store.perform(.reject(id: id, reason: "too small"), by: "sam")
    try store.perform(.setSetting(key: "sla", value: "2h"), by: "maria")
    try store.perform(
      .setTarget(Target(metric: .mqls, period: Period("2026-11")!, scope: .team, value: 30)),
      by: "maria")
    let again = try fixture.store()
    #expect(StateSummary(again.pipeline) == StateSummary(store.pipeline))
    #expect(again.pipeline.lead(id)?.recycled?.reason == "too small")
    let history = try again.history(of: id)
    #expect(
      history.map(\.body.kind) == [
        .leadCreated, .leadMoved, .noteAdded, .leadMoved, .leadMoved, .leadAssigned, .leadMoved,
      ])
    #expect(history.map(\.actor) == ["maria", "maria", "maria", "maria", "maria", "ana", "sam"])
  }

  @Test func sequenceNumbersIncreaseAndLinesAreWhole() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    for n in 0..<20 { try fixture.lead(store, "Lead \(n)") }
    let text = try String(contentsOfFile: fixture.path, encoding: .utf8)
    #expect(text.hasSuffix("\n"))
    let seqs = text.split(separator: "\n").map { line -> Int in
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return object?["seq"] as? Int ?? -1
    }
    #expect(seqs == Array(1...24))
  }

  @Test func aStaleVersionIsRefusedNamingTheChange() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    let id = try fixture.lead(store, "Ada")
    let seen = store.pipeline.lead(id)!.version
    fixture.clock.advance(by: .seconds(3))
    try store.perform(.assign(id: id, to: "tom", note: nil), by: "maria")
    fixture.clock.advance(by: .seconds(3))
    #expect {
      try store.perform(.moveForward(id: id, reason: nil), by: "sam", ifVersion: seen)
    } throws: { error in
      "\(error)".contains("\(id) was assigned to tom by maria 3 s ago")
    }
  }

  @Test func refusalsWriteNothing() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    let id = try fixture.lead(store, "Ada")
    let before = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
    #expect(throws: StoreError.self) {
      try store.perform(.move(id: id, to: .won, reason: nil), by: "maria")
    }
    #expect(throws: StoreError.self) {
      try store.perform(.reject(id: 4242, reason: "x"), by: "maria")
    }
    #expect(throws: StoreError.self) {
      try store.perform(.assign(id: id, to: "sam", note: nil), by: "maria")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.path)) == before)
  }

  @Test func undoRestoresTheLeadAndIsRefusedAfterAnotherChange() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    let id = try fixture.lead(store, "Ada")
    let original = store.pipeline.lead(id)!
    try store.perform(.moveForward(id: id, reason: nil), by: "maria")
    try store.undo(by: "maria")
    #expect(store.pipeline.lead(id)?.stage == original.stage)
    try store.perform(.moveForward(id: id, reason: nil), by: "maria")
    try store.perform(.score(id: id, 90), by: "tom")
    #expect(throws: StoreError.self) { try store.undo(by: "maria", lead: id) }
    #expect(throws: StoreError.self) { try store.undo(by: "nobody") }
  }

  @Test func aFollowerSeesAnotherWritersAppend() throws {
    let fixture = StoreFixture()
    let writer = try fixture.team()
    let reader = try fixture.store()
    #expect(reader.pipeline.members.count == 4)
    let id = try fixture.lead(writer, "Ada")
    #expect(reader.isWoken(within: 2000), "the change descriptor wakes the reader")
    #expect(try reader.refresh() == .appended(1))
    #expect(reader.pipeline.lead(id)?.name == "Ada")
    #expect(try reader.refresh() == StoreChange.none)
  }

  @Test func aTornTailIsIgnoredByReadersAndRepairedByTheNextWriter() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    try fixture.lead(store, "Ada")
    let handle = try #require(FileHandle(forWritingAtPath: fixture.path))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"seq":6,"at":"2026-11-20T09:00:00Z","actor":"x","type":"lead.cr"#.utf8))
    try handle.close()
    let reader = try fixture.store()
    #expect(reader.pipeline.leadCount == 1)
    #expect(reader.check().problems.count == 1)
    let writer = try fixture.store()
    try fixture.lead(writer, "Bo")
    let text = try String(contentsOfFile: fixture.path, encoding: .utf8)
    #expect(text.split(separator: "\n").count == 6)
    #expect(!text.contains("lead.cr\""))
    let side = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.file("data"))
      .filter { $0.contains(".torn-") }
    #expect(side.count == 1, "the torn bytes are kept aside, not deleted")
    #expect(try fixture.store().check().problems.isEmpty)
    #expect(try reader.refresh() == .appended(1))
  }

  @Test func aCorruptLineStopsLoadingWithItsNumberAndCheckRepairsIt() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    try fixture.lead(store, "Ada")
    var lines = try String(contentsOfFile: fixture.path, encoding: .utf8).split(separator: "\n")
    lines.insert("{\"seq\": oops}", at: 2)
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: fixture.path, atomically: false, encoding: .utf8)
    #expect {
      try fixture.store()
    } throws: { error in
      let text = "\(error)"
      return text.contains(fixture.path) && text.contains("line 3")
        && text.contains("handoff check")
    }
    let checker = FileStore(path: fixture.path, clock: SystemClock(), zones: FixedZones())
    let report = checker.check()
    #expect(report.problems.count == 1)
    #expect(report.problems.first?.hasPrefix("\(fixture.path):3:") == true)
    let repaired = try checker.repair()
    #expect(repaired.sideFile != nil)
    let side = try String(contentsOfFile: repaired.sideFile!, encoding: .utf8)
    #expect(side == "{\"seq\": oops}\n")
    let reopened = try fixture.store()
    #expect(reopened.pipeline.leadCount == 1)
    #expect(reopened.pipeline.members.count == 4)
  }

  @Test func aHugeLineIsRefusedWithoutReadingItWhole() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    try fixture.lead(store, "Ada")
    var lines = try String(contentsOfFile: fixture.path, encoding: .utf8).split(separator: "\n")
    lines.insert(Substring(String(repeating: "x", count: 17 << 20)), at: 1)
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: fixture.path, atomically: false, encoding: .utf8)
    #expect {
      try fixture.store()
    } throws: { error in
      "\(error)".contains("line 2 is not a valid event (a line of 17825792 bytes)")
    }
    let report = FileStore(path: fixture.path, clock: SystemClock(), zones: FixedZones()).check()
    #expect(report.problems.count == 1)
    #expect(report.events == 5)
  }

  @Test func compactionKeepsTheStateAndFollowersReload() throws {
    let fixture = StoreFixture()
    fixture.clock.set(Timestamp(iso8601: "2026-03-01T09:00:00Z")!)
    let store = try fixture.team()
    var ids: [Int] = []
    for n in 0..<30 {
      let id = try fixture.lead(store, "Old \(n)")
      ids.append(id)
      try store.perform(.moveForward(id: id, reason: nil), by: "maria")
      try store.perform(.note(id: id, text: "note \(n)"), by: "tom")
      fixture.clock.advance(by: .hours(7))
    }
    fixture.clock.set(Timestamp(iso8601: "2026-11-20T09:00:00Z")!)
    for id in ids.prefix(5) { try store.perform(.move(id: id, to: .mql, reason: nil), by: "maria") }
    let follower = try fixture.store()
    let before = StateSummary(store.pipeline)
    // Time travel saved states of this log; they are of no use to the compacted one.
    _ = try TimeTravel(store: store, interval: 20).state(at: fixture.clock.now())
    let shelf = try #require(store.travelShelf)
    let oldIdentity = try #require(store.identity)
    #expect(!shelf.records(for: oldIdentity).isEmpty)
    let originalBytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
    let report = try store.compact()
    #expect(report.after < report.before)
    #expect(shelf.records(for: oldIdentity).isEmpty)
    #expect(StateSummary(store.pipeline) == before)
    #expect(try Data(contentsOf: URL(fileURLWithPath: report.backup!)) == originalBytes)
    #expect(try follower.refresh() == .reloaded)
    #expect(StateSummary(follower.pipeline) == before)
    #expect(try fixture.store().check().problems.isEmpty)
    // Writing after the compaction continues the sequence.
    try fixture.lead(follower, "New")
    #expect(follower.pipeline.lastSeq == before.lastSeq + 1)
  }

  @Test func permissionDeniedIsOneClearLine() throws {
    guard getuid() != 0 else { return }  // root reads everything; nothing to prove there
    let fixture = StoreFixture()
    let store = try fixture.team()
    chmod(fixture.path, 0o444)
    #expect {
      try store.perform(
        .addMember(handle: "zed", name: nil, department: .sales, capacity: nil), by: "me")
    } throws: { error in
      "\(error)" == "cannot open for writing \(fixture.path): Permission denied"
    }
  }

  @Test func storePathFollowsFlagThenEnvironmentThenXDG() {
    #expect(
      StoreAddress.resolve(flag: "/x/s.jsonl", environment: ["HANDOFF_STORE": "/y"])
        == .file("/x/s.jsonl"))
    #expect(StoreAddress.resolve(flag: nil, environment: ["HANDOFF_STORE": "/y"]) == .file("/y"))
    #expect(
      StoreAddress.resolve(flag: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"])
        == .file("/d/handoff/store.jsonl"))
    #expect(
      StoreAddress.resolve(flag: nil, environment: ["HOME": "/h"])
        == .file("/h/.local/share/handoff/store.jsonl"))
    // Never relative to wherever the command runs: no home, no default.
    #expect(StoreAddress.resolve(flag: nil, environment: [:]) == nil)
    #expect(
      StoreAddress.resolve(flag: nil, environment: ["HOME": "", "XDG_DATA_HOME": "d"]) == nil)
  }
}

@Suite struct FollowerRecoveryAfterBadLineTests {
  @Test func aBadLineIsReportedByNumberUntilFixedThenReadingGoesOn() throws {
    let fixture = StoreFixture()
    let writer = try fixture.team()
    let follower = try fixture.store()
    let good = try String(contentsOfFile: fixture.path, encoding: .utf8)
    // A replaced log whose sixth line is damaged.
    try (good + "{\"seq\":5,\"at\"\n").write(
      toFile: fixture.path, atomically: true, encoding: .utf8)
    for _ in 0..<2 {
      #expect {
        _ = try follower.refresh()
      } throws: { error in
        "\(error)".contains("line 5")
      }
    }
    #expect(follower.pipeline.lastSeq == 4, "the good lines before it stay folded")
    // Cut the damaged line off: reading goes on from there.
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: fixture.path))
    try handle.truncate(atOffset: UInt64(good.utf8.count))
    try handle.close()
    #expect(try follower.refresh() == StoreChange.none)
    try fixture.lead(writer, "After")
    #expect(try follower.refresh() == .appended(1))
  }
}

@Suite struct VanishedStoreTests {
  @Test func aDeletedLogIsReportedAndItsStateKeptUntilANewOneAppears() throws {
    let fixture = StoreFixture()
    let writer = try fixture.team()
    let follower = try fixture.store()
    try FileManager.default.removeItem(atPath: fixture.path)
    #expect(try follower.refresh() == .vanished)
    #expect(try follower.refresh() == .vanished, "said again until it changes")
    #expect(follower.pipeline.members.count == 4, "the last state stays on screen")
    try writer.perform(
      .addMember(handle: "zoe", name: nil, department: .sales, capacity: nil), by: "maria")
    #expect(try follower.refresh() == .reloaded)
    #expect(follower.pipeline.members.map(\.handle) == ["zoe"])
  }
}
