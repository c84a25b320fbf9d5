extension Pipeline {
  /// The current period of the settings' kind at a moment.
  package func currentPeriod(at now: Timestamp) -> Period {
    Period.containing(now, kind: settings.periodKind, zone: zone)
  }

  /// Marketing's numbers at a moment.
  package func marketingFigures(at now: Timestamp) -> MarketingFigures {
    let today = zone.day(of: now)
    var inflow: [Int] = []
    for day in (today - 13)...today {
      inflow.append(
        occurrences(.team(.newLeads), from: zone.startOfDay(day), to: zone.startOfDay(day + 1)))
    }
    let windowStart = zone.startOfDay(today - 13)
    let windowEnd = zone.startOfDay(today + 1)
    var mix: [(source: String, count: Int)] = []
    for case (.source(let name), let s) in series {
      let n = s.count(from: windowStart, to: windowEnd)
      if n > 0 { mix.append((name, n)) }
    }
    mix.sort { ($0.count, $1.source) > ($1.count, $0.source) }
    let reasons = recycledWaiting.map { (reason: $0.key, count: $0.value) }
      .sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
    let period = currentPeriod(at: now)
    return MarketingFigures(
      new: count(in: .new), nurturing: count(in: .nurturing), mql: count(in: .mql),
      inflow: inflow, sourceMix: mix, recycledWaiting: reasons.reduce(0) { $0 + $1.count },
      topReasons: Array(reasons.prefix(3)),
      mqlsThisPeriod: actual(.mqls, scope: .team, period: period),
      mqlTarget: target(.mqls, period, .team) ?? target(.mqls, period, .department(.marketing)))
  }

  /// The handoff queue's numbers at a moment.
  package func queueFigures(at now: Timestamp) -> QueueFigures {
    let sla = settings.acceptanceSLA
    let queued = LeadList.stage(.queued)
    let size = count(of: queued)
    let oldest = leads(of: queued, in: 0..<1).first.map { now - $0.stageEnteredAt }
    // A lead is breached once its remaining time reaches zero, and due soon once it is
    // within the window: both edges are inclusive, hence the extra millisecond.
    let tick = Duration(milliseconds: 1)
    let breached = countBefore(now - sla + tick, in: queued)
    let dueSoon = countBefore(now - sla + dueSoonWindow + tick, in: queued) - breached
    let monthAgo = now - .days(30)
    let accepted = occurrences(.team(.accepted), from: monthAgo, to: now + .minutes(1))
    let rejected = occurrences(.rejected, from: monthAgo, to: now + .minutes(1))
    return QueueFigures(
      size: size, oldestAge: oldest, breached: breached, dueSoon: dueSoon,
      unassigned: unassignedQueued, medianTimeToAccept: medianTimeToAccept(from: monthAgo, to: now),
      acceptanceRate: accepted + rejected > 0
        ? Double(accepted) / Double(accepted + rejected) : nil,
      accepted30: accepted, rejected30: rejected)
  }

  /// Sales' numbers at a moment.
  package func salesFigures(at now: Timestamp) -> SalesFigures {
    let period = currentPeriod(at: now)
    let start = period.start(in: zone)
    let end = period.end(in: zone)
    let stages = [Stage.accepted, .meeting, .negotiation].map {
      StageTotal(stage: $0, count: count(in: $0), value: value(in: $0))
    }
    let open = stages.reduce(0) { $0 + $1.value }
    let revenue = total(.team(.won), from: start, to: end)
    let quota = target(.revenue, period, .team) ?? target(.revenue, period, .department(.sales))
    var coverage: Double?
    if let quota {
      let toGo = quota - revenue
      coverage = toGo > 0 ? Double(open) / Double(toGo) : .infinity
    }
    let quarterAgo = now - .days(90)
    let won90 = occurrences(.team(.won), from: quarterAgo, to: now + .minutes(1))
    let lost90 = occurrences(.lost, from: quarterAgo, to: now + .minutes(1))
    let overdue = countBefore(now, in: .customers)
    return SalesFigures(
      stages: stages, stale: countBefore(now - .days(Int64(settings.staleDays)), in: .openDeals),
      wonThisPeriod: occurrences(.team(.won), from: start, to: end), revenueThisPeriod: revenue,
      quota: quota, winRate: won90 + lost90 > 0 ? Double(won90) / Double(won90 + lost90) : nil,
      coverage: coverage, openPipeline: open, customers: count(in: .won),
      followUpsDue: countBefore(now + .days(7), in: .customers) - overdue,
      followUpsOverdue: overdue, churnedThisPeriod: occurrences(.churned, from: start, to: end))
  }

  /// What has been done toward a metric in a period, for a scope.
  package func actual(_ metric: Metric, scope: Scope, period: Period) -> Int64 {
    let start = period.start(in: zone)
    let end = period.end(in: zone)
    let key: SeriesKey
    switch scope {
    case .team: key = .team(metric == .revenue ? .won : metric)
    case .department(let d):
      // Each metric counts one department's work, so a department's figure is the
      // team's for its own metrics and nothing for the other's.
      guard metric.department == d else { return 0 }
      key = .team(metric == .revenue ? .won : metric)
    case .member(let h): key = .member(metric == .revenue ? .won : metric, h)
    }
    if metric == .won { return Int64(occurrences(key, from: start, to: end)) }
    return total(key, from: start, to: end)
  }

  /// Progress on every target whose period contains `now`: team first, then
  /// departments, then members; within each, in metric order.
  package func targetProgress(at now: Timestamp) -> [TargetProgress] {
    var out: [TargetProgress] = []
    for (key, value) in targetValues {
      let period = key.period
      guard period.start(in: zone) <= now, now < period.end(in: zone) else { continue }
      let actual = actual(key.metric, scope: key.scope, period: period)
      let fraction = period.fractionElapsed(at: now, zone: zone)
      let expected = Double(value) * fraction
      let pace = expected > 0 ? Double(actual) / expected : nil
      out.append(
        TargetProgress(
          metric: key.metric, scope: key.scope, period: period, actual: actual, target: value,
          attainment: Double(actual) / Double(value), pace: pace, paceState: PaceState(pace: pace)))
    }
    func rank(_ p: TargetProgress) -> (Int, String, Int, String) {
      let metric = Metric.allCases.firstIndex(of: p.metric) ?? 0
      return (scopeRank(p.scope).0, scopeRank(p.scope).1, metric, p.period.description)
    }
    return out.sorted { rank($0) < rank($1) }
  }

  private func scopeRank(_ scope: Scope) -> (Int, String) {
    switch scope {
    case .team: return (0, "")
    case .department(let d): return (1, d.rawValue)
    case .member(let h): return (2, h)
    }
  }

  /// The window before the SLA runs out in which a queued lead is "due soon":
  /// the last quarter of the SLA.
  package var dueSoonWindow: Duration {
    Duration(milliseconds: settings.acceptanceSLA.milliseconds / 4)
  }

  /// Where a queued lead stands against the SLA at a moment, and the time left
  /// (negative once breached). Nil for leads not in the queue.
  package func sla(of lead: Lead, at now: Timestamp) -> (state: SLAState, remaining: Duration)? {
    guard lead.stage == .queued else { return nil }
    let remaining = (lead.stageEnteredAt + settings.acceptanceSLA) - now
    if remaining.milliseconds <= 0 { return (.breached, remaining) }
    if remaining <= dueSoonWindow { return (.dueSoon, remaining) }
    return (.ok, remaining)
  }

  /// Whether an open deal has had no activity for the stale window at a moment.
  package func isStale(_ lead: Lead, at now: Timestamp) -> Bool {
    lead.stage.isOpenDeal && lead.lastActivityAt < now - .days(Int64(settings.staleDays))
  }

  /// The next moment a figure or a lead's SLA state changes on its own, with no new
  /// event: the loop sleeps until then (or until an event arrives).
  package func nextSLAChange(after now: Timestamp) -> Timestamp? {
    // Queued leads are sorted by entry, so each edge's next occurrence belongs to the
    // first lead that has not reached it yet: two binary searches.
    let sla = settings.acceptanceSLA
    let queued = LeadList.stage(.queued)
    var next: Timestamp?
    for offset in [sla - dueSoonWindow, sla] {
      let cutoff = now - offset + Duration(milliseconds: 1)
      let i = countBefore(cutoff, in: queued)
      if let first = leads(of: queued, in: i..<(i + 1)).first {
        let edge = first.stageEnteredAt + offset
        if next.map({ edge < $0 }) ?? true { next = edge }
      }
    }
    return next
  }

  private func medianTimeToAccept(from start: Timestamp, to end: Timestamp) -> Duration? {
    let lo = TimeSeries.minuteCeiling(start)
    let hi = TimeSeries.minute(end)
    let key = MedianCacheKey(
      start: lo, end: hi, count: acceptances.count, lastMinute: acceptances.last?.at ?? 0)
    if let cached = medianCache, cached.key == key { return cached.value }
    var waits: [Int32] = []
    var i = acceptances.count - 1
    while i >= 0, acceptances[i].at >= lo {
      if acceptances[i].at <= hi { waits.append(acceptances[i].seconds) }
      i -= 1
    }
    var value: Duration?
    if !waits.isEmpty {
      waits.sort()
      let n = waits.count
      let seconds =
        n % 2 == 1 ? Int64(waits[n / 2]) : (Int64(waits[n / 2 - 1]) + Int64(waits[n / 2])) / 2
      value = .seconds(seconds)
    }
    medianCache = (key, value)
    return value
  }
}
