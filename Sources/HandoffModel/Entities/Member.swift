/// A person on the team.
public struct Member: Sendable, Hashable {
  /// The short name used everywhere (`maria`).
  public var handle: String
  /// The name shown to people (`Maria García`).
  public var name: String
  /// Marketing or sales.
  public var department: Department
  /// False once the member has left the team; kept so history still reads.
  public var active: Bool
  /// On leave: receives no new leads.
  public var away: Bool
  /// The most open leads the member should hold, if set.
  public var capacity: Int?
  /// When the member joined.
  public var joinedAt: Timestamp
  /// When the member was last given a lead, for fair auto-assignment.
  public var lastAssignedAt: Timestamp?

  /// Creates a member.
  public init(
    handle: String, name: String, department: Department, active: Bool = true, away: Bool = false,
    capacity: Int? = nil, joinedAt: Timestamp, lastAssignedAt: Timestamp? = nil
  ) {
    self.handle = handle
    self.name = name
    self.department = department
    self.active = active
    self.away = away
    self.capacity = capacity
    self.joinedAt = joinedAt
    self.lastAssignedAt = lastAssignedAt
  }

  /// Whether the member can be given a new lead: active and not away.
  public var canReceiveLeads: Bool { active && !away }
}
