import HandoffModel
import Testing

@testable import HandoffApp

/// The dashboard's notices: an assignment by someone else, a queued lead that becomes due
/// soon or breaches, each once, never for the user's own actions, a manager seeing every
/// queued lead; the first look only a baseline. The clock is a ManualClock moved by hand.
@Suite struct NoticeTests {
  /// A fresh lead handed off by marketing and assigned to `rep` by `marketer`.
  private func assignedLead(
    _ f: inout Fixture, to rep: String, by marketer: String
  ) throws -> Int {
    let created = try f.perform(
      .addLead(NewLead(name: "Ada Byron", company: "Engines Ltd", source: "ads")), by: marketer)
    let id = try #require(created.leadID)
    try f.perform(.move(id: id, to: .mql, reason: nil), by: marketer)
    try f.perform(.handOff(id: id), by: marketer)
    if f.pipeline.lead(id)?.owner != rep {
      try f.perform(.assign(id: id, to: rep, note: nil), by: marketer)
    }
    return id
  }

  private func about(_ id: Int, _ notices: [Notice]) -> [Notice] {
    notices.filter {
      switch $0 {
      case .assigned(let lead, _, _), .dueSoon(let lead, _, _), .breached(let lead, _, _):
        return lead == id
      }
    }
  }

  @Test("assigned by someone else: one notice at once, not again on the next look")
  func assignedOnce() throws {
    var f = Fixture()
    let rep = f.member(of: .sales)
    let marketer = f.member(of: .marketing)
    var watch = NoticeWatch(user: rep)
    #expect(watch.look(at: f.pipeline, now: f.now).isEmpty, "the first look is the baseline")
    let id = try assignedLead(&f, to: rep, by: marketer)
    let notices = watch.look(at: f.pipeline, now: f.now)
    #expect(notices == [.assigned(lead: id, name: "Ada Byron", by: marketer)])
    #expect(Notice.summary(notices) == "\(id) Ada Byron assigned to you by \(marketer)")
    #expect(watch.look(at: f.pipeline, now: f.now).isEmpty)
    f.clock.advance(by: .seconds(1))
    #expect(watch.look(at: f.pipeline, now: f.now).isEmpty)
  }

  @Test("the user's own actions and assignments to others are no news")
  func ownActionsAreSilent() throws {
    var f = Fixture()
    let rep = f.member(of: .sales)
    let marketer = f.member(of: .marketing)
    var marketerWatch = NoticeWatch(user: marketer)
    var otherRep = NoticeWatch(
      user: f.pipeline.members.last { $0.department == .sales && $0.handle != rep }?.handle
        ?? "nobody")
    _ = marketerWatch.look(at: f.pipeline, now: f.now)
    _ = otherRep.look(at: f.pipeline, now: f.now)
    let id = try assignedLead(&f, to: rep, by: marketer)
    #expect(about(id, marketerWatch.look(at: f.pipeline, now: f.now)).isEmpty)
    #expect(about(id, otherRep.look(at: f.pipeline, now: f.now)).isEmpty)
    // A lead the user creates with themselves as owner: their own doing.
    var creatorWatch = NoticeWatch(user: marketer)
    _ = creatorWatch.look(at: f.pipeline, now: f.now)
    let mine = try f.perform(
      .addLead(
        NewLead(name: "Own Lead", company: "Self", source: "ads", owner: marketer)),
      by: marketer)
    #expect(about(try #require(mine.leadID), creatorWatch.look(at: f.pipeline, now: f.now)).isEmpty)
  }

  @Test("due soon, then breached, each once, on the clock's tick alone")
  func slaEdgesOnTheClock() throws {
    var f = Fixture()
    let rep = f.member(of: .sales)
    let marketer = f.member(of: .marketing)
    let id = try assignedLead(&f, to: rep, by: marketer)
    var watch = NoticeWatch(user: rep)
    _ = watch.look(at: f.pipeline, now: f.now)
    let sla = f.pipeline.settings.acceptanceSLA
    // One second before the last quarter: nothing yet for this lead.
    f.clock.advance(by: Duration(milliseconds: sla.milliseconds * 3 / 4 - 1000))
    #expect(about(id, watch.look(at: f.pipeline, now: f.now)).isEmpty)
    f.clock.advance(by: .seconds(1))
    var notices = watch.look(at: f.pipeline, now: f.now)
    #expect(
      about(id, notices) == [
        .dueSoon(lead: id, name: "Ada Byron", left: Duration(milliseconds: sla.milliseconds / 4))
      ])
    #expect(Notice.summary(about(id, notices)).hasSuffix("due soon: 1h00m left to accept"))
    // Every notice is about a queued lead the rep holds.
    #expect(
      notices.allSatisfy {
        if case .dueSoon(let lead, _, _) = $0 { return f.pipeline.lead(lead)?.owner == rep }
        if case .breached(let lead, _, _) = $0 { return f.pipeline.lead(lead)?.owner == rep }
        return false
      })
    f.clock.advance(by: .seconds(30))
    #expect(about(id, watch.look(at: f.pipeline, now: f.now)).isEmpty, "not twice")
    f.clock.advance(by: Duration(milliseconds: sla.milliseconds / 4 - 30_000))
    notices = watch.look(at: f.pipeline, now: f.now)
    #expect(about(id, notices) == [.breached(lead: id, name: "Ada Byron", owner: nil)])
    f.clock.advance(by: .hours(1))
    #expect(about(id, watch.look(at: f.pipeline, now: f.now)).isEmpty, "not twice")
  }

  @Test("a long gap reports only the later edge; an accepted lead none")
  func gapsAndAcceptedLeads() throws {
    var f = Fixture()
    let rep = f.member(of: .sales)
    let marketer = f.member(of: .marketing)
    let waiting = try assignedLead(&f, to: rep, by: marketer)
    let accepted = try assignedLead(&f, to: rep, by: marketer)
    var watch = NoticeWatch(user: rep)
    _ = watch.look(at: f.pipeline, now: f.now)
    try f.perform(.move(id: accepted, to: .accepted, reason: nil), by: rep)
    f.clock.advance(by: .hours(5))
    let notices = watch.look(at: f.pipeline, now: f.now)
    #expect(about(waiting, notices) == [.breached(lead: waiting, name: "Ada Byron", owner: nil)])
    #expect(about(accepted, notices).isEmpty)
  }

  @Test("a manager hears of every queued lead's edges, with who holds it")
  func managerSeesEveryQueuedLead() throws {
    var f = Fixture()
    let rep = f.member(of: .sales)
    let marketer = f.member(of: .marketing)
    let manager = try #require(
      f.pipeline.members.last { $0.department == .sales && $0.handle != rep }?.handle)
    try f.perform(
      .updateMember(handle: manager, away: nil, capacity: nil, name: nil, role: .manager),
      by: manager)
    let id = try assignedLead(&f, to: rep, by: marketer)
    var managerWatch = NoticeWatch(user: manager)
    let member = try #require(
      f.pipeline.members.first {
        $0.role == .member && $0.handle != rep && $0.handle != manager && $0.active
      }?.handle)
    var memberWatch = NoticeWatch(user: member)
    _ = managerWatch.look(at: f.pipeline, now: f.now)
    _ = memberWatch.look(at: f.pipeline, now: f.now)
    f.clock.advance(by: .hours(5))
    #expect(
      about(id, managerWatch.look(at: f.pipeline, now: f.now)) == [
        .breached(lead: id, name: "Ada Byron", owner: rep)
      ])
    #expect(about(id, memberWatch.look(at: f.pipeline, now: f.now)).isEmpty)
  }

  @Test("the first look is a baseline: leads already late when the dashboard opens are not news")
  func baseline() throws {
    var f = Fixture()
    let rep = f.member(of: .sales)
    _ = try assignedLead(&f, to: rep, by: f.member(of: .marketing))
    f.clock.advance(by: .hours(5))
    var watch = NoticeWatch(user: rep)
    #expect(watch.look(at: f.pipeline, now: f.now).isEmpty)
    #expect(watch.look(at: f.pipeline, now: f.now).isEmpty)
  }

  @Test("update: notices become the status line and an alert effect; none, nothing")
  func updateShowsNotices() {
    let f = Fixture()
    var state = AppState(user: "sam", storeName: "test")
    let notices: [Notice] = [
      .assigned(lead: 1042, name: "Ada Byron", by: "maria"),
      .breached(lead: 1043, name: "Bo Lee", owner: "liam"),
    ]
    let effects = Update.update(&state, .notices(notices), pipeline: f.pipeline, now: f.now)
    let text = "1042 Ada Byron assigned to you by maria (and 1 more)"
    #expect(effects == [.alert(text)])
    #expect(state.status?.text == text)
    #expect(state.status?.kind == .info)
    var quiet = AppState(user: "sam", storeName: "test")
    #expect(Update.update(&quiet, .notices([]), pipeline: f.pipeline, now: f.now).isEmpty)
    #expect(quiet.status == nil)
    #expect(
      Notice.breached(lead: 7, name: "X", owner: "liam").text
        == "7 X breached its SLA (held by liam)")
  }
}
