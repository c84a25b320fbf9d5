import Foundation
import HandoffModel
import TestSupport
import Testing

@testable import HandoffStore

/// Bugs the chaos test (ChaosTests) found, kept as small, fast tests.
struct ChaosRegressionTests {
  @Test("a snapshot of a lead with several notes is written as a line that reads back")
  func snapshotWithNotes() throws {
    let at = try #require(Timestamp(iso8601: "2026-11-20T09:00:00Z"))
    let lead = Lead(
      id: 1001, name: "Ada", company: "Acme", email: "", source: "webinar", segment: "",
      score: 1, value: 0, stage: .new, owner: nil, createdAt: at, stageEnteredAt: at,
      lastActivityAt: at, nextFollowUp: nil, reason: nil, recycled: nil, handedOffBy: nil,
      unseenByOwner: false, version: 3, lastChangedBy: "maria", lastChange: .noted)
    let notes = [
      Note(at: at, author: "maria", text: "one"), Note(at: at, author: "sam", text: "two"),
      Note(at: at, author: "ana", text: "three"),
    ]
    let event = Event(
      seq: 7, at: at, actor: "handoff-compact",
      body: .leadCreated(LeadCreated(lead: lead, notes: notes, snapshot: true)))
    let line = EventEncoder.line(event).dropLast()
    let decoded = try line.withUnsafeBufferPointer { (bytes) throws(LineError) in
      try EventDecoder.event(bytes)
    }
    #expect(decoded == event)
    let object = try JSONSerialization.jsonObject(
      with: Data(LogFormat.json(lead: lead, notes: notes).utf8))
    #expect((object as? [String: Any])?["notes"].map { ($0 as? [Any])?.count } == 3)
  }

  @Test("compacting a log whose old leads have several notes leaves a log that loads")
  func compactionWithNotes() throws {
    let folder = TemporaryDirectory("handoff-chaos-regression")
    let path = folder.file("store.jsonl")
    let past = try #require(Timestamp(iso8601: "2026-01-10T09:00:00Z"))
    let clock = ManualClock(past)
    let store = Store(path: path, clock: clock, localZone: .utc)
    try store.open()
    let id =
      try store.perform(
        .addLead(NewLead(name: "Ada", company: "Acme", source: "webinar")), by: "maria"
      ).leadID ?? 0
    try store.perform(.note(id: id, text: "first"), by: "maria")
    try store.perform(.note(id: id, text: "second"), by: "maria")
    clock.advance(by: .days(200))
    let report = try store.compact()
    #expect(report.backup != nil)
    let fresh = Store(path: path, clock: clock, localZone: .utc)
    try fresh.open()
    #expect(fresh.pipeline.notes(of: id).map(\.text) == ["first", "second"])
    #expect(fresh.check().problems.isEmpty)
  }
}

/// A follower whose reload failed half-way (a bad line in a replaced log) kept the events
/// before the bad line and read the file from its start again on the next refresh, so
/// it reported "sequence 1 does not follow …" from then on, even after the log was fixed.
/// Found by the chaos test while compaction wrote unreadable lines.
struct FollowerRecoveryTests {
  @Test("after a failed reload, refresh reports the same bad line and recovers once it is fixed")
  func recoversAfterFailedReload() throws {
    let folder = TemporaryDirectory("handoff-follower")
    let path = folder.file("store.jsonl")
    let good =
      #"{"seq":1,"at":"2026-11-20T09:00:00Z","actor":"a","type":"member.joined","handle":"ann","name":"Ann","dept":"sales"}"#
      + "\n"
    try good.write(toFile: path, atomically: true, encoding: .utf8)
    let follower = Store(path: path, localZone: .utc)
    try follower.open()
    // The log is replaced by one whose second line is damaged.
    try (good + "{\"seq\":2,\"at\"\n").write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: StoreError.self) { _ = try follower.refresh() }
    var second = ""
    do { _ = try follower.refresh() } catch { second = error.description }
    // Fixed in place (same file): the damaged line is cut off.
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: UInt64(good.utf8.count))
    try handle.close()
    withKnownIssue("Store.reload leaves a half-folded state behind when it throws") {
      #expect(second.contains("line 2"), "\(second)")
      _ = try follower.refresh()
      #expect(follower.pipeline.lastSeq == 1)
    }
  }
}
