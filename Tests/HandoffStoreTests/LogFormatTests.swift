import Foundation
import HandoffModel
import Testing

@testable import HandoffStore

@Suite struct LogFormatTests {
  /// Every kind of event, with awkward text, survives writing and reading unchanged.
  @Test func everyEventRoundTrips() throws {
    let at = Timestamp(iso8601: "2026-11-20T09:00:00.250Z")!
    let awkward = "Zoë \"Q\" O'Neil\\ \n\t\u{1B}[31m 東京 👩‍👩‍👧 \u{7F}\u{9B}"
    var lead = Lead(
      id: 1042, name: awkward, company: "Acme, Inc.", email: "zoe@acme.test", source: "webinar",
      segment: "mid", score: 77, value: 1_250_000, stage: .nurturing, owner: "maria",
      createdAt: at - .days(3), stageEnteredAt: at - .days(1), lastActivityAt: at,
      nextFollowUp: at + .days(30), reason: "no budget",
      recycled: Recycling(reason: "too small", by: "sam", at: at - .days(1), from: .queued),
      handedOffBy: "tom", unseenByOwner: true, version: 7, lastChangedBy: "sam",
      lastChange: .moved(.nurturing))
    let notes = [Note(at: at, author: "maria", text: "called twice\nno answer")]
    var bodies: [EventBody] = [
      .leadCreated(
        LeadCreated(lead: Lead(id: 1043, name: "Bo", company: "B", source: "seo", createdAt: at))),
      .leadCreated(LeadCreated(lead: lead, notes: notes, snapshot: true)),
      // An imported lead, with the moments it entered its stage and was last active.
      .leadCreated(
        LeadCreated(
          lead: Lead(id: 1044, name: "Cy", company: "C", source: "seo", stage: .mql, createdAt: at),
          stageEnteredAt: at + .days(2), lastActivityAt: at + .days(5))),
      .leadCreated(
        LeadCreated(
          lead: Lead(id: 1045, name: "Di", company: "D", source: "seo", createdAt: at),
          lastActivityAt: at + .hours(1))),
      .leadUpdated(LeadUpdated(lead: 1042, version: 8, name: "New", email: "", value: 0)),
      .leadScored(lead: 1042, version: 9, score: 100),
      .leadMoved(
        LeadMoved(
          lead: 1042, version: 10, from: .queued, to: .nurturing, reason: awkward, owner: .some(nil)
        )),
      .leadMoved(LeadMoved(lead: 1042, version: 11, from: .mql, to: .queued, owner: .some("sam"))),
      .leadMoved(
        LeadMoved(
          lead: 1042, version: 12, from: .negotiation, to: .won, value: 99,
          nextFollowUp: at + .days(30))),
      .leadAssigned(LeadAssigned(lead: 1042, version: 13, owner: "ana", note: "yours", auto: true)),
      .leadAssigned(LeadAssigned(lead: 1042, version: 14, owner: nil)),
      .noteAdded(lead: 1042, version: 15, text: awkward),
      .followUpLogged(lead: 1042, version: 16, next: at + .days(30)),
      .leadOpened(lead: 1042),
      .memberJoined(MemberJoined(handle: "sam", name: "Sam O", department: .sales, capacity: 12)),
      .memberJoined(
        MemberJoined(handle: "bo", name: "bo", department: .marketing, lastAssignedAt: at)),
      .memberUpdated(MemberUpdated(handle: "sam", name: "Sam", away: true, capacity: .some(nil))),
      .memberUpdated(MemberUpdated(handle: "sam", capacity: .some(5))),
      .memberLeft(handle: "sam"),
      .targetSet(
        Target(
          metric: .revenue, period: Period("2026-Q4")!, scope: .member("sam"), value: 5_000_000)),
      .targetSet(
        Target(metric: .mqls, period: Period("2026-11")!, scope: .department(.marketing), value: 40)
      ),
      .settingChanged(key: "sla", value: "2h"),
    ]
    lead.version = 3
    bodies.append(
      .leadReverted(
        LeadReverted(
          lead: 1042, version: 17, undoes: 12, undoneKind: .leadMoved, undoneAt: at, restore: lead,
          removesNote: true)))
    for (index, body) in bodies.enumerated() {
      let event = Event(seq: Int64(index + 1), at: at, actor: "maria", body: body)
      let line = EventEncoder.line(event)
      #expect(line.last == 0x0A)
      #expect(!line.dropLast().contains(0x0A), "one event, one line")
      #expect(!line.contains(0x1B), "no raw escape in the log")
      let decoded = try line.dropLast().withUnsafeBufferPointer { try EventDecoder.event($0) }
      #expect(decoded == normalized(event), "\(body.typeName)")
    }
  }

  /// A new lead's times come from its event, as the fold sets them.
  private func normalized(_ event: Event) -> Event {
    guard case .leadCreated(var created) = event.body, !created.snapshot else { return event }
    created.lead.createdAt = event.at
    created.lead.stageEnteredAt = event.at
    created.lead.lastActivityAt = event.at
    return Event(seq: event.seq, at: event.at, actor: event.actor, body: .leadCreated(created))
  }

  @Test func readsWhatOtherToolsWrite() throws {
    // Keys in any order, spaces, escapes, unknown keys (from a newer version) skipped.
    let line =
      #" { "type" : "lead.note", "future": {"x":[1,2,{"y":null}]}, "lead":7, "v":2, "#
      + #""text":"caf\u00e9 \ud83d\ude00 \"ok\"", "actor":"jo", "at":"2026-11-20T10:00:00+01:00", "seq":9 } "#
    let event = try Array(line.utf8).withUnsafeBufferPointer { try EventDecoder.event($0) }
    #expect(event.seq == 9)
    #expect(event.at == Timestamp(iso8601: "2026-11-20T09:00:00Z"))
    #expect(event.body == .noteAdded(lead: 7, version: 2, text: "café 😀 \"ok\""))
  }

  @Test(arguments: [
    (
      #"{"seq":1,"at":"2026-11-20T09:00:00Z","actor":"a","type":"lead.nope","lead":1}"#,
      "unknown event type"
    ),
    (#"{"seq":1,"at":"yesterday","actor":"a","type":"lead.opened","lead":1}"#, "expected a time"),
    (
      #"{"seq":1,"at":"2026-11-20T09:00:00Z","actor":"a","type":"lead.moved","lead":1,"v":2}"#,
      "no \"from\""
    ),
    (
      #"{"seq":1,"at":"2026-11-20T09:00:00Z","actor":"a","type":"lead.opened","lead":1"#,
      "expected ',' or '}'"
    ),
    (#"{"seq":1.5}"#, "expected a whole number"),
    (#"{"seq":99999999999999999999}"#, "too large"),
    (#"not json"#, "expected an object"),
    (
      #"{"seq":1,"at":"2026-11-20T09:00:00Z","actor":"a","type":"lead.opened","lead":1} x"#,
      "after the event"
    ),
  ])
  func refusesBadLines(line: String, expected: String) {
    do {
      _ = try Array(line.utf8).withUnsafeBufferPointer { try EventDecoder.event($0) }
      Issue.record("accepted \(line)")
    } catch let error as LineError {
      #expect(error.message.contains(expected), "\(error.message)")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func jsonOutputUsesTheLogKeys() throws {
    let lead = Lead(
      id: 5, name: "A\u{1}", company: "C", source: "seo", createdAt: Timestamp(milliseconds: 0))
    let object = try JSONSerialization.jsonObject(
      with: Data(LogFormat.json(lead: lead, notes: []).utf8))
    let fields = try #require(object as? [String: Any])
    #expect(fields["id"] as? Int == 5)
    #expect(fields["name"] as? String == "A\u{1}")
    #expect(fields["stage"] as? String == "new")
    #expect(fields.keys.contains("owner"))
    let member = Member(
      handle: "sam", name: "Sam", department: .sales, joinedAt: Timestamp(milliseconds: 0))
    let m = try #require(
      try JSONSerialization.jsonObject(with: Data(LogFormat.json(member: member, load: 3).utf8))
        as? [String: Any])
    #expect(m["handle"] as? String == "sam")
    #expect(m["dept"] as? String == "sales")
    #expect(m["load"] as? Int == 3)
  }
}
