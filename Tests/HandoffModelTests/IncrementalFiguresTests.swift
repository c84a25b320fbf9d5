import HandoffHost
import TestSupport
import Testing

@testable import HandoffModel

/// Random histories (seeded), after which every figure the pipeline keeps as events
/// arrive must equal the same figure recomputed from scratch by scanning all leads
/// and all events.
struct IncrementalFiguresTests {
  @Test(
    "incremental figures equal a from-scratch recomputation",
    arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func randomHistories(seed: UInt64) {
    let zone = seed % 2 == 0 ? SystemZones().zone(named: "America/New_York")! : Zone.utc
    let h = Harness(start: "2026-09-20T08:00:00Z", zone: zone)
    var rng = SplitMix64(seed: seed)
    h.addTeam()
    h.act(.setSetting(key: "sla", value: "3h"), by: "maria")
    if seed % 3 == 0 { h.act(.setSetting(key: "period", value: "quarter"), by: "maria") }
    for period in ["2026-09", "2026-10", "2026-11", "2026-Q4", "2026-Q3"] {
      for metric in Metric.allCases {
        h.act(
          .setTarget(Target(metric: metric, period: Period(period)!, scope: .team, value: 40)),
          by: "maria")
        h.act(
          .setTarget(
            Target(metric: metric, period: Period(period)!, scope: .member("lee"), value: 7)),
          by: "maria")
      }
    }
    let actors = ["maria", "tom", "sam", "lee", "ana"]
    for step in 0..<1500 {
      h.advance(.minutes(Int64.random(in: 0...400, using: &rng)))
      let actor = actors.randomElement(using: &rng)!
      randomAction(h, actor: actor, rng: &rng)
      if step % 250 == 0 { compare(h, at: h.now) }
    }
    for offset in [0, 1, 5, 31, 95] as [Int64] {
      compare(h, at: h.now + .days(offset))
    }
    // The history must have exercised what the figures count, undo included.
    var kinds: [EventKind: Int] = [:]
    var reached: Set<Stage> = []
    for e in h.events {
      kinds[e.body.kind, default: 0] += 1
      if case .leadMoved(let m) = e.body { reached.insert(m.to) }
    }
    #expect(reached == Set(Stage.allCases).subtracting([.new]))
    #expect(kinds[.leadReverted, default: 0] >= 5)
    #expect(kinds[.followUpLogged, default: 0] >= 3)
    #expect(kinds[.leadAssigned, default: 0] >= 10)
  }

  private func randomAction(_ h: Harness, actor: String, rng: inout SplitMix64) {
    let p = h.pipeline
    let ids = p.allLeads.map(\.id)
    let id = ids.randomElement(using: &rng) ?? 0
    let members = ["maria", "tom", "sam", "lee", "ana"]
    let reasons = ["No budget", "no budget", "Bad timing", "Chose a competitor", "Not a fit"]
    let command: Command
    switch Int.random(in: 0..<100, using: &rng) {
    case 0..<18:
      command = .addLead(
        NewLead(
          name: "Lead", company: "Co",
          source: ["seo", "ads", "webinar", "event"].randomElement(using: &rng)!,
          score: Int.random(in: 0...100, using: &rng),
          value: Int64.random(in: 0...9_000_000, using: &rng),
          owner: Bool.random(using: &rng) ? "maria" : nil))
    case 18..<55:
      // Mostly a move the lead's stage allows, sometimes any stage (refusals are fine).
      let lead = p.lead(id)
      let to =
        Int.random(in: 0..<10, using: &rng) < 8
        ? (lead?.stage.allowedMoves.randomElement(using: &rng) ?? .mql)
        : Stage.allCases.randomElement(using: &rng)!
      let value: Int64? =
        to == .won && Bool.random(using: &rng) ? Int64.random(in: 1...5_000_000, using: &rng) : nil
      let mover = lead.map { self.mover($0, to: to, else: actor, rng: &rng) } ?? actor
      if let body = try? Planner(p).plan(
        .move(id: id, to: to, reason: reasons.randomElement(using: &rng), value: value), by: mover,
        at: h.now)
      {
        h.record(body, by: mover)
      }
      return
    case 55..<62:
      command = .moveForward(id: id, reason: reasons.randomElement(using: &rng))
      if let lead = p.lead(id), let to = lead.stage.forward {
        let mover = self.mover(lead, to: to, else: actor, rng: &rng)
        if let body = try? Planner(p).plan(command, by: mover, at: h.now) {
          h.record(body, by: mover)
        }
        return
      }
    case 62..<70: command = .assign(id: id, to: members.randomElement(using: &rng), note: nil)
    case 70..<75: command = .autoAssign(id: id)
    case 75..<80:
      command = .accept(id: id)
      if let lead = p.lead(id) {
        let mover = self.mover(lead, to: .accepted, else: actor, rng: &rng)
        if let body = try? Planner(p).plan(command, by: mover, at: h.now) {
          h.record(body, by: mover)
        }
        return
      }
    case 80..<84:
      let customers = p.leads(of: .customers, in: 0..<p.count(of: .customers))
      let customer = customers.randomElement(using: &rng)
      command = .followUp(id: customer?.id ?? id, next: nil)
      if let customer, let owner = customer.owner, Bool.random(using: &rng) {
        if let body = try? Planner(p).plan(command, by: owner, at: h.now) {
          h.record(body, by: owner)
        }
        return
      }
    case 84..<87: command = .score(id: id, Int.random(in: 0...100, using: &rng))
    case 87..<89: command = .note(id: id, text: "called")
    case 89..<90:
      command = .updateMember(
        handle: members.randomElement(using: &rng)!, away: Bool.random(using: &rng), capacity: nil,
        name: nil)
    default:
      undoSomething(h, actor: actor, rng: &rng)
      return
    }
    if let body = try? Planner(p).plan(command, by: actor, at: h.now) { h.record(body, by: actor) }
  }

  /// Who makes a move: each department does its own part of the handoff, a sales
  /// lead's owner closes it; any other move is the random actor's.
  private func mover(_ lead: Lead, to: Stage, else actor: String, rng: inout SplitMix64)
    -> String
  {
    let sales = ["sam", "lee", "ana"]
    switch Duty(from: lead.stage, to: to) {
    case .handOff?: return ["maria", "tom"].randomElement(using: &rng)!
    case .some:
      return lead.owner.flatMap { sales.contains($0) ? $0 : nil }
        ?? sales.randomElement(using: &rng)!
    case nil: return actor
    }
  }

  /// Undoes one of the actor's recent lead events, with the lead's state before it
  /// replayed from its own history, as the store does.
  private func undoSomething(_ h: Harness, actor: String, rng: inout SplitMix64) {
    let mine = h.events.suffix(60).filter { $0.actor == actor && $0.leadID != nil }
    guard let target = mine.randomElement(using: &rng), let id = target.leadID else { return }
    let history = h.events.filter { $0.leadID == id && $0.seq < target.seq }
    let before = LeadFold.replay(history)
    if let body = try? Planner(h.pipeline).plan(
      undoOf: target, leadBefore: before, by: actor, at: h.now)
    {
      h.record(body, by: actor)
    }
  }

  private func compare(
    _ h: Harness, at now: Timestamp, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let p = h.pipeline
    let reference = Reference(events: h.events, pipeline: p)
    #expect(
      MarketingFigures(p, at: now) == reference.marketing(at: now), sourceLocation: sourceLocation)
    #expect(QueueFigures(p, at: now) == reference.queue(at: now), sourceLocation: sourceLocation)
    #expect(SalesFigures(p, at: now) == reference.sales(at: now), sourceLocation: sourceLocation)
    #expect(
      TargetProgress.all(p, at: now).map(\.actual) == reference.targetActuals(at: now),
      sourceLocation: sourceLocation)
    for handle in ["maria", "tom", "sam", "lee", "ana"] {
      #expect(p.load(of: handle) == reference.load(of: handle), sourceLocation: sourceLocation)
    }
    for list in [LeadList.stage(.queued), .stage(.mql), .stage(.nurturing), .openDeals, .customers]
    {
      let ids = p.leads(of: list, in: 0..<p.count(of: list)).map(\.id)
      #expect(ids == reference.list(list), "\(list)", sourceLocation: sourceLocation)
      if let mid = ids.dropFirst(ids.count / 2).first {
        #expect(p.position(of: mid, in: list) == ids.count / 2, sourceLocation: sourceLocation)
      }
    }
    #expect(p.leadCount == reference.leads.count)
  }
}

/// The naive recomputation: replays events keeping plain lists of what each counted,
/// and answers every question by scanning.
private struct Reference {
  struct Counted {
    var seq: Int64
    var what: String
    var credit: String
    var at: Timestamp
    var amount: Int64
  }

  var leads: [Int: Lead] = [:]
  var order: [Int] = []
  var counted: [Counted] = []
  var accepts: [(seq: Int64, at: Timestamp, waited: Int64)] = []
  let pipeline: Pipeline

  init(events: [Event], pipeline: Pipeline) {
    self.pipeline = pipeline
    for e in events {
      guard let id = e.leadID else { continue }
      let before = leads[id]
      guard let after = LeadFold.apply(e, to: before) else { continue }
      if before == nil { order.append(id) }
      leads[id] = after
      switch e.body {
      case .leadCreated(let c) where !c.snapshot:
        counted.append(
          Counted(seq: e.seq, what: "newLeads", credit: after.owner ?? e.actor, at: e.at, amount: 1)
        )
        counted.append(
          Counted(seq: e.seq, what: "source:" + after.source, credit: "", at: e.at, amount: 1))
      case .leadMoved(let m):
        guard let before else { break }
        var add: [(String, String, Int64)] = []
        switch (m.from, m.to) {
        case (_, .mql): add.append(("mqls", after.owner ?? e.actor, 1))
        case (_, .queued): add.append(("handoffs", before.owner ?? e.actor, 1))
        case (.queued, .accepted):
          add.append(("accepted", after.owner ?? e.actor, 1))
          accepts.append((e.seq, e.at, (e.at - before.stageEnteredAt).milliseconds / 1000))
        case (.queued, .nurturing): add.append(("rejected", "", 1))
        case (_, .won): add.append(("won", after.owner ?? e.actor, after.value))
        case (_, .lost): add.append(("lost", "", 1))
        case (_, .churned): add.append(("churned", "", 1))
        default: break
        }
        for (what, credit, amount) in add {
          counted.append(Counted(seq: e.seq, what: what, credit: credit, at: e.at, amount: amount))
        }
      case .followUpLogged:
        counted.append(Counted(seq: e.seq, what: "followUps", credit: e.actor, at: e.at, amount: 1))
      case .leadReverted(let r):
        counted.removeAll { $0.seq == r.undoes }
        accepts.removeAll { $0.seq == r.undoes }
      default:
        break
      }
    }
  }

  func count(_ what: String, credit: String? = nil, from: Timestamp, to: Timestamp) -> Int {
    counted.filter {
      $0.what == what && (credit == nil || $0.credit == credit) && $0.at >= from && $0.at < to
    }.count
  }

  func sum(_ what: String, credit: String? = nil, from: Timestamp, to: Timestamp) -> Int64 {
    counted.filter {
      $0.what == what && (credit == nil || $0.credit == credit) && $0.at >= from && $0.at < to
    }
    .reduce(0) { $0 + $1.amount }
  }

  var all: [Lead] { order.compactMap { leads[$0] } }

  func inStage(_ s: Stage) -> [Lead] { all.filter { $0.stage == s } }

  func marketing(at now: Timestamp) -> MarketingFigures {
    let zone = pipeline.zone
    let today = zone.day(of: now)
    let inflow = ((today - 13)...today).map {
      count("newLeads", from: zone.startOfDay($0), to: zone.startOfDay($0 + 1))
    }
    let start = zone.startOfDay(today - 13)
    let end = zone.startOfDay(today + 1)
    var mix: [String: Int] = [:]
    for c in counted where c.what.hasPrefix("source:") && c.at >= start && c.at < end {
      mix[String(c.what.dropFirst(7)), default: 0] += 1
    }
    let mixSorted = mix.map { (source: $0.key, count: $0.value) }.sorted {
      ($0.count, $1.source) > ($1.count, $0.source)
    }
    var reasons: [String: Int] = [:]
    for l in inStage(.nurturing) {
      if let r = l.recycled {
        reasons[r.reason.lowercased().split(separator: " ").joined(separator: " "), default: 0] += 1
      }
    }
    let top = reasons.map { (reason: $0.key, count: $0.value) }.sorted {
      ($0.count, $1.reason) > ($1.count, $0.reason)
    }
    let period = pipeline.currentPeriod(at: now)
    return MarketingFigures(
      new: inStage(.new).count, nurturing: inStage(.nurturing).count, mql: inStage(.mql).count,
      inflow: inflow, sourceMix: mixSorted, recycledWaiting: top.reduce(0) { $0 + $1.count },
      topReasons: Array(top.prefix(3)),
      mqlsThisPeriod: Int64(count("mqls", from: period.start(in: zone), to: period.end(in: zone))),
      mqlTarget: pipeline.target(.mqls, period, .team))
  }

  func queue(at now: Timestamp) -> QueueFigures {
    let sla = pipeline.settings.acceptanceSLA
    let window = Duration(milliseconds: sla.milliseconds / 4)
    let queued = inStage(.queued)
    let breached = queued.filter { $0.stageEnteredAt + sla <= now }.count
    let dueSoon = queued.filter {
      $0.stageEnteredAt + sla > now && $0.stageEnteredAt + sla - window <= now
    }.count
    let monthAgo = now - .days(30)
    // The pipeline counts at minute precision; so does this window's end.
    let end = now + .minutes(1)
    let accepted = accepts.filter {
      minuteOf($0.at) >= minuteCeil(monthAgo) && minuteOf($0.at) < minuteCeil(end)
    }
    let rejected = count(
      "rejected", from: floorMinute(monthAgo, up: true), to: floorMinute(end, up: true))
    let waits = accepts.filter {
      minuteOf($0.at) >= minuteCeil(monthAgo) && minuteOf($0.at) <= minuteOf(now)
    }
    .map(\.waited).sorted()
    var median: Duration?
    if !waits.isEmpty {
      let n = waits.count
      median = .seconds(n % 2 == 1 ? waits[n / 2] : (waits[n / 2 - 1] + waits[n / 2]) / 2)
    }
    return QueueFigures(
      size: queued.count, oldestAge: queued.map(\.stageEnteredAt).min().map { now - $0 },
      breached: breached,
      dueSoon: dueSoon, unassigned: queued.filter { $0.owner == nil }.count,
      medianTimeToAccept: median,
      acceptanceRate: accepted.count + rejected > 0
        ? Double(accepted.count) / Double(accepted.count + rejected) : nil,
      accepted30: accepted.count, rejected30: rejected)
  }

  func sales(at now: Timestamp) -> SalesFigures {
    let zone = pipeline.zone
    let period = pipeline.currentPeriod(at: now)
    let (start, end) = (period.start(in: zone), period.end(in: zone))
    let stages = [Stage.accepted, .meeting, .negotiation].map { s in
      StageTotal(stage: s, count: inStage(s).count, value: inStage(s).reduce(0) { $0 + $1.value })
    }
    let open = stages.reduce(0) { $0 + $1.value }
    let revenue = sum("won", from: start, to: end)
    let quota = pipeline.target(.revenue, period, .team)
    var coverage: Double?
    if let quota {
      coverage = quota - revenue > 0 ? Double(open) / Double(quota - revenue) : .infinity
    }
    let q0 = floorMinute(now - .days(90), up: true)
    let q1 = floorMinute(now + .minutes(1), up: true)
    let won90 = count("won", from: q0, to: q1)
    let lost90 = count("lost", from: q0, to: q1)
    let stale = all.filter {
      $0.stage.isOpenDeal && $0.lastActivityAt < now - .days(Int64(pipeline.settings.staleDays))
    }
    let customers = inStage(.won)
    let overdue = customers.filter { ($0.nextFollowUp ?? Timestamp(milliseconds: .max)) < now }
      .count
    let due =
      customers.filter { ($0.nextFollowUp ?? Timestamp(milliseconds: .max)) < now + .days(7) }.count
      - overdue
    return SalesFigures(
      stages: stages, stale: stale.count, wonThisPeriod: count("won", from: start, to: end),
      revenueThisPeriod: revenue,
      quota: quota, winRate: won90 + lost90 > 0 ? Double(won90) / Double(won90 + lost90) : nil,
      coverage: coverage,
      openPipeline: open, customers: customers.count, followUpsDue: due, followUpsOverdue: overdue,
      churnedThisPeriod: count("churned", from: start, to: end))
  }

  func targetActuals(at now: Timestamp) -> [Int64] {
    TargetProgress.all(pipeline, at: now).map { t in
      let zone = pipeline.zone
      let (start, end) = (t.period.start(in: zone), t.period.end(in: zone))
      let what = t.metric == .revenue ? "won" : "\(t.metric)"
      var credit: String?
      if case .member(let h) = t.scope { credit = h }
      if case .department(let d) = t.scope, d != t.metric.department { return 0 }
      return t.metric == .revenue
        ? sum(what, credit: credit, from: start, to: end)
        : Int64(count(what, credit: credit, from: start, to: end))
    }
  }

  func load(of handle: String) -> Int { all.filter { $0.stage.isOpen && $0.owner == handle }.count }

  func list(_ list: LeadList) -> [Int] {
    func sorted(_ leads: [Lead], _ key: (Lead) -> Int64) -> [Int] {
      leads.enumerated().map { (key($0.element), pipeline.slot(of: $0.element.id)!, $0.element.id) }
        .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }
    switch list {
    case .stage(let s): return sorted(inStage(s)) { $0.stageEnteredAt.milliseconds }
    case .openDeals:
      return sorted(all.filter(\.stage.isOpenDeal)) { $0.lastActivityAt.milliseconds }
    case .customers: return sorted(inStage(.won)) { $0.nextFollowUp?.milliseconds ?? .max }
    }
  }

  private func minuteOf(_ t: Timestamp) -> Int64 { t.milliseconds.floorDiv(60_000) }
  private func minuteCeil(_ t: Timestamp) -> Int64 { -((-t.milliseconds).floorDiv(60_000)) }
  private func floorMinute(_ t: Timestamp, up: Bool) -> Timestamp {
    Timestamp(milliseconds: (up ? minuteCeil(t) : minuteOf(t)) * 60_000)
  }
}

extension Int64 {
  fileprivate func floorDiv(_ d: Int64) -> Int64 {
    let q = self / d
    return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
  }
}
