import HandoffModel

/// What `Store.compact` did.
public struct CompactReport: Sendable {
  /// Events in the log before and after.
  public var before: Int
  public var after: Int
  /// The untouched original log, kept beside it (nil when nothing needed compacting).
  public var backup: String?
  /// Events older than this were folded into snapshots; newer ones are kept as they were.
  public var horizon: Timestamp
}

extension Store {
  /// Rewrites the log into fewer events that give the same state: everything before a
  /// horizon (the start of the current quarter, and at least 92 days back, so every
  /// figure the dashboard shows keeps its history) becomes one snapshot per lead, member,
  /// target and setting; later events stay verbatim with their sequence numbers. The
  /// original is kept as a dated backup beside the log; the replacement is atomic and
  /// verified to fold to the same state before it is installed.
  public func compact() throws(StoreError) -> CompactReport {
    try exclusively { () throws(StoreError) in
      _ = try refresh()
      let events = try readAllEvents()
      let now = clock.now()
      let zone = pipeline.zone
      let quarter = Period.containing(now, kind: .quarter, zone: zone).start(in: zone)
      let horizon = min(quarter, now - .days(92))
      let firstKept = events.firstIndex { $0.at >= horizon } ?? events.count
      var report = CompactReport(before: events.count, after: events.count, horizon: horizon)
      let older = Pipeline(localZone: localZone)
      older.markIndexesForRebuild()
      for event in events[..<firstKept] { older.apply(event) }
      var snapshot = Store.snapshot(of: older, at: horizon)
      guard snapshot.count < firstKept else { return report }
      let next = firstKept < events.count ? events[firstKept].seq : pipeline.lastSeq + 1
      let base = next - Int64(snapshot.count)
      for index in snapshot.indices { snapshot[index].seq = base + Int64(index) }
      let compacted = snapshot + events[firstKept...]
      try verify(compacted)
      var bytes: [UInt8] = []
      for event in compacted { bytes.append(contentsOf: EventEncoder.line(event)) }
      let backup = path + "." + FileIO.stamp(now.milliseconds) + ".bak"
      try replaceLog(with: bytes, backup: backup)
      report.after = compacted.count
      report.backup = backup
      return report
    }
  }

  /// Every event in the log, in order.
  private func readAllEvents() throws(StoreError) -> [Event] {
    var events: [Event] = []
    events.reserveCapacity(pipeline.eventCount)
    guard readFD >= 0 else { return [] }
    var scanner = LineScanner(fd: readFD, from: 0)
    let ok = try scanner.scan(
      { (line, _, number) throws(StoreError) in
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        do throws(LineError) {
          events.append(try EventDecoder.event(line))
        } catch {
          throw .corrupt(path: path, line: number, why: error.describe())
        }
      },
      tooLong: { (_, length, number) throws(StoreError) in
        throw .corrupt(path: path, line: number, why: "a line of \(length) bytes")
      })
    guard ok else { throw .io(path: path, doing: "read", code: FileIO.errorNumber) }
    return events
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
            lastAssignedAt: m.lastAssignedAt)))
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
    let rebuilt = Pipeline(localZone: localZone)
    rebuilt.markIndexesForRebuild()
    for event in events {
      if let problem = rebuilt.apply(event) {
        throw .refused("compaction stopped, nothing changed: event \(event.seq) \(problem)")
      }
    }
    func sameMembers(_ a: Pipeline, _ b: Pipeline) -> Bool {
      a.members.map(\.forComparison) == b.members.map(\.forComparison)
    }
    let sameLeads =
      rebuilt.allLeads.sorted { $0.id < $1.id } == pipeline.allLeads.sorted { $0.id < $1.id }
    let sameNotes = pipeline.allLeads.allSatisfy {
      rebuilt.notes(of: $0.id) == pipeline.notes(of: $0.id)
    }
    guard sameLeads, sameNotes, sameMembers(rebuilt, pipeline),
      Set(rebuilt.targets) == Set(pipeline.targets), rebuilt.settings == pipeline.settings
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
