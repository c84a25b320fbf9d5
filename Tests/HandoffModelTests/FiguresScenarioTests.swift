import HandoffModel
import Testing

/// A small day in November whose figures were worked out by hand (see the comments).
struct FiguresScenarioTests {
  /// Builds the scenario; the clock ends at 2026-11-16 13:00 UTC.
  ///
  /// 09:00  maria adds L1 (webinar, $10k), L2 (seo, $20k), L3 (webinar, $5k), L5 (event, $8k);
  ///        tom adds L4 (ads, $50k) and L6 (social). L1, L2, L5 → mql (maria), L4 → mql (tom),
  ///        L3 → nurturing.
  /// 09:10  maria hands off L1 and L2.   09:20 tom hands off L4.   09:30 maria hands off L5.
  /// 10:10  sam accepts L1 (waited 1 h).  11:10 lee accepts L2 (waited 2 h).
  /// 11:30  ana rejects L5 ("No budget"): back to maria, recycled.
  /// 12:00  lee books a meeting on L2 and wins it at $25k; sam moves L1 to negotiation.
  /// Targets for 2026-11: 10 MQLs (team), $100k revenue (team), 2 deals won (lee).
  static func scenario() -> (Harness, [Int]) {
    let h = Harness(start: "2026-11-16T09:00:00Z")
    h.addTeam()
    let l1 = h.addLead("Ada", source: "webinar", value: 1_000_000)
    let l2 = h.addLead("Bo", source: "seo", value: 2_000_000)
    let l3 = h.addLead("Cy", source: "webinar", value: 500_000)
    let l4 = h.addLead("Di", source: "ads", value: 5_000_000, owner: "tom", by: "tom")
    let l5 = h.addLead("Ed", source: "event", value: 800_000)
    let l6 = h.addLead("Fa", source: "social", value: 0, owner: "tom", by: "tom")
    for id in [l1, l2, l5] { h.act(.move(id: id, to: .mql, reason: nil), by: "maria") }
    h.act(.move(id: l4, to: .mql, reason: nil), by: "tom")
    h.act(.move(id: l3, to: .nurturing, reason: nil), by: "maria")
    let period = Period("2026-11")!
    h.act(.setTarget(Target(metric: .mqls, period: period, scope: .team, value: 10)), by: "maria")
    h.act(
      .setTarget(Target(metric: .revenue, period: period, scope: .team, value: 10_000_000)),
      by: "maria")
    h.act(
      .setTarget(Target(metric: .won, period: period, scope: .member("lee"), value: 2)), by: "maria"
    )
    h.advance(.minutes(10))
    h.act(.handOff(id: l1), by: "maria")
    h.act(.handOff(id: l2), by: "maria")
    h.advance(.minutes(10))
    h.act(.handOff(id: l4), by: "tom")
    h.advance(.minutes(10))
    h.act(.handOff(id: l5), by: "maria")
    h.advance(.minutes(40))  // 10:10
    h.act(.accept(id: l1), by: "sam")
    h.advance(.hours(1))  // 11:10
    h.act(.accept(id: l2), by: "lee")
    h.advance(.minutes(20))  // 11:30
    h.act(.reject(id: l5, reason: "No budget"), by: "ana")
    h.advance(.minutes(30))  // 12:00
    h.act(.move(id: l2, to: .meeting, reason: nil), by: "lee")
    h.act(.won(id: l2, value: 2_500_000), by: "lee")
    h.act(.move(id: l1, to: .negotiation, reason: nil), by: "sam")
    h.advance(.hours(1))  // 13:00
    return (h, [l1, l2, l3, l4, l5, l6])
  }

  @Test("marketing figures: stage counts, inflow, source mix, recycled reasons, MQLs")
  func marketing() {
    let (h, _) = Self.scenario()
    let m = MarketingFigures(h.pipeline, at: h.now)
    #expect(m.new == 1)
    #expect(m.nurturing == 2)
    #expect(m.mql == 0)
    #expect(m.inflow == Array(repeating: 0, count: 13) + [6])
    #expect(m.sourceMix.map(\.source) == ["webinar", "ads", "event", "seo", "social"])
    #expect(m.sourceMix.map(\.count) == [2, 1, 1, 1, 1])
    #expect(m.recycledWaiting == 1)
    #expect(m.topReasons.map(\.reason) == ["no budget"])
    #expect(m.mqlsThisPeriod == 4)
    #expect(m.mqlTarget == 10)
  }

  @Test("queue figures: size, age, SLA states, median time to accept, acceptance rate")
  func queue() {
    let (h, ids) = Self.scenario()
    let q = QueueFigures(h.pipeline, at: h.now)
    #expect(q.size == 1)
    #expect(q.oldestAge == .minutes(220))  // L4, queued at 09:20
    #expect(q.breached == 0)
    #expect(q.dueSoon == 1)  // 20 minutes left of 4 h; due soon in the last hour
    #expect(q.unassigned == 1)
    #expect(q.medianTimeToAccept == .minutes(90))  // median of 1 h and 2 h
    #expect(q.accepted30 == 2 && q.rejected30 == 1)
    #expect(q.acceptanceRate == 2.0 / 3.0)
    let l4 = h.pipeline.lead(ids[3])!
    #expect(Deadlines(h.pipeline).sla(of: l4, at: h.now)?.state == .dueSoon)
    #expect(Deadlines(h.pipeline).sla(of: l4, at: h.now)?.remaining == .minutes(20))
    #expect(
      Deadlines(h.pipeline).nextChange(after: h.now) == Timestamp(iso8601: "2026-11-16T13:20:00Z"))

    h.advance(.minutes(20))  // 13:20: the SLA runs out
    let later = QueueFigures(h.pipeline, at: h.now)
    #expect(later.breached == 1 && later.dueSoon == 0)
    #expect(Deadlines(h.pipeline).sla(of: l4, at: h.now)?.state == .breached)
    #expect(Deadlines(h.pipeline).nextChange(after: h.now) == nil)
  }

  @Test("sales figures: stages, revenue against quota, coverage, win rate, customers")
  func sales() {
    let (h, ids) = Self.scenario()
    let s = SalesFigures(h.pipeline, at: h.now)
    #expect(s.stages.map(\.count) == [0, 0, 1])
    #expect(s.stages.map(\.value) == [0, 0, 1_000_000])
    #expect(s.openPipeline == 1_000_000)
    #expect(s.stale == 0)
    #expect(s.wonThisPeriod == 1)
    #expect(s.revenueThisPeriod == 2_500_000)
    #expect(s.quota == 10_000_000)
    #expect(s.coverage == 1_000_000.0 / 7_500_000.0)
    #expect(s.winRate == 1.0)
    #expect(s.customers == 1)
    #expect(s.followUpsDue == 0 && s.followUpsOverdue == 0)
    #expect(s.churnedThisPeriod == 0)
    #expect(h.pipeline.lead(ids[1])?.nextFollowUp == Timestamp(iso8601: "2026-12-16T12:00:00Z"))
  }

  @Test("targets: attainment and pace at a fixed clock, coloured by pace")
  func targets() {
    let (h, _) = Self.scenario()
    let progress = TargetProgress.all(h.pipeline, at: h.now)
    // 15 days 13 hours of November's 30 days have passed.
    let fraction = (15.0 * 24 + 13) / (30.0 * 24)
    #expect(progress.map(\.metric) == [.mqls, .revenue, .won])
    #expect(progress.map(\.scope) == [.team, .team, .member("lee")])
    let mqls = progress[0]
    #expect(mqls.actual == 4 && mqls.target == 10)
    #expect(abs(mqls.attainment - 0.4) < 1e-12)
    #expect(abs(mqls.pace! - 4.0 / (10.0 * fraction)) < 1e-9)  // 0.772
    #expect(mqls.paceState == .atRisk)
    let revenue = progress[1]
    #expect(revenue.actual == 2_500_000)
    #expect(revenue.paceState == .atRisk)
    let won = progress[2]
    #expect(won.actual == 1)
    #expect(abs(won.pace! - 1.0 / (2.0 * fraction)) < 1e-9)  // 0.965
    #expect(won.paceState == .behind)
  }

  @Test("stale deals and follow-ups due and overdue move with the clock")
  func staleAndFollowUps() {
    let (h, ids) = Self.scenario()
    // L1's last activity was 2026-11-16 12:00; stale after 14 days.
    h.clock.set(Timestamp(iso8601: "2026-11-30T11:59:00Z")!)
    #expect(SalesFigures(h.pipeline, at: h.now).stale == 0)
    h.clock.set(Timestamp(iso8601: "2026-11-30T12:00:01Z")!)
    #expect(SalesFigures(h.pipeline, at: h.now).stale == 1)
    #expect(Deadlines(h.pipeline).isStale(h.pipeline.lead(ids[0])!, at: h.now))
    // L2's first follow-up is due 2026-12-16 12:00.
    h.clock.set(Timestamp(iso8601: "2026-12-10T12:00:00Z")!)
    var s = SalesFigures(h.pipeline, at: h.now)
    #expect(s.followUpsDue == 1 && s.followUpsOverdue == 0)
    h.clock.set(Timestamp(iso8601: "2026-12-17T09:00:00Z")!)
    s = SalesFigures(h.pipeline, at: h.now)
    #expect(s.followUpsDue == 0 && s.followUpsOverdue == 1)
    h.act(.followUp(id: ids[1], next: nil), by: "lee")
    s = SalesFigures(h.pipeline, at: h.now)
    #expect(s.followUpsDue == 0 && s.followUpsOverdue == 0)
    #expect(h.pipeline.actual(.followUps, scope: .member("lee"), period: Period("2026-12")!) == 1)
    #expect(
      h.pipeline.actual(.followUps, scope: .department(.sales), period: Period("2026-12")!) == 1)
    #expect(
      h.pipeline.actual(.followUps, scope: .department(.marketing), period: Period("2026-12")!) == 0
    )
  }

  @Test("member credits: MQLs and handoffs to the marketer, acceptances and wins to the rep")
  func credits() {
    let (h, _) = Self.scenario()
    let nov = Period("2026-11")!
    #expect(h.pipeline.actual(.mqls, scope: .member("maria"), period: nov) == 3)
    #expect(h.pipeline.actual(.mqls, scope: .member("tom"), period: nov) == 1)
    #expect(h.pipeline.actual(.handoffs, scope: .member("maria"), period: nov) == 3)
    #expect(h.pipeline.actual(.handoffs, scope: .team, period: nov) == 4)
    #expect(h.pipeline.actual(.accepted, scope: .member("sam"), period: nov) == 1)
    #expect(h.pipeline.actual(.accepted, scope: .member("lee"), period: nov) == 1)
    #expect(h.pipeline.actual(.revenue, scope: .member("lee"), period: nov) == 2_500_000)
    #expect(h.pipeline.actual(.newLeads, scope: .department(.marketing), period: nov) == 6)
    #expect(h.pipeline.actual(.newLeads, scope: .member("tom"), period: nov) == 2)
    #expect(h.pipeline.actual(.newLeads, scope: .team, period: Period("2026-10")!) == 0)
    #expect(h.pipeline.load(of: "sam") == 1)
    #expect(h.pipeline.load(of: "maria") == 2)  // L3 and the recycled L5
  }
}
