import HandoffModel
import HandoffPresentation

/// One figure of the standup report's per-member tables, as the text and the Markdown
/// print it: its title, the department whose work it counts, and its cell.
struct ReportColumn: Sendable {
  let title: String
  let department: Department
  let cell: @Sendable (MemberActivity, String) -> String
  let isZero: @Sendable (MemberActivity) -> Bool

  /// Every figure, in the order the tables show them (the cell gets the currency).
  static let all: [ReportColumn] = [
    count("NEW", .marketing, \.newLeads),
    count("MQLS", .marketing, \.mqls),
    count("HANDOFFS", .marketing, \.handoffs),
    count("ACCEPT", .sales, \.accepted),
    count("REJECT", .sales, \.rejectedCount),
    count("RECYCLE", .sales, \.recycledCount),
    count("WON", .sales, \.wonCount),
    ReportColumn(
      title: "VALUE", department: .sales,
      cell: { Money.compact($0.wonValue, currency: $1) }, isZero: { $0.wonValue == 0 }),
    count("LOST", .sales, \.lostCount),
    count("BREACH", .sales, \.breaches.count),
    count("F-UPS", .sales, \.followUpsDone),
    count("OVERDUE", .sales, \.followUpsOverdue),
  ]

  /// The figures a department's table shows: its own, and any other one of its
  /// members has done (a marketer who closed a deal); for actors who are not members,
  /// every figure someone has.
  static func columns(for group: DepartmentActivity) -> [ReportColumn] {
    all.filter { column in
      column.department == group.department || !group.members.allSatisfy(column.isZero)
    }
  }

  private static func count(
    _ title: String, _ department: Department, _ value: KeyPath<MemberActivity, Int> & Sendable
  ) -> ReportColumn {
    ReportColumn(
      title: title, department: department, cell: { m, _ in String(m[keyPath: value]) },
      isZero: { $0[keyPath: value] == 0 })
  }
}
