/// Marketing's numbers: what is in its stages, what flows in, what came back.
package struct MarketingFigures: Sendable, Equatable {
  /// Leads in `new`, `nurturing` and `mql`.
  package var new: Int
  package var nurturing: Int
  package var mql: Int
  /// New leads per local day, oldest first, ending today (14 days).
  package var inflow: [Int]
  /// New leads per source over the same days, most first.
  package var sourceMix: [(source: String, count: Int)]
  /// Leads sent back by sales and still in nurturing.
  package var recycledWaiting: Int
  /// The most common reasons among them, most first (up to three).
  package var topReasons: [(reason: String, count: Int)]
  /// MQLs this period, and the team's (or marketing's) target for them.
  package var mqlsThisPeriod: Int64
  package var mqlTarget: Int64?

  package static func == (a: MarketingFigures, b: MarketingFigures) -> Bool {
    a.new == b.new && a.nurturing == b.nurturing && a.mql == b.mql && a.inflow == b.inflow
      && a.sourceMix.elementsEqual(b.sourceMix, by: { $0 == $1 })
      && a.recycledWaiting == b.recycledWaiting
      && a.topReasons.elementsEqual(b.topReasons, by: { $0 == $1 })
      && a.mqlsThisPeriod == b.mqlsThisPeriod && a.mqlTarget == b.mqlTarget
  }
}

/// The handoff queue's numbers.
package struct QueueFigures: Sendable, Equatable {
  /// Leads waiting for sales.
  package var size: Int
  /// How long the oldest has waited.
  package var oldestAge: Duration?
  /// Waiting longer than the SLA.
  package var breached: Int
  /// Within the last quarter of the SLA.
  package var dueSoon: Int
  /// Waiting with no rep assigned.
  package var unassigned: Int
  /// Median wait before acceptance, over leads accepted in the last 30 days.
  package var medianTimeToAccept: Duration?
  /// accepted ÷ (accepted + rejected) over the last 30 days; nil when neither happened.
  package var acceptanceRate: Double?
  /// The counts behind the rate.
  package var accepted30: Int
  package var rejected30: Int
}

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

/// How a target is going.
package struct TargetProgress: Sendable, Equatable {
  package var metric: Metric
  package var scope: Scope
  package var period: Period
  /// What has been done so far this period.
  package var actual: Int64
  /// The goal.
  package var target: Int64
  /// actual ÷ target.
  package var attainment: Double
  /// actual ÷ (target × fraction of the period elapsed); nil at the very start.
  package var pace: Double?
  /// The colour the pace gets.
  package var paceState: PaceState
}

/// Whether a target is on pace (≥ 99 %), behind (81–99 %) or at risk (< 81 %).
package enum PaceState: String, Sendable, Equatable {
  case onPace = "on pace"
  case behind
  case atRisk = "at risk"

  /// The state for a pace (nil, at the very start of a period, counts as on pace).
  package init(pace: Double?) {
    guard let pace else {
      self = .onPace
      return
    }
    if pace >= 0.99 {
      self = .onPace
    } else if pace >= 0.81 {
      self = .behind
    } else {
      self = .atRisk
    }
  }
}

/// Where a queued lead stands against the acceptance SLA.
package enum SLAState: String, Sendable, Equatable {
  case ok
  case dueSoon = "due soon"
  case breached
}
