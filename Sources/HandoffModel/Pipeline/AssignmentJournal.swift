/// A lead given an owner by an event: who now owns it and who made the change.
package struct Assignment: Sendable, Hashable {
  /// The event's sequence number.
  package var seq: Int64
  /// The lead.
  package var lead: Int
  /// Its new owner.
  package var owner: String
  /// Who made the change.
  package var by: String
}

/// The most recent assignments, so a follower can tell which leads came to whom since
/// it last looked (the dashboard's notifications) without comparing every lead. Bounded:
/// only the last `capacity` are kept, and none survive a restore from a checkpoint.
struct AssignmentJournal {
  /// How many are kept: more at once than a person reads in a status line.
  static let capacity = 256
  private var entries: [Assignment] = []
  private var start = 0

  /// Records an assignment, forgetting the oldest beyond the capacity.
  mutating func record(_ assignment: Assignment) {
    if entries.count < AssignmentJournal.capacity {
      entries.append(assignment)
    } else {
      entries[start] = assignment
      start = (start + 1) % AssignmentJournal.capacity
    }
  }

  /// The assignments recorded with a sequence number above `seq`, oldest first.
  func after(_ seq: Int64) -> [Assignment] {
    let ordered = entries[start...] + entries[..<start]
    return ordered.filter { $0.seq > seq }
  }
}
