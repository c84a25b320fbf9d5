import HandoffModel

/// Numbers and labels as the dashboard and the CLI show them.
package enum Format {
  /// Two digits at least: `07`, `12`, `123`.
  static func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

  /// A fraction as a whole percentage: `73%`; `none` (`—`) when there is no figure.
  package static func percent(_ value: Double?, none: String = "—") -> String {
    guard let value, value.isFinite, abs(value) < 1e15 else { return none }
    return "\(Int((value * 100).rounded()))%"
  }

  /// A ratio to one decimal: `1.4`, `143.0`.
  package static func oneDecimal(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    // Past what an Int holds (a quota all but met), the number as Swift writes it.
    guard value.isFinite, abs(tenths) < 1e15 else { return String(tenths / 10) }
    let whole = Int(tenths)
    return (whole < 0 ? "-" : "") + "\(whole.magnitude / 10).\(whole.magnitude % 10)"
  }

  /// A multiple: `1.4×`, `∞` when the quota is already met, `—` without a quota.
  package static func times(_ value: Double?) -> String {
    guard let value else { return "—" }
    guard value.isFinite else { return "∞" }
    return oneDecimal(value) + "×"
  }

  /// A stage in at most five letters, for narrow columns.
  package static func stage(_ stage: Stage) -> String {
    switch stage {
    case .new: return "new"
    case .nurturing: return "nurt"
    case .mql: return "mql"
    case .queued: return "queue"
    case .accepted: return "acc"
    case .meeting: return "meet"
    case .negotiation: return "nego"
    case .won: return "won"
    case .lost: return "lost"
    case .disqualified: return "disq"
    case .churned: return "churn"
    }
  }
}
