import HandoffModel

/// Everything a reader can see of a state, in a fixed order, to compare two states:
/// two stores fold to the same state when these are equal.
package struct FoldedState: Equatable, Sendable {
  package var leads: [Lead]
  package var notes: [[Note]]
  package var members: [Member]
  package var targets: [Target]
  package var settings: Settings
  package var lastSeq: Int64
  package var eventCount: Int
  package var nextLeadID: Int

  package init(_ pipeline: Pipeline) {
    leads = pipeline.allLeads.sorted { $0.id < $1.id }
    notes = leads.map { pipeline.notes(of: $0.id) }
    members = pipeline.members
    targets = pipeline.targets
    settings = pipeline.settings
    lastSeq = pipeline.lastSeq
    eventCount = pipeline.eventCount
    nextLeadID = pipeline.nextLeadID
  }

  /// The first difference from `other`, in words, for a message; nil when equal.
  package func difference(from other: FoldedState) -> String? {
    if lastSeq != other.lastSeq { return "last sequence \(lastSeq) vs \(other.lastSeq)" }
    if eventCount != other.eventCount { return "\(eventCount) vs \(other.eventCount) events" }
    if leads.count != other.leads.count { return "\(leads.count) vs \(other.leads.count) leads" }
    for (a, b) in zip(leads, other.leads) where a != b { return "lead \(a.id) differs" }
    for (a, b) in zip(zip(leads, notes), other.notes) where a.1 != b {
      return "the notes of lead \(a.0.id) differ"
    }
    if members != other.members { return "the members differ" }
    if targets != other.targets { return "the targets differ" }
    if settings != other.settings { return "the settings differ" }
    if nextLeadID != other.nextLeadID { return "the next lead id differs" }
    return nil
  }
}
