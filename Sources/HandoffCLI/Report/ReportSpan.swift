import HandoffModel
import HandoffPresentation

/// The words the report's text and Markdown share: the span, the departments' titles,
/// a target's cells.
enum ReportSpan {
  /// `2026-12-01 00:00 to 2026-12-02 09:14 (Europe/Berlin)`.
  static func describe(_ r: StandupReport) -> String {
    LocalTime.format(r.from, zone: r.zone) + " to " + LocalTime.format(r.to, zone: r.zone)
      + " (" + r.zone.identifier + ")"
  }

  /// `Marketing`, `Sales`, or `Others` (actors who are not members).
  static func title(_ department: Department?) -> String {
    switch department {
    case .marketing: return "Marketing"
    case .sales: return "Sales"
    case nil: return "Others (not on the team)"
    }
  }

  /// A target's row: scope, metric, period, actual, target, attainment, pace, state.
  static func targetCells(_ t: TargetProgress, currency: String) -> [String] {
    func amount(_ v: Int64) -> String {
      t.metric.isMoney ? Money.compact(v, currency: currency) : String(v)
    }
    return [
      t.scope.description, t.metric.rawValue, t.period.description, amount(t.actual),
      amount(t.target), Format.percent(t.attainment, none: "-"),
      Format.percent(t.pace, none: "-"), t.paceState.rawValue,
    ]
  }
}
