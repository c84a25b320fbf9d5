/// What a target counts.
public enum Metric: String, Sendable, CaseIterable, Hashable {
  case newLeads = "new-leads"
  case mqls
  case handoffs
  case accepted
  case won
  case revenue
  case followUps = "followups"

  /// A short label for screens.
  public var label: String {
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
  public var department: Department {
    switch self {
    case .newLeads, .mqls, .handoffs: return .marketing
    case .accepted, .won, .revenue, .followUps: return .sales
    }
  }

  /// Whether the metric is money (minor currency units) rather than a count.
  public var isMoney: Bool { self == .revenue }
}

/// Whose work a target covers.
public enum Scope: Hashable, Sendable, CustomStringConvertible {
  case team
  case department(Department)
  case member(String)

  /// `team`, `marketing`, `sales`, or `@handle`.
  public var description: String {
    switch self {
    case .team: return "team"
    case .department(let d): return d.rawValue
    case .member(let h): return "@" + h
    }
  }

  /// Parses the text written by `description`.
  public init?(_ text: String) {
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
public struct Target: Hashable, Sendable {
  /// What is counted.
  public var metric: Metric
  /// The month or quarter it covers.
  public var period: Period
  /// Team, department or member.
  public var scope: Scope
  /// The goal (a count, or minor currency units for revenue).
  public var value: Int64

  /// Creates a target.
  public init(metric: Metric, period: Period, scope: Scope, value: Int64) {
    self.metric = metric
    self.period = period
    self.scope = scope
    self.value = value
  }
}

/// The key under which a target is kept: one value per metric, period and scope.
public struct TargetKey: Hashable, Sendable {
  /// What is counted.
  public var metric: Metric
  /// The period.
  public var period: Period
  /// Whose work.
  public var scope: Scope

  /// Creates a key.
  public init(metric: Metric, period: Period, scope: Scope) {
    self.metric = metric
    self.period = period
    self.scope = scope
  }
}
