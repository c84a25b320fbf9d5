import HandoffModel
import HandoffPresentation

/// What stands behind a department's numbers, a line each: the reasons for rejections,
/// recycling and losses, the deals won, the SLA breaches and who held them. Data text is
/// left as it is: the caller makes it safe for where it goes.
enum ReportDetails {
  struct Line {
    let label: String
    let text: String
  }

  /// The lines for a department, naming at most `named` deals and breaches.
  static func lines(
    _ group: DepartmentActivity, currency: String, named: Int, safe: (String) -> String
  ) -> [Line] {
    let m = group.total
    var out: [Line] = []
    func reasons(_ label: String, _ counts: [ReasonCount]) {
      guard !counts.isEmpty else { return }
      out.append(
        Line(
          label: label,
          text: counts.map {
            "\(safe($0.reason.isEmpty ? "no reason given" : $0.reason)) (\($0.count))"
          }
          .joined(separator: ", ")))
    }
    func more(_ items: [String], _ total: Int) -> String {
      items.joined(separator: ", ")
        + (total > items.count ? ", and \(total - items.count) more" : "")
    }
    reasons("Rejected", m.rejected)
    reasons("Recycled", m.recycled)
    if !m.won.isEmpty {
      let deals = m.won.prefix(named).map {
        "#\($0.lead) \(safe($0.label)) \(Money.compact($0.value, currency: currency))"
      }
      out.append(
        Line(
          label: "Won \(Money.compact(m.wonValue, currency: currency))",
          text: more(Array(deals), m.won.count)))
    }
    reasons("Lost", m.lost)
    let held = group.members.flatMap { member in
      member.breaches.map {
        (lead: $0, holder: member.handle.isEmpty ? "unassigned" : member.handle)
      }
    }.sorted { $0.lead < $1.lead }
    if !held.isEmpty {
      let named = held.prefix(named).map { "#\($0.lead) \(safe($0.holder))" }
      out.append(Line(label: "SLA breaches", text: more(Array(named), held.count)))
    }
    return out
  }
}
