import HandoffModel

/// The history of one demo lead, walked forward from its capture through plausible
/// stages until it settles or reaches `now`: the steps are scheduled here and planned
/// against the model later, in time order with every other lead's.
struct DemoLeadWalk {
  private let index: Int32
  private let now: Timestamp
  private let roster: DemoRoster
  private let zone: Zone
  private(set) var steps: [DemoStep] = []
  /// The fields the lead is captured with.
  let newLead: NewLead
  private var t: Timestamp
  private var stage = Stage.new
  private var score: Int
  private var value: Int64
  /// The marketer who owns it while it is with marketing.
  private var marketer: String?
  /// The rep who owns it (or is expected to accept it) while it is with sales.
  private var rep: String?

  /// Starts a walk with the lead's capture at `createdAt`.
  init(
    index: Int32, createdAt: Timestamp, now: Timestamp, roster: DemoRoster, zone: Zone,
    dice: inout DemoDice
  ) {
    self.zone = zone
    self.index = index
    self.now = now
    self.roster = roster
    self.t = createdAt
    let new = DemoLeadWalk.newLead(dice: &dice, roster: roster, owned: dice.chance(0.85))
    score = new.score
    value = new.value
    marketer = new.owner
    steps.append(
      DemoStep(
        at: createdAt, lead: index, actor: new.owner ?? roster.marketer(&dice),
        action: .create))
    newLead = new
  }

  /// A plausible new lead: name, company, source mix, segment, score and value.
  static func newLead(dice: inout DemoDice, roster: DemoRoster?, owned: Bool) -> NewLead {
    let f = dice.int(0...(DemoCatalog.firstNames.count - 1))
    let l = dice.int(0...(DemoCatalog.lastNames.count - 1))
    let c = dice.int(0...(DemoCatalog.companyStems.count - 1))
    let x = dice.int(0...(DemoCatalog.companySuffixes.count - 1))
    let first = DemoCatalog.firstNames[f]
    let last = DemoCatalog.lastNames[l]
    let company = DemoCatalog.companyStems[c] + " " + DemoCatalog.companySuffixes[x]
    let domain = DemoCatalog.lowerStems[c] + DemoCatalog.lowerSuffixes[x] + ".example"
    let source = DemoCatalog.sources[dice.weighted(DemoCatalog.sourceWeights)]
    let segment = DemoCatalog.segments[dice.weighted(DemoCatalog.segmentWeights)]
    return NewLead(
      name: first + " " + last, company: company,
      email: DemoCatalog.lowerFirstNames[f] + "." + DemoCatalog.lowerLastNames[l] + "@" + domain,
      source: source.name,
      segment: segment.name, score: dice.int(source.score),
      value: Int64(dice.int(segment.value) / 100 * 100) * 100,
      owner: owned ? roster?.marketer(&dice) : nil)
  }

  /// Walks the lead on until it settles in a stage or the next step would pass `now`.
  mutating func run(dice: inout DemoDice) {
    for _ in 0..<40 {
      guard advance(dice: &dice) else { return }
    }
  }

  /// Walks a lead straight to the handoff queue, arriving there `age` before now, so
  /// the queue shows every SLA state.
  mutating func runToQueue(age: Duration, dice: inout DemoDice) {
    let queuedAt = now - age
    let qualifiedAt = queuedAt - dice.between(.minutes(20), .hours(3))
    guard qualifiedAt > t else { return }
    if dice.chance(0.5) {
      let nurturedAt = t + Duration(milliseconds: (qualifiedAt - t).milliseconds / 2)
      schedule(at: nurturedAt, marketingActor(&dice), .move(.nurturing, reason: nil))
    }
    schedule(at: qualifiedAt, marketingActor(&dice), .move(.mql, reason: nil))
    schedule(at: queuedAt, marketingActor(&dice), .handOff)
    if dice.chance(0.5), age > .minutes(3) {
      let assignAt = queuedAt + dice.between(.minutes(1), min(age - .minutes(1), .minutes(30)))
      schedule(at: assignAt, roster.manager, .assign(roster.rep(&dice, at: assignAt), note: nil))
    }
  }

  // MARK: One stage at a time

  /// Takes the next step from the current stage; false once the lead stays put.
  private mutating func advance(dice: inout DemoDice) -> Bool {
    switch stage {
    case .new:
      let r = dice.unit()
      if r < 0.10 {
        return disqualify(after: dice.between(.hours(2), .days(3)), dice: &dice)
      } else if r < 0.32 {
        return qualify(after: dice.between(.hours(1), .days(2)), dice: &dice)
      }
      return moveMarketing(.nurturing, after: dice.between(.hours(4), .days(3)), dice: &dice)
    case .nurturing:
      if dice.chance(0.3) {
        let text = dice.pick(DemoCatalog.marketingNotes)
        guard emit(after: dice.between(.hours(6), .days(5)), marketingActor(&dice), .note(text))
        else { return false }
      }
      let r = dice.unit()
      if r < 0.12 { return disqualify(after: dice.between(.days(2), .days(20)), dice: &dice) }
      if r < 0.85 { return qualify(after: dice.between(.days(2), .days(20)), dice: &dice) }
      return false
    case .mql:
      if dice.chance(0.06) {
        return moveMarketing(.nurturing, after: dice.between(.hours(2), .days(2)), dice: &dice)
      }
      let actor = marketingActor(&dice)
      guard emit(after: dice.skewed(.minutes(30), .days(2)), actor, .handOff) else { return false }
      marketer = actor
      rep = nil
      stage = .queued
      return true
    case .queued:
      return decideQueued(dice: &dice)
    case .accepted:
      return workAccepted(dice: &dice)
    case .meeting:
      guard maybeNote(0.4, dice: &dice) else { return false }
      let r = dice.unit()
      if r < 0.6 {
        return moveSales(.negotiation, after: dice.between(.days(2), .days(10)), dice: &dice)
      }
      if r < 0.75 { return win(after: dice.between(.days(2), .days(10)), dice: &dice) }
      return lose(after: dice.between(.days(2), .days(10)), dice: &dice)
    case .negotiation:
      guard maybeNote(0.3, dice: &dice) else { return false }
      if dice.chance(0.55) { return win(after: dice.between(.days(3), .days(14)), dice: &dice) }
      return lose(after: dice.between(.days(3), .days(14)), dice: &dice)
    case .won:
      return keepCustomer(dice: &dice)
    case .lost:
      guard dice.chance(0.06) else { return false }
      guard
        emit(
          after: dice.between(.days(20), .days(45)), roster.marketer(&dice),
          .move(.nurturing, reason: nil))
      else { return false }
      marketer = nil
      stage = .nurturing
      return true
    case .disqualified, .churned:
      return false
    }
  }

  private mutating func decideQueued(dice: inout DemoDice) -> Bool {
    let queuedAt = t
    if dice.chance(0.65) {
      let delay = dice.between(.minutes(2), .minutes(40))
      let handle = roster.rep(&dice, at: t + delay)
      guard emit(after: delay, roster.manager, .assign(handle, note: nil)) else { return false }
      rep = handle
    }
    let wait = dice.skewed(.minutes(5), .hours(10))
    let at = max(queuedAt + wait, t + .minutes(1))
    let actor = rep ?? roster.rep(&dice, at: at)
    if dice.chance(0.13) {
      let reason = dice.pick(DemoCatalog.rejectReasons)
      guard schedule(at: at, actor, .reject(reason)) else { return false }
      rep = nil
      stage = .nurturing
      return true
    }
    guard schedule(at: at, actor, .accept) else { return false }
    rep = actor
    stage = .accepted
    return true
  }

  private mutating func workAccepted(dice: inout DemoDice) -> Bool {
    guard maybeNote(0.35, dice: &dice) else { return false }
    if dice.chance(0.06) {
      let delay = dice.between(.hours(2), .days(3))
      let handle = roster.rep(&dice, at: t + delay, other: rep)
      let note = dice.pick(DemoCatalog.reassignNotes)
      guard emit(after: delay, roster.manager, .assign(handle, note: note)) else { return false }
      rep = handle
    }
    let delay = dice.between(.days(1), .days(6))
    let r = dice.unit()
    if r < 0.56 { return moveSales(.meeting, after: delay, dice: &dice) }
    if r < 0.68 { return moveSales(.negotiation, after: delay, dice: &dice) }
    if r < 0.83 { return lose(after: delay, dice: &dice) }
    if r < 0.93 {
      let reason = dice.pick(DemoCatalog.recycleReasons)
      guard emit(after: delay, salesActor(&dice), .reject(reason)) else { return false }
      rep = nil
      stage = .nurturing
      return true
    }
    return false
  }

  private mutating func keepCustomer(dice: inout DemoDice) -> Bool {
    let due = t + .days(30)
    if dice.chance(0.06) {
      let reason = dice.pick(DemoCatalog.churnReasons)
      guard
        emit(
          after: dice.between(.days(10), .days(60)), salesActor(&dice),
          .move(.churned, reason: reason))
      else { return false }
      stage = .churned
      return true
    }
    // Some customers are never followed up on time: they show as overdue.
    guard dice.chance(0.75) else { return false }
    let at = due + dice.between(.days(-4), .days(6))
    return schedule(at: max(at, t + .minutes(1)), salesActor(&dice), .followUp)
  }

  // MARK: Moves

  private mutating func qualify(after delay: Duration, dice: inout DemoDice) -> Bool {
    if score < 60, dice.chance(0.6) {
      var next = dice.int(60...95)
      if next == score { next += 1 }
      guard emit(after: delay / 2, marketingActor(&dice), .score(next)) else { return false }
      score = next
    }
    return moveMarketing(.mql, after: delay, dice: &dice)
  }

  private mutating func disqualify(after delay: Duration, dice: inout DemoDice) -> Bool {
    let reason = dice.pick(DemoCatalog.disqualifyReasons)
    guard emit(after: delay, marketingActor(&dice), .move(.disqualified, reason: reason)) else {
      return false
    }
    stage = .disqualified
    return true
  }

  private mutating func moveMarketing(_ to: Stage, after delay: Duration, dice: inout DemoDice)
    -> Bool
  {
    guard emit(after: delay, marketingActor(&dice), .move(to, reason: nil)) else { return false }
    stage = to
    return true
  }

  private mutating func moveSales(_ to: Stage, after delay: Duration, dice: inout DemoDice) -> Bool
  {
    guard emit(after: delay, salesActor(&dice), .move(to, reason: nil)) else { return false }
    stage = to
    return true
  }

  private mutating func win(after delay: Duration, dice: inout DemoDice) -> Bool {
    var final: Int64?
    if dice.chance(0.5) {
      final = value * Int64(80 + dice.int(0...40)) / 100 / 10_000 * 10_000
    }
    guard emit(after: delay, salesActor(&dice), .won(final)) else { return false }
    if let final { value = final }
    stage = .won
    return true
  }

  private mutating func lose(after delay: Duration, dice: inout DemoDice) -> Bool {
    let reason = dice.pick(DemoCatalog.lossReasons)
    guard emit(after: delay, salesActor(&dice), .lost(reason)) else { return false }
    stage = .lost
    return true
  }

  private mutating func maybeNote(_ p: Double, dice: inout DemoDice) -> Bool {
    guard dice.chance(p) else { return true }
    let text = dice.pick(stage == .won ? DemoCatalog.customerNotes : DemoCatalog.salesNotes)
    return emit(after: dice.between(.hours(1), .days(2)), salesActor(&dice), .note(text))
  }

  // MARK: Scheduling

  private mutating func marketingActor(_ dice: inout DemoDice) -> String {
    marketer ?? roster.marketer(&dice)
  }

  private mutating func salesActor(_ dice: inout DemoDice) -> String {
    rep ?? roster.rep(&dice, at: t)
  }

  /// Schedules a step `delay` (at least a minute) after the last, moved into working
  /// hours; false, and nothing scheduled, when that would be after now.
  @discardableResult
  private mutating func emit(after delay: Duration, _ actor: String, _ action: DemoAction) -> Bool {
    schedule(at: workingHours(t + max(delay, .minutes(1))), actor, action)
  }

  /// The moment, or the next weekday morning if it falls at night or on a weekend
  /// (local time), so the team's history looks like office hours.
  private func workingHours(_ moment: Timestamp) -> Timestamp {
    var day = zone.day(of: moment)
    let local = moment.milliseconds + zone.offsetSeconds(at: moment) * 1000
    let hour = (local - day * 86_400_000) / 3_600_000
    if hour >= 8, hour < 19, !DemoLeadWalk.isWeekend(day) { return moment }
    if hour >= 19 { day += 1 }
    while DemoLeadWalk.isWeekend(day) { day += 1 }
    // A spread through the first hours of the morning, fixed by the moment itself.
    let jitter = Duration(milliseconds: moment.milliseconds % (150 * 60_000))
    return zone.startOfDay(day) + .hours(8) + jitter
  }

  /// Whether a local day (days since 1970-01-01, a Thursday) is a Saturday or Sunday.
  private static func isWeekend(_ day: Int64) -> Bool {
    let weekday = ((day + 4) % 7 + 7) % 7  // 0 is Sunday
    return weekday == 0 || weekday == 6
  }

  @discardableResult
  private mutating func schedule(at moment: Timestamp, _ actor: String, _ action: DemoAction)
    -> Bool
  {
    guard moment <= now, moment > t else { return false }
    t = moment
    steps.append(DemoStep(at: moment, lead: index, actor: actor, action: action))
    return true
  }
}

extension Duration {
  /// A duration divided into equal parts.
  fileprivate static func / (lhs: Duration, rhs: Int64) -> Duration {
    Duration(milliseconds: lhs.milliseconds / rhs)
  }
}
