/// Sales' numbers.
package struct SalesFigures: Sendable, Equatable {
  /// Count and summed value of leads in each open sales stage.
  package var stages: [StageTotal]
  /// Open deals with no activity for the stale window.
  package var stale: Int
  /// Deals won this period and their revenue (minor units).
  package var wonThisPeriod: Int
  package var revenueThisPeriod: Int64
  /// The revenue target for this period (team or sales), if any.
  package var quota: Int64?
  /// won ÷ (won + lost) over the last 90 days; nil when none closed.
  package var winRate: Double?
  /// Open pipeline value ÷ quota still to go; nil without a quota, infinity when met.
  package var coverage: Double?
  /// Open pipeline value (accepted, meeting, negotiation).
  package var openPipeline: Int64
  /// Customers (won), follow-ups due in the next 7 days, and overdue.
  package var customers: Int
  package var followUpsDue: Int
  package var followUpsOverdue: Int
  /// Customers who churned this period.
  package var churnedThisPeriod: Int
}

/// Count and value of one stage.
package struct StageTotal: Sendable, Equatable {
  package var stage: Stage
  package var count: Int
  package var value: Int64
}

extension SalesFigures {
  /// Sales' numbers in `pipeline` at a moment.
  package init(_ pipeline: Pipeline, at now: Timestamp) {
    let zone = pipeline.zone
    let tallies = pipeline.tallies
    let period = pipeline.currentPeriod(at: now)
    let start = period.start(in: zone)
    let end = period.end(in: zone)
    let stages = [Stage.accepted, .meeting, .negotiation].map {
      StageTotal(stage: $0, count: pipeline.count(in: $0), value: pipeline.value(in: $0))
    }
    let open = stages.reduce(0) { $0 + $1.value }
    let revenue = tallies.total(.team(.won), from: start, to: end)
    let quota =
      pipeline.target(.revenue, period, .team)
      ?? pipeline.target(.revenue, period, .department(.sales))
    var coverage: Double?
    if let quota {
      let toGo = quota - revenue
      coverage = toGo > 0 ? Double(open) / Double(toGo) : .infinity
    }
    let quarterAgo = now - .days(90)
    let won90 = tallies.occurrences(.team(.won), from: quarterAgo, to: now + .minutes(1))
    let lost90 = tallies.occurrences(.lost, from: quarterAgo, to: now + .minutes(1))
    let overdue = pipeline.countBefore(now, in: .customers)
    let staleSince = now - .days(Int64(pipeline.settings.staleDays))
    self.init(
      stages: stages, stale: pipeline.countBefore(staleSince, in: .openDeals),
      wonThisPeriod: tallies.occurrences(.team(.won), from: start, to: end),
      revenueThisPeriod: revenue, quota: quota,
      winRate: won90 + lost90 > 0 ? Double(won90) / Double(won90 + lost90) : nil,
      coverage: coverage, openPipeline: open, customers: pipeline.count(in: .won),
      followUpsDue: pipeline.countBefore(now + .days(7), in: .customers) - overdue,
      followUpsOverdue: overdue,
      churnedThisPeriod: tallies.occurrences(.churned, from: start, to: end))
  }
}
