/// What the team did in a span of time, per department and member, and where each
/// target stands at its end: the standup report (`handoff report`).
///
/// Built by `StandupReportBuilder` from the log's events; a value with no behaviour of
/// its own, which the CLI prints as text, Markdown or JSON.
package struct StandupReport: Sendable {
  /// The span's first moment (inclusive) and its end (exclusive: usually now).
  package var from: Timestamp
  package var to: Timestamp
  /// The zone the span's days are counted in, and the team's currency.
  package var zone: Zone
  package var currency: String
  /// Marketing, then sales, then the actors who are not members (scripts, imports),
  /// each only when it has members in the report.
  package var departments: [DepartmentActivity]
  /// Every target whose period contains the span's end, as it stands then.
  package var targets: [TargetProgress]

  /// Creates a report.
  package init(
    from: Timestamp, to: Timestamp, zone: Zone, currency: String,
    departments: [DepartmentActivity], targets: [TargetProgress]
  ) {
    self.from = from
    self.to = to
    self.zone = zone
    self.currency = currency
    self.departments = departments
    self.targets = targets
  }
}

/// One department's part of the report: its members and their sum.
package struct DepartmentActivity: Sendable, Equatable {
  /// The department; nil for actors who are not members of the team.
  package var department: Department?
  /// Its members, in joining order (those who did nothing too, so the standup goes
  /// round everyone), then actors who are not members.
  package var members: [MemberActivity]

  /// Creates a department's part.
  package init(department: Department?, members: [MemberActivity]) {
    self.department = department
    self.members = members
  }

  /// Everything its members did, summed (handle and name empty).
  package var total: MemberActivity {
    var sum = MemberActivity(handle: "", name: "")
    for m in members { sum.add(m) }
    return sum
  }
}

/// What one member (or one actor) did in the span.
package struct MemberActivity: Sendable, Equatable {
  /// The handle; empty for leads that nobody held (an SLA breach while unassigned).
  package var handle: String
  /// The member's name, or the handle for actors who are not members.
  package var name: String
  /// New leads credited to them (their owner, else whoever added them).
  package var newLeads = 0
  /// Leads they qualified (moved to mql).
  package var mqls = 0
  /// Leads they handed off to sales.
  package var handoffs = 0
  /// Queued leads they accepted.
  package var accepted = 0
  /// Queued leads they sent back to marketing, by reason.
  package var rejected: [ReasonCount] = []
  /// Accepted leads they sent back to marketing, by reason.
  package var recycled: [ReasonCount] = []
  /// Deals they won, and their summed value (minor units).
  package var won: [LeadValue] = []
  /// Deals they lost, by reason.
  package var lost: [ReasonCount] = []
  /// Queued leads whose acceptance SLA ran out in the span while they held them.
  package var breaches: [Int] = []
  /// Follow-ups with customers they logged.
  package var followUpsDone = 0
  /// Customers of theirs whose follow-up is overdue at the span's end.
  package var followUpsOverdue = 0

  /// Creates an empty record.
  package init(handle: String, name: String) {
    self.handle = handle
    self.name = name
  }

  /// How many deals were won.
  package var wonCount: Int { won.count }
  /// The summed value of the deals won.
  package var wonValue: Int64 { won.reduce(0) { $0 + $1.value } }
  /// How many were rejected, recycled, lost.
  package var rejectedCount: Int { rejected.reduce(0) { $0 + $1.count } }
  package var recycledCount: Int { recycled.reduce(0) { $0 + $1.count } }
  package var lostCount: Int { lost.reduce(0) { $0 + $1.count } }

  /// Whether nothing at all is recorded.
  package var isEmpty: Bool { self == MemberActivity(handle: handle, name: name) }

  /// Adds another record's figures to this one (reasons merged, most first).
  package mutating func add(_ other: MemberActivity) {
    newLeads += other.newLeads
    mqls += other.mqls
    handoffs += other.handoffs
    accepted += other.accepted
    rejected = ReasonCount.merge(rejected, other.rejected)
    recycled = ReasonCount.merge(recycled, other.recycled)
    won = (won + other.won).sorted { ($0.value, $1.lead) > ($1.value, $0.lead) }
    lost = ReasonCount.merge(lost, other.lost)
    breaches = (breaches + other.breaches).sorted()
    followUpsDone += other.followUpsDone
    followUpsOverdue += other.followUpsOverdue
  }
}

/// How many times a reason was given.
package struct ReasonCount: Sendable, Equatable {
  package var reason: String
  package var count: Int

  /// Creates a count.
  package init(reason: String, count: Int) {
    self.reason = reason
    self.count = count
  }

  /// Counts reasons, most given first (ties by reason).
  package static func counting(_ reasons: [String]) -> [ReasonCount] {
    var counts: [String: Int] = [:]
    for r in reasons { counts[r, default: 0] += 1 }
    return counts.map { ReasonCount(reason: $0.key, count: $0.value) }.sorted(by: order)
  }

  /// Two lists of counts as one, most given first.
  package static func merge(_ a: [ReasonCount], _ b: [ReasonCount]) -> [ReasonCount] {
    var counts: [String: Int] = [:]
    for r in a + b { counts[r.reason, default: 0] += r.count }
    return counts.map { ReasonCount(reason: $0.key, count: $0.value) }.sorted(by: order)
  }

  private static func order(_ x: ReasonCount, _ y: ReasonCount) -> Bool {
    (x.count, y.reason) > (y.count, x.reason)
  }
}

/// A lead and a value: a deal won.
package struct LeadValue: Sendable, Equatable {
  package var lead: Int
  /// The lead's company (else its name), for the report's lines.
  package var label: String
  package var value: Int64

  /// Creates a pair.
  package init(lead: Int, label: String, value: Int64) {
    self.lead = lead
    self.label = label
    self.value = value
  }
}
