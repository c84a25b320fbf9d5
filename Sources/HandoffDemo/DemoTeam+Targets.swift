import HandoffModel

extension DemoTeam {
  /// Targets for the current period, set at its start: for the team, each department
  /// and some members, sized from what the history actually does so that pace is
  /// plausible and varies (some on pace, some behind, some at risk).
  static func targets(
    pipeline: Pipeline, roster: DemoRoster, now: Timestamp, dice: inout DemoDice
  ) -> [PlannedEvent] {
    let period = pipeline.currentPeriod(at: now)
    let fraction = max(0.05, period.fractionElapsed(at: now, zone: pipeline.zone))
    let setAt = min(period.start(in: pipeline.zone) + .hours(9), now)
    var scoped: [(Scope, Metric)] = Metric.allCases.map { (.team, $0) }
    scoped += [
      (.department(.marketing), .mqls), (.department(.marketing), .handoffs),
      (.department(.sales), .accepted), (.department(.sales), .revenue),
    ]
    scoped += roster.marketing.prefix(4).map { (.member($0), .mqls) }
    for rep in roster.sales.dropFirst().prefix(5) {
      scoped += [(.member(rep), .won), (.member(rep), .revenue)]
    }
    var out: [PlannedEvent] = []
    for (scope, metric) in scoped {
      let actual = Double(pipeline.actual(metric, scope: scope, period: period))
      let pace = 0.6 + dice.unit() * 0.75
      var value = Int64((actual / fraction / pace).rounded())
      if metric.isMoney {
        value = max(1_000_000, value / 100_000 * 100_000)
      } else {
        value = max(2, value)
      }
      let target = Target(metric: metric, period: period, scope: scope, value: value)
      let actor = metric.department == .marketing ? roster.marketing[0] : roster.manager
      guard let body = try? Planner(pipeline).plan(.setTarget(target), by: actor, at: setAt) else {
        continue
      }
      out.append(PlannedEvent(at: setAt, actor: actor, body: body))
    }
    return out
  }

  /// Inserts events that share one moment into a time-sorted list, after everything
  /// at or before that moment.
  static func insert(_ extra: [PlannedEvent], into events: inout [PlannedEvent]) {
    guard let at = extra.first?.at else { return }
    var lo = 0
    var hi = events.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if events[mid].at <= at { lo = mid + 1 } else { hi = mid }
    }
    events.insert(contentsOf: extra, at: lo)
  }
}
