/// What a target counts.
package enum Metric: String, Sendable, CaseIterable, Hashable {
  case newLeads = "new-leads"
  case mqls
  case handoffs
  case accepted
  case won
  case revenue
  case followUps = "followups"

  /// A short label for screens.
  package var label: String {
    switch self {
    case .newLeads: return "New leads"
    case .mqls: return "MQLs"
    case .handoffs: return "Handoffs"
    case .accepted: return "Accepted"
    case .won: return "Deals won"
    case .revenue: return "Revenue won"
    case .followUps: return "Follow-ups"
    }
  }

  /// The department whose work this metric counts.
  package var department: Department {
    switch self {
    case .newLeads, .mqls, .handoffs: return .marketing
    case .accepted, .won, .revenue, .followUps: return .sales
    }
  }

  /// Whether the metric is money (minor currency units) rather than a count.
  package var isMoney: Bool { self == .revenue }
}

/// Whose work a target covers.
package enum Scope: Hashable, Sendable, CustomStringConvertible {
  case team
  case department(Department)
  case member(String)

  /// `team`, `marketing`, `sales`, or `@handle`.
  package var description: String {
    switch self {
    case .team: return "team"
    case .department(let d): return d.rawValue
    case .member(let h): return "@" + h
    }
  }

  /// Parses the text written by `description`.
  package init?(_ text: String) {
    if text == "team" {
      self = .team
    } else if let d = Department(rawValue: text) {
      self = .department(d)
    } else if text.hasPrefix("@"), text.count > 1 {
      self = .member(String(text.dropFirst()))
    } else {
      return nil
    }
  }
}

/// A goal for one metric, one period and one scope.
package struct Target: Hashable, Sendable {
  /// What is counted.
  package var metric: Metric
  /// The month or quarter it covers.
  package var period: Period
  /// Team, department or member.
  package var scope: Scope
  /// The goal (a count, or minor currency units for revenue).
  package var value: Int64

  /// Creates a target.
  package init(metric: Metric, period: Period, scope: Scope, value: Int64) {
    self.metric = metric
    self.period = period
    self.scope = scope
    self.value = value
  }
}

/// The key under which a target is kept: one value per metric, period and scope.
package struct TargetKey: Hashable, Sendable {
  /// What is counted.
  package var metric: Metric
  /// The period.
  package var period: Period
  /// Whose work.
  package var scope: Scope

  /// Creates a key.
  package init(metric: Metric, period: Period, scope: Scope) {
    self.metric = metric
    self.period = period
    self.scope = scope
  }
}
