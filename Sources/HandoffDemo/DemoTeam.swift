import HandoffModel

/// Demo data: a realistic sales-and-marketing team with a history of leads, for
/// `handoff demo`, screenshots and the benchmark.
///
/// About eight marketers and eight sales reps join 100 days before `now`; leads are
/// captured over the last 90 days from a realistic mix of sources and walked through
/// plausible histories (nurturing, qualification, handoff, acceptance or rejection,
/// meetings, negotiation, wins and losses, follow-ups, churn), with a few leads in the
/// handoff queue in every SLA state at `now`, and targets for the current period.
/// Every event is planned against the state it follows, so the whole list applies
/// cleanly in order. The same seed always gives the same events.
package enum DemoTeam {
  /// The demo history, sorted by time, every event at or before `now`. Lead ids start
  /// at `firstLeadID` (1001 in an empty store).
  package static func events(
    leads: Int, seed: UInt64, now: Timestamp, zone: Zone, firstLeadID: Int = 1001
  ) -> [PlannedEvent] {
    generate(leads: leads, seed: seed, now: now, zone: zone, firstLeadID: firstLeadID).events
  }

  /// The events, and how many scheduled steps the model refused (zero when the
  /// generator is right; tests check it).
  static func generate(
    leads: Int, seed: UInt64, now: Timestamp, zone: Zone, firstLeadID: Int = 1001
  ) -> (events: [PlannedEvent], refused: Int) {
    var dice = DemoDice(seed: seed)
    let roster = DemoRoster(dice: &dice, now: now)
    let team = teamSteps(roster: roster, leads: leads, now: now)
    var steps = team.steps
    var newLeads: [NewLead] = []
    newLeads.reserveCapacity(max(0, leads))
    steps.reserveCapacity(leads * 7 + steps.count)
    let queueAges = queueAges(count: min(leads, max(10, leads / 250)))
    for i in 0..<max(0, leads) {
      var createdAt = captureTime(now: now, zone: zone, dice: &dice)
      if i < queueAges.count {
        // Queue leads were captured well before they reached the queue.
        createdAt = min(createdAt, now - queueAges[i] - dice.between(.days(1), .days(20)))
      }
      var walk = DemoLeadWalk(
        index: Int32(i), createdAt: createdAt, now: now, roster: roster, zone: zone,
        dice: &dice)
      if i < queueAges.count {
        walk.runToQueue(age: queueAges[i], dice: &dice)
      } else {
        walk.run(dice: &dice)
      }
      steps.append(contentsOf: walk.steps)
      newLeads.append(walk.newLead)
    }
    let played = play(
      steps, newLeads: newLeads, teamCommands: team.commands, zone: zone, firstLeadID: firstLeadID)
    var events = played.events
    insert(
      targets(pipeline: played.pipeline, roster: roster, now: now, dice: &dice), into: &events)
    return (events, played.refused)
  }

  /// Plans and applies the steps in time order on a scratch pipeline. A step the model
  /// refuses drops the rest of its lead's history (and is counted).
  private static func play(
    _ steps: [DemoStep], newLeads: [NewLead], teamCommands: [Command], zone: Zone,
    firstLeadID: Int
  ) -> (events: [PlannedEvent], refused: Int, pipeline: Pipeline) {
    let leads = newLeads.count
    // Steps of one lead are in time order in the array, so sorting by (time, position)
    // keeps each lead's history in order.
    var order = Array(0..<steps.count)
    order.sort { a, b in
      let ta = steps[a].at
      let tb = steps[b].at
      return ta != tb ? ta < tb : a < b
    }
    let fold = PipelineFold(localZone: zone)
    let pipeline = fold.pipeline
    var ids = [Int](repeating: 0, count: max(0, leads))
    var dropped = [Bool](repeating: false, count: max(0, leads))
    var events: [PlannedEvent] = []
    events.reserveCapacity(steps.count + 64)
    var refused = 0
    var seq: Int64 = 0
    for i in order {
      let step = steps[i]
      let lead = Int(step.lead)
      if lead >= 0, dropped[lead] { continue }
      let command: Command
      switch step.action {
      case .create: command = .addLead(newLeads[lead])
      case .team(let i): command = teamCommands[Int(i)]
      default: command = step.action.command(lead: ids[lead]) ?? .addLead(newLeads[lead])
      }
      do {
        // The manager routes the queue knowing who is busy: past a rep's capacity too,
        // as `assign --force` does.
        let body = try Planner(pipeline).plan(
          command, by: step.actor, at: step.at, overriding: .force)
        seq += 1
        guard fold.apply(Event(seq: seq, at: step.at, actor: step.actor, body: body)) == nil
        else { throw ModelError.nothingChanged("does not fold") }
        if case .leadCreated(let created) = body { ids[lead] = created.lead.id }
        let offset = firstLeadID - 1001
        events.append(
          PlannedEvent(
            at: step.at, actor: step.actor, body: offset == 0 ? body : body.shifted(by: offset)))
      } catch {
        refused += 1
        if lead >= 0 { dropped[lead] = true }
      }
    }
    return (events, refused, pipeline)
  }

  /// The team joining 100 days ago, and one rep going on leave three days ago. The
  /// marketing lead adds herself (to the empty team) and her team and the sales
  /// manager, who adds his reps: only members write to a team. Both are managers.
  private static func teamSteps(roster: DemoRoster, leads: Int, now: Timestamp) -> (
    steps: [DemoStep], commands: [Command]
  ) {
    let start = now - .days(100)
    var steps: [DemoStep] = []
    var commands: [Command] = []
    func add(_ at: Timestamp, _ actor: String, _ command: Command) {
      steps.append(DemoStep(at: at, lead: -1, actor: actor, action: .team(Int32(commands.count))))
      commands.append(command)
    }
    let capacity = max(25, leads / 40)
    for (i, m) in DemoCatalog.marketing.enumerated() {
      add(
        start + .minutes(Int64(i)), roster.marketing[0],
        .addMember(
          handle: m.handle, name: m.name, department: .marketing, capacity: nil,
          role: i == 0 ? .manager : .member))
    }
    for (i, m) in DemoCatalog.sales.enumerated() {
      add(
        start + .minutes(Int64(10 + i)), i == 0 ? roster.marketing[0] : roster.manager,
        .addMember(
          handle: m.handle, name: m.name, department: .sales,
          capacity: i % 3 == 1 ? capacity : nil, role: i == 0 ? .manager : .member))
    }
    add(
      roster.awayFrom, roster.manager,
      .updateMember(handle: roster.away, away: true, capacity: nil, name: nil))
    return (steps, commands)
  }

  /// How long before `now` the queue leads were handed off: fresh, due soon, breached.
  private static func queueAges(count: Int) -> [Duration] {
    let spread: [Duration] = [
      .minutes(4), .hours(7), .minutes(35), .minutes(200), .minutes(270), .minutes(80),
      .minutes(225), .hours(26), .minutes(150), .minutes(235),
    ]
    return (0..<count).map { i in
      spread[i % spread.count] + .minutes(Int64(i / spread.count) % 30)
    }
  }

  /// When a lead is captured: within the last 90 days, more of them lately, during
  /// local working hours.
  private static func captureTime(now: Timestamp, zone: Zone, dice: inout DemoDice)
    -> Timestamp
  {
    let u = dice.unit()
    let age = Duration(
      milliseconds: Int64(Double(Duration.days(90).milliseconds) * u * u.squareRoot()))
    let day = zone.day(of: now - age)
    let moment = zone.startOfDay(day) + .hours(7) + dice.between(.zero, .hours(12))
    if moment <= now { return moment }
    return now - dice.between(.minutes(1), .hours(2))
  }
}

extension Duration {
  /// No time at all.
  static let zero = Duration(milliseconds: 0)
}
