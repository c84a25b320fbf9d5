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

extension TargetProgress {
  /// Progress on every target in `pipeline` whose period contains `now`: team first,
  /// then departments, then members; within each, in metric order.
  package static func all(_ pipeline: Pipeline, at now: Timestamp) -> [TargetProgress] {
    let zone = pipeline.zone
    var out: [TargetProgress] = []
    for (key, value) in pipeline.targetValues {
      let period = key.period
      guard period.start(in: zone) <= now, now < period.end(in: zone) else { continue }
      let actual = pipeline.actual(key.metric, scope: key.scope, period: period)
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
      let scope = scopeRank(p.scope)
      return (scope.0, scope.1, metric, p.period.description)
    }
    return out.sorted { rank($0) < rank($1) }
  }

  private static func scopeRank(_ scope: Scope) -> (Int, String) {
    switch scope {
    case .team: return (0, "")
    case .department(let d): return (1, d.rawValue)
    case .member(let h): return (2, h)
    }
  }
}
