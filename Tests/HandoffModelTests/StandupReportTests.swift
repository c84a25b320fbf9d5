import HandoffModel
import Testing

/// The standup report over the figures scenario's day (2026-11-16, 09:00–13:00 UTC) and
/// a second day with a loss, a follow-up, an undone acceptance and SLA breaches.
struct StandupReportTests {
  /// The report of `h`'s events over `[from, to)`.
  private func report(
    _ h: Harness, from: String, to: String, department: Department? = nil, member: String? = nil
  ) -> StandupReport {
    let builder = StandupReportBuilder(
      fold: PipelineFold(localZone: .utc), from: Timestamp(iso8601: from)!,
      to: Timestamp(iso8601: to)!)
    for event in h.events { builder.add(event) }
    return builder.report(department: department, member: member)
  }

  private func member(_ r: StandupReport, _ handle: String) -> MemberActivity? {
    r.departments.flatMap(\.members).first { $0.handle == handle }
  }

  @Test("the scenario's day, per member and department")
  func firstDay() {
    let (h, ids) = FiguresScenarioTests.scenario()
    let r = report(h, from: "2026-11-16T00:00:00Z", to: "2026-11-16T13:00:00Z")
    // "admin", who is not a member, set up the team and the targets: no lead work, so
    // no "others" part.
    #expect(r.departments.map(\.department) == [.marketing, .sales])
    #expect(r.departments[0].members.map(\.handle) == ["maria", "tom"])
    #expect(r.departments[1].members.map(\.handle) == ["sam", "lee", "ana"])
    let maria = member(r, "maria")
    #expect(maria?.name == "Maria García")
    #expect(maria?.newLeads == 4)
    #expect(maria?.mqls == 3)
    #expect(maria?.handoffs == 3)
    #expect(member(r, "tom")?.newLeads == 2)
    #expect(member(r, "tom")?.handoffs == 1)
    #expect(member(r, "sam")?.accepted == 1)
    #expect(member(r, "lee")?.accepted == 1)
    #expect(
      member(r, "lee")?.won == [LeadValue(lead: ids[1], label: "Analytical", value: 2_500_000)])
    #expect(member(r, "ana")?.rejected == [ReasonCount(reason: "No budget", count: 1)])
    let marketing = r.departments[0].total
    #expect((marketing.newLeads, marketing.mqls, marketing.handoffs) == (6, 4, 4))
    let sales = r.departments[1].total
    #expect(
      (sales.accepted, sales.wonCount, sales.wonValue, sales.rejectedCount) == (2, 1, 2_500_000, 1))
    // Di (handed off 09:20) runs out of its 4 h at 13:20: after this span.
    #expect(sales.breaches.isEmpty)
    // Targets of 2026-11 as they stand at 13:00: 4 of 10 MQLs.
    let mqls = r.targets.first { $0.metric == .mqls }
    #expect(mqls?.actual == 4)
    #expect(r.targets.count == 3)
  }

  @Test("a breach is counted when the SLA runs out inside the span, held by the owner then")
  func breach() {
    let (h, ids) = FiguresScenarioTests.scenario()
    let r = report(h, from: "2026-11-16T13:00:00Z", to: "2026-11-16T14:00:00Z")
    let holder = h.pipeline.lead(ids[3])?.owner ?? ""
    let breached = r.departments.flatMap(\.members).filter { !$0.breaches.isEmpty }
    #expect(breached.map(\.handle) == [holder])
    #expect(breached.first?.breaches == [ids[3]])
    // Nothing else happened in that hour.
    #expect(member(r, "maria")?.isEmpty == true)
    // From 13:20 on, the breach is old news.
    let later = report(h, from: "2026-11-16T13:30:00Z", to: "2026-11-16T18:00:00Z")
    #expect(later.departments.allSatisfy { $0.total.breaches.isEmpty })
  }

  @Test("the next day: a loss with its reason, a follow-up, an undone acceptance")
  func secondDay() {
    let (h, ids) = FiguresScenarioTests.scenario()
    h.advance(.hours(21))  // 2026-11-17 10:00
    h.act(.lost(id: ids[0], reason: "Price"), by: "sam")
    h.act(.followUp(id: ids[1], next: Timestamp(iso8601: "2026-11-17T12:00:00Z")), by: "lee")
    h.act(.move(id: ids[5], to: .mql, reason: nil), by: "tom")
    h.act(.handOff(id: ids[5]), by: "tom")
    let before = h.pipeline.lead(ids[5])
    let accepted = h.act(.accept(id: ids[5]), by: "sam")!
    h.advance(.minutes(5))
    h.record(
      try! Planner(h.pipeline).plan(undoOf: accepted, leadBefore: before, by: "sam", at: h.now),
      by: "sam")
    let r = report(h, from: "2026-11-17T00:00:00Z", to: "2026-11-17T18:00:00Z")
    #expect(member(r, "maria")?.isEmpty == true)
    #expect(member(r, "tom")?.mqls == 1)
    #expect(member(r, "tom")?.handoffs == 1)
    let sam = member(r, "sam")
    #expect(sam?.accepted == 0)
    #expect(sam?.lost == [ReasonCount(reason: "Price", count: 1)])
    #expect(member(r, "lee")?.followUpsDone == 1)
    #expect(member(r, "lee")?.followUpsOverdue == 1)
    // Fa went back to the queue at 10:00 by the undo and waited past 14:00; Di was
    // breached yesterday and is not counted again.
    #expect(r.departments.flatMap(\.members).flatMap(\.breaches) == [ids[5]])
    // Narrowed: one department, one member, and the targets that concern them.
    let marketing = report(
      h, from: "2026-11-17T00:00:00Z", to: "2026-11-17T18:00:00Z", department: .marketing)
    #expect(marketing.departments.map(\.department) == [.marketing])
    #expect(marketing.targets.map(\.metric) == [.mqls])
    #expect(marketing.targets.first?.actual == 5)
    let lee = report(h, from: "2026-11-17T00:00:00Z", to: "2026-11-17T18:00:00Z", member: "lee")
    #expect(lee.departments.flatMap(\.members).map(\.handle) == ["lee"])
    #expect(lee.targets.map(\.scope) == [.member("lee")])
  }
}
