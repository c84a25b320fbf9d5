/// Marketing's numbers: what is in its stages, what flows in, what came back.
public struct MarketingFigures: Sendable, Equatable {
  /// Leads in `new`, `nurturing` and `mql`.
  public var new: Int
  public var nurturing: Int
  public var mql: Int
  /// New leads per local day, oldest first, ending today (14 days).
  public var inflow: [Int]
  /// New leads per source over the same days, most first.
  public var sourceMix: [(source: String, count: Int)]
  /// Leads sent back by sales and still in nurturing.
  public var recycledWaiting: Int
  /// The most common reasons among them, most first (up to three).
  public var topReasons: [(reason: String, count: Int)]
  /// MQLs this period, and the team's (or marketing's) target for them.
  public var mqlsThisPeriod: Int64
  public var mqlTarget: Int64?

  public static func == (a: MarketingFigures, b: MarketingFigures) -> Bool {
    a.new == b.new && a.nurturing == b.nurturing && a.mql == b.mql && a.inflow == b.inflow
      && a.sourceMix.elementsEqual(b.sourceMix, by: { $0 == $1 })
      && a.recycledWaiting == b.recycledWaiting
      && a.topReasons.elementsEqual(b.topReasons, by: { $0 == $1 })
      && a.mqlsThisPeriod == b.mqlsThisPeriod && a.mqlTarget == b.mqlTarget
  }
}

/// The handoff queue's numbers.
public struct QueueFigures: Sendable, Equatable {
  /// Leads waiting for sales.
  public var size: Int
  /// How long the oldest has waited.
  public var oldestAge: Duration?
  /// Waiting longer than the SLA.
  public var breached: Int
  /// Within the last quarter of the SLA.
  public var dueSoon: Int
  /// Waiting with no rep assigned.
  public var unassigned: Int
  /// Median wait before acceptance, over leads accepted in the last 30 days.
  public var medianTimeToAccept: Duration?
  /// accepted ÷ (accepted + rejected) over the last 30 days; nil when neither happened.
  public var acceptanceRate: Double?
  /// The counts behind the rate.
  public var accepted30: Int
  public var rejected30: Int
}

/// Sales' numbers.
public struct SalesFigures: Sendable, Equatable {
  /// Count and summed value of leads in each open sales stage.
  public var stages: [StageTotal]
  /// Open deals with no activity for the stale window.
  public var stale: Int
  /// Deals won this period and their revenue (minor units).
  public var wonThisPeriod: Int
  public var revenueThisPeriod: Int64
  /// The revenue target for this period (team or sales), if any.
  public var quota: Int64?
  /// won ÷ (won + lost) over the last 90 days; nil when none closed.
  public var winRate: Double?
  /// Open pipeline value ÷ quota still to go; nil without a quota, infinity when met.
  public var coverage: Double?
  /// Open pipeline value (accepted, meeting, negotiation).
  public var openPipeline: Int64
  /// Customers (won), follow-ups due in the next 7 days, and overdue.
  public var customers: Int
  public var followUpsDue: Int
  public var followUpsOverdue: Int
  /// Customers who churned this period.
  public var churnedThisPeriod: Int
}

/// Count and value of one stage.
public struct StageTotal: Sendable, Equatable {
  public var stage: Stage
  public var count: Int
  public var value: Int64
}

/// How a target is going.
public struct TargetProgress: Sendable, Equatable {
  public var metric: Metric
  public var scope: Scope
  public var period: Period
  /// What has been done so far this period.
  public var actual: Int64
  /// The goal.
  public var target: Int64
  /// actual ÷ target.
  public var attainment: Double
  /// actual ÷ (target × fraction of the period elapsed); nil at the very start.
  public var pace: Double?
  /// The colour the pace gets.
  public var paceState: PaceState
}

/// Whether a target is on pace (≥ 99 %), behind (81–99 %) or at risk (< 81 %).
public enum PaceState: String, Sendable, Equatable {
  case onPace = "on pace"
  case behind
  case atRisk = "at risk"

  /// The state for a pace (nil, at the very start of a period, counts as on pace).
  public init(pace: Double?) {
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
public enum SLAState: String, Sendable, Equatable {
  case ok
  case dueSoon = "due soon"
  case breached
}
