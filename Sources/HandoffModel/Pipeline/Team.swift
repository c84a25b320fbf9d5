/// The members of the team, including those who left, in the order they first joined.
struct Team {
  private var byHandle: [String: Member] = [:]
  /// Handles in joining order.
  private(set) var handles: [String] = []

  /// A member by handle.
  func member(_ handle: String) -> Member? { byHandle[handle] }

  /// Every member, in joining order.
  var members: [Member] { handles.compactMap { byHandle[$0] } }

  /// Adds a member (or replaces one with the same handle, keeping their place).
  mutating func set(_ member: Member) {
    if byHandle[member.handle] == nil { handles.append(member.handle) }
    byHandle[member.handle] = member
  }

  /// Notes that a member was given a lead at a moment (for fair auto-assignment).
  mutating func touchAssignment(_ handle: String, at moment: Timestamp) {
    guard var m = byHandle[handle] else { return }
    if m.lastAssignedAt.map({ $0 < moment }) ?? true {
      m.lastAssignedAt = moment
      byHandle[handle] = m
    }
  }
}
