/// Which running series an occurrence is counted in.
package enum SeriesKey: Hashable, Sendable {
  /// A target metric for the whole team (revenue shares the `won` series, by amount).
  case team(Metric)
  /// A target metric credited to one member.
  case member(Metric, String)
  /// Queued leads rejected back to marketing.
  case rejected
  /// Deals lost.
  case lost
  /// Customers who left.
  case churned
  /// New leads from one source.
  case source(String)

  /// Whether the series sums an amount (revenue) rather than counting.
  package var tracksAmounts: Bool {
    switch self {
    case .team(.won), .member(.won, _): return true
    default: return false
    }
  }
}
