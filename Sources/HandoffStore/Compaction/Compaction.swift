import HandoffModel

/// What a compaction did.
package struct CompactReport: Sendable {
  /// Events in the store before and after.
  package var before: Int
  package var after: Int
  /// The untouched original, kept beside it (nil when nothing needed compacting).
  package var backup: String?
  /// Events older than this were folded into snapshots; newer ones are kept as they were.
  package var horizon: Timestamp
}

/// How a history is compacted, whatever holds it: everything before a horizon (the
/// start of the current quarter, and at least 92 days back, so every figure the
/// dashboard shows keeps its history) becomes one snapshot per lead, member, target and
/// setting; later events stay verbatim with their sequence numbers. Pure: events in,
/// events out, verified to fold to the same state.
package struct Compaction {
  /// The history's events, in order, and the state they fold to.
  let events: [Event]
  let state: Pipeline

  package init(events: [Event], state: Pipeline) {
    self.events = events
    self.state = state
  }

  /// Where history stops being kept event by event, at `now`: the start of the current
  /// quarter, and at least 92 days back.
  package static func horizon(at now: Timestamp, zone: Zone) -> Timestamp {
    let quarter = Period.containing(now, kind: .quarter, zone: zone).start(in: zone)
    return min(quarter, now - .days(92))
  }

  /// The compacted history at `now`, or nil when compacting would not make it shorter;
  /// refused when the result would not fold to exactly the current state.
  package func compacted(at now: Timestamp) throws(StoreError) -> (
    events: [Event], horizon: Timestamp
  )? {
    let horizon = Compaction.horizon(at: now, zone: state.zone)
    let firstKept = events.firstIndex { $0.at >= horizon } ?? events.count
    let older = PipelineFold(zones: state.zones)
    older.markIndexesForRebuild()
    for event in events[..<firstKept] { older.apply(event) }
    var snapshot = Compaction.snapshot(of: older.pipeline, at: horizon)
    guard snapshot.count < firstKept else { return nil }
    let next = firstKept < events.count ? events[firstKept].seq : state.lastSeq + 1
    let base = next - Int64(snapshot.count)
    for index in snapshot.indices { snapshot[index].seq = base + Int64(index) }
    let compacted = snapshot + events[firstKept...]
    try verify(compacted)
    return (compacted, horizon)
  }

  /// The fewest events that recreate `state`: members, settings, targets, then leads.
  static func snapshot(of state: Pipeline, at horizon: Timestamp) -> [Event] {
    var events: [Event] = []
    let actor = "handoff-compact"
    func add(_ at: Timestamp, _ body: EventBody) {
      events.append(Event(seq: 0, at: at, actor: actor, body: body))
    }
    for handle in state.memberHandles {
      guard let m = state.member(handle) else { continue }
      add(
        m.joinedAt,
        .memberJoined(
          MemberJoined(
            handle: m.handle, name: m.name, department: m.department, capacity: m.capacity,
            lastAssignedAt: m.lastAssignedAt, email: m.email, role: m.role)))
      if m.away { add(m.joinedAt, .memberUpdated(MemberUpdated(handle: m.handle, away: true))) }
      if !m.active { add(m.joinedAt, .memberLeft(handle: m.handle)) }
    }
    let defaults = Settings()
    for key in Settings.keys where state.settings.value(of: key) != defaults.value(of: key) {
      if let value = state.settings.value(of: key) {
        add(horizon, .settingChanged(key: key, value: value))
      }
    }
    for target in state.targets { add(horizon, .targetSet(target)) }
    for lead in state.allLeads.sorted(by: { $0.id < $1.id }) {
      add(
        lead.lastActivityAt,
        .leadCreated(LeadCreated(lead: lead, notes: state.notes(of: lead.id), snapshot: true)))
    }
    return events
  }

  /// Refuses a compaction whose events would not fold to exactly the current state.
  private func verify(_ events: [Event]) throws(StoreError) {
    let fold = PipelineFold(zones: state.zones)
    fold.markIndexesForRebuild()
    for event in events {
      if let problem = fold.apply(event) {
        throw .refused("compaction stopped, nothing changed: event \(event.seq) \(problem)")
      }
    }
    let rebuilt = fold.pipeline
    func sameMembers(_ a: Pipeline, _ b: Pipeline) -> Bool {
      a.members.map(\.forComparison) == b.members.map(\.forComparison)
    }
    let sameLeads =
      rebuilt.allLeads.sorted { $0.id < $1.id } == state.allLeads.sorted { $0.id < $1.id }
    let sameNotes = state.allLeads.allSatisfy {
      rebuilt.notes(of: $0.id) == state.notes(of: $0.id)
    }
    guard sameLeads, sameNotes, sameMembers(rebuilt, state),
      Set(rebuilt.targets) == Set(state.targets), rebuilt.settings == state.settings
    else {
      throw .refused("compaction stopped, nothing changed: the compacted log would differ")
    }
  }
}

extension Member {
  /// The member without the fields a compaction does not keep (when they rejoined).
  fileprivate var forComparison: Member {
    var copy = self
    copy.joinedAt = Timestamp(milliseconds: 0)
    return copy
  }
}
