import Foundation
import HandoffHost
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
    let store = FileStore(path: path, clock: clock, zones: FixedZones())
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
    let fresh = FileStore(path: path, clock: clock, zones: FixedZones())
    try fresh.open()
    #expect(fresh.pipeline.notes(of: id).map(\.text) == ["first", "second"])
    #expect(fresh.check().problems.isEmpty)
  }
}
