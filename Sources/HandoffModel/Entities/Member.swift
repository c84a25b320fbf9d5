/// A person on the team.
package struct Member: Sendable, Hashable {
  /// The short name used everywhere (`maria`).
  package var handle: String
  /// The name shown to people (`Maria García`).
  package var name: String
  /// Marketing or sales.
  package var department: Department
  /// False once the member has left the team; kept so history still reads.
  package var active: Bool
  /// On leave: receives no new leads.
  package var away: Bool
  /// The most open leads the member should hold, if set.
  package var capacity: Int?
  /// When the member joined.
  package var joinedAt: Timestamp
  /// When the member was last given a lead, for fair auto-assignment.
  package var lastAssignedAt: Timestamp?
  /// Their e-mail address, to match owners in imported files (optional).
  package var email: String?
  /// Member or manager: a manager may do either department's part of the handoff.
  package var role: Role

  /// Creates a member.
  package init(
    handle: String, name: String, department: Department, active: Bool = true, away: Bool = false,
    capacity: Int? = nil, joinedAt: Timestamp, lastAssignedAt: Timestamp? = nil,
    email: String? = nil, role: Role = .member
  ) {
    self.handle = handle
    self.name = name
    self.department = department
    self.active = active
    self.away = away
    self.capacity = capacity
    self.joinedAt = joinedAt
    self.lastAssignedAt = lastAssignedAt
    self.email = email
    self.role = role
  }

  /// Whether the member can be given a new lead: active and not away.
  package var canReceiveLeads: Bool { active && !away }

  /// Whether the member may do a step of the handoff: their department's, or any as a
  /// manager.
  package func may(_ duty: Duty) -> Bool { role == .manager || department == duty.department }
}
