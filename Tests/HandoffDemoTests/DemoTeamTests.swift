import HandoffHost
import HandoffModel
import Testing

@testable import HandoffDemo

/// The demo generator: deterministic, valid event by event, and covering every stage.
struct DemoTeamTests {
  static let now = Timestamp(iso8601: "2026-11-23T12:00:00Z")!

  /// The events of a demo folded into a fresh pipeline, with sequence numbers 1, 2, 3…
  static func folded(_ events: [PlannedEvent]) -> (Pipeline, [FoldProblem]) {
    let (fold, problems) = folding(events)
    return (fold.pipeline, problems)
  }

  /// The same, keeping the fold to apply more events.
  static func folding(_ events: [PlannedEvent]) -> (PipelineFold, [FoldProblem]) {
    let pipeline = PipelineFold(localZone: .utc)
    var problems: [FoldProblem] = []
    for (i, e) in events.enumerated() {
      if let p = pipeline.apply(Event(seq: Int64(i + 1), at: e.at, actor: e.actor, body: e.body)) {
        problems.append(p)
      }
    }
    return (pipeline, problems)
  }

  @Test("the same seed gives the same events, another seed different ones")
  func deterministic() {
    let a = DemoTeam.events(leads: 300, seed: 7, now: Self.now, zone: .utc)
    let b = DemoTeam.events(leads: 300, seed: 7, now: Self.now, zone: .utc)
    let c = DemoTeam.events(leads: 300, seed: 8, now: Self.now, zone: .utc)
    #expect(a == b)
    #expect(a != c)
  }

  @Test("every event plans and folds cleanly, in time order, none after now")
  func valid() {
    let (events, refused) = DemoTeam.generate(leads: 2000, seed: 42, now: Self.now, zone: .utc)
    #expect(refused == 0)
    let (pipeline, problems) = Self.folded(events)
    #expect(problems.isEmpty)
    #expect(pipeline.leadCount == 2000)
    #expect(zip(events, events.dropFirst()).allSatisfy { $0.at <= $1.at })
    #expect(events.allSatisfy { $0.at <= Self.now })
    #expect(events.allSatisfy { $0.at >= Self.now - .days(100) })
    let perLead = Double(events.count) / 2000
    #expect(perLead > 4.5 && perLead < 8, "events per lead: \(perLead)")
  }

  @Test("a team of eight marketers and eight sales reps, one of them away")
  func team() {
    let (pipeline, _) = Self.folded(
      DemoTeam.events(leads: 50, seed: 1, now: Self.now, zone: .utc))
    let members = pipeline.members
    #expect(members.filter { $0.department == .marketing }.count == 8)
    #expect(members.filter { $0.department == .sales }.count == 8)
    #expect(members.filter(\.away).count == 1)
  }

  @Test("at 2000 leads every stage holds leads")
  func everyStage() {
    let (pipeline, _) = Self.folded(
      DemoTeam.events(leads: 2000, seed: 3, now: Self.now, zone: .utc))
    for stage in Stage.allCases {
      #expect(pipeline.count(in: stage) > 0, "no lead in \(stage)")
    }
    let recycled = pipeline.allLeads.filter { $0.stage == .nurturing && $0.recycled != nil }
    #expect(!recycled.isEmpty)
    let sales = SalesFigures(pipeline, at: Self.now)
    #expect(sales.followUpsOverdue > 0)
    #expect(sales.followUpsDue > 0)
    #expect(pipeline.allLeads.contains { !pipeline.notes(of: $0.id).isEmpty })
    #expect(Set(pipeline.allLeads.map(\.source)).count == 8)
  }

  @Test("the queue holds leads in every SLA state at now, assigned and not")
  func queue() {
    let (pipeline, _) = Self.folded(
      DemoTeam.events(leads: 2000, seed: 5, now: Self.now, zone: .utc))
    let queued = pipeline.leads(of: .stage(.queued), in: 0..<1000)
    let states = Set(queued.compactMap { Deadlines(pipeline).sla(of: $0, at: Self.now)?.state })
    #expect(states == [.ok, .dueSoon, .breached])
    #expect(queued.contains { $0.owner == nil })
    #expect(queued.contains { $0.owner != nil })
  }

  @Test(
    "any moment works: every step plans, the queue shows every SLA state",
    arguments: [
      "2026-11-22T03:00:00Z", "2026-11-23T08:00:00Z", "2026-12-01T00:30:00Z",
      "2027-03-28T12:00:00Z",
    ])
  func anyMoment(_ moment: String) {
    let now = Timestamp(iso8601: moment)!
    let zone = SystemZones().zone(named: "Europe/Berlin")!
    let (events, refused) = DemoTeam.generate(leads: 1000, seed: 13, now: now, zone: zone)
    #expect(refused == 0)
    let fold = PipelineFold(localZone: zone)
    let pipeline = fold.pipeline
    for (i, e) in events.enumerated() {
      #expect(
        fold.apply(Event(seq: Int64(i + 1), at: e.at, actor: e.actor, body: e.body)) == nil)
    }
    #expect(events.allSatisfy { $0.at <= now })
    let queued = pipeline.leads(of: .stage(.queued), in: 0..<1000)
    #expect(Set(queued.compactMap { Deadlines(pipeline).sla(of: $0, at: now)?.state }).count == 3)
    #expect(!TargetProgress.all(pipeline, at: now).isEmpty)
  }

  @Test("targets for the current period, with pace that varies")
  func targets() {
    let (pipeline, _) = Self.folded(
      DemoTeam.events(leads: 2000, seed: 9, now: Self.now, zone: .utc))
    let progress = TargetProgress.all(pipeline, at: Self.now)
    #expect(progress.filter { $0.scope == .team }.count == Metric.allCases.count)
    #expect(progress.contains { if case .member = $0.scope { true } else { false } })
    #expect(progress.contains { if case .department = $0.scope { true } else { false } })
    #expect(Set(progress.map(\.paceState)).count >= 2)
  }

  @Test("lead ids can start after existing leads")
  func offset() {
    let events = DemoTeam.events(
      leads: 100, seed: 2, now: Self.now, zone: .utc, firstLeadID: 5001)
    let (pipeline, problems) = Self.folded(events)
    #expect(problems.isEmpty)
    #expect(pipeline.lead(5001) != nil)
    #expect(pipeline.lead(1001) == nil)
  }

  @Test("the simulator proposes only actions the model accepts, over 2000 steps")
  func simulator() {
    let (fold, _) = Self.folding(
      DemoTeam.events(leads: 300, seed: 11, now: Self.now, zone: .utc))
    let pipeline = fold.pipeline
    var simulator = TeamSimulator(seed: 99)
    var now = Self.now
    var seq = pipeline.lastSeq
    var kinds: Set<EventKind> = []
    var stages: Set<Stage> = []
    for _ in 0..<2000 {
      now = now + .seconds(20)
      guard let (actor, command) = simulator.next(pipeline: pipeline, at: now) else {
        Issue.record("no action proposed")
        return
      }
      do {
        let body = try Planner(pipeline).plan(command, by: actor, at: now)
        seq += 1
        #expect(fold.apply(Event(seq: seq, at: now, actor: actor, body: body)) == nil)
        kinds.insert(body.kind)
        if case .leadMoved(let m) = body { stages.insert(m.to) }
      } catch {
        Issue.record("refused \(command) by \(actor): \(error)")
      }
    }
    #expect(kinds.isSuperset(of: [.leadCreated, .leadMoved, .leadAssigned, .noteAdded]))
    #expect(stages.isSuperset(of: [.mql, .queued, .accepted, .nurturing, .won, .lost]))
  }

  @Test("the simulator makes the same choices for the same seed and state")
  func simulatorDeterministic() {
    let events = DemoTeam.events(leads: 200, seed: 4, now: Self.now, zone: .utc)
    func run() -> [String] {
      let (fold, _) = Self.folding(events)
      let pipeline = fold.pipeline
      var simulator = TeamSimulator(seed: 5)
      var seq = pipeline.lastSeq
      var out: [String] = []
      for step in 1...200 {
        let at = Self.now + .seconds(Int64(step))
        guard let (actor, command) = simulator.next(pipeline: pipeline, at: at),
          let body = try? Planner(pipeline).plan(command, by: actor, at: at)
        else { continue }
        seq += 1
        fold.apply(Event(seq: seq, at: at, actor: actor, body: body))
        out.append("\(actor) \(command)")
      }
      return out
    }
    let first = run()
    #expect(first.count == 200)
    #expect(first == run())
  }

  @Test("the simulator starts an empty store with new leads")
  func simulatorEmpty() {
    let pipeline = PipelineFold(localZone: .utc).pipeline
    var simulator = TeamSimulator(seed: 1)
    let next = simulator.next(pipeline: pipeline, at: Self.now)
    guard case .addLead? = next?.command else {
      Issue.record("expected a new lead, got \(String(describing: next))")
      return
    }
  }
}
