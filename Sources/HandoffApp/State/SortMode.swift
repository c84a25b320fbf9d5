import HandoffModel

/// How lists are ordered; `s` cycles through the modes.
package enum SortMode: Int, CaseIterable, Hashable, Sendable {
  /// Each list's own order: most urgent first (oldest in the queue, stale deals first).
  case urgency
  /// Highest score first.
  case score
  /// Highest estimated value first.
  case value
  /// Most recent activity first.
  case recent
  /// By name, A to Z.
  case name

  /// The label shown in the status bar and list titles.
  package var label: String {
    switch self {
    case .urgency: return "urgency"
    case .score: return "score"
    case .value: return "value"
    case .recent: return "recent"
    case .name: return "name"
    }
  }

  /// The mode after this one.
  var next: SortMode { SortMode(rawValue: (rawValue + 1) % SortMode.allCases.count) ?? .urgency }

  /// Whether `a` comes before `b` in this mode (ties by id, so the order is total).
  func ordered(_ a: Lead, _ b: Lead) -> Bool {
    switch self {
    case .urgency: return false
    case .score: return (a.score, b.id) > (b.score, a.id)
    case .value: return (a.value, b.id) > (b.value, a.id)
    case .recent:
      return (a.lastActivityAt.milliseconds, b.id) > (b.lastActivityAt.milliseconds, a.id)
    case .name:
      let x = a.name.lowercased()
      let y = b.name.lowercased()
      return x == y ? a.id < b.id : x < y
    }
  }
}
