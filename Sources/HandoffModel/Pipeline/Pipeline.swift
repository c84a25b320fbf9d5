/// The shared model: every lead, member, target and setting, as the fold of the event
/// log, with the indexes and running figures the dashboard reads on every frame.
///
/// Apply events in sequence order with `apply(_:)`; ask what an action would append
/// with `plan(_:by:at:ifVersion:)`. Reads never scan all leads: lists are kept sorted
/// and figures are kept as events arrive. A pipeline is used from one thread.
package final class Pipeline {
  /// Team settings.
  package internal(set) var settings = Settings()
  /// The zone days and periods are counted in: the settings' zone, else the local one.
  package internal(set) var zone: Zone
  /// Where zones come from: the machine's own, and the one the settings name.
  package let zones: any ZoneDatabase
  /// The sequence number of the last event applied (0 before any).
  package internal(set) var lastSeq: Int64 = 0
  /// How many events have been applied.
  package internal(set) var eventCount = 0
  /// The id the next new lead gets.
  package internal(set) var nextLeadID = 1001
  /// Grows with every applied event: views compare it to know whether to redraw.
  package internal(set) var generation: UInt64 = 0

  var leads: [Lead] = []
  var slotByID: [Int: Int32] = [:]
  var notesByLead: [Int: [Note]] = [:]
  var membersByHandle: [String: Member] = [:]
  /// Handles in the order members first joined.
  package internal(set) var memberHandles: [String] = []
  var targetValues: [TargetKey: Int64] = [:]

  var stageCounts = [Int](repeating: 0, count: Stage.allCases.count)
  var stageValues = [Int64](repeating: 0, count: Stage.allCases.count)
  var openLoad: [String: Int] = [:]
  var recycledWaiting: [String: Int] = [:]
  var unassignedQueued = 0

  var stageIndexes = [SortedLeadIndex](repeating: SortedLeadIndex(), count: Stage.allCases.count)
  var openDealIndex = SortedLeadIndex()
  var customerIndex = SortedLeadIndex()

  var searchText = SearchText()
  var series: [SeriesKey: TimeSeries] = [:]
  var acceptances: [(at: Int32, seconds: Int32)] = []
  var medianCache: (key: MedianCacheKey, value: Duration?)?

  /// An empty pipeline counting days in `zones`' local zone until the settings name one.
  package init(zones: any ZoneDatabase) {
    self.zones = zones
    self.zone = zones.local
  }

  /// An empty pipeline on a fixed local zone that knows only UTC and offsets (tests).
  package convenience init(localZone: Zone) {
    self.init(zones: FixedZones(local: localZone))
  }

  // MARK: Reading

  /// How many leads there are.
  package var leadCount: Int { leads.count }

  /// The lead with an id.
  package func lead(_ id: Int) -> Lead? {
    guard let slot = slotByID[id] else { return nil }
    return leads[Int(slot)]
  }

  /// The lead kept at a storage slot (0..<leadCount); slots are stable for a lead.
  package func lead(atSlot slot: Int) -> Lead { leads[slot] }

  /// The storage slot of a lead.
  package func slot(of id: Int) -> Int? { slotByID[id].map(Int.init) }

  /// Every lead, in the order they were created.
  package var allLeads: [Lead] { leads }

  /// The notes on a lead, oldest first.
  package func notes(of id: Int) -> [Note] { notesByLead[id] ?? [] }

  /// A member by handle (also members who left).
  package func member(_ handle: String) -> Member? { membersByHandle[handle] }

  /// Every member, in joining order (including those who left).
  package var members: [Member] { memberHandles.compactMap { membersByHandle[$0] } }

  /// The value of every target that is set.
  package var targets: [Target] {
    targetValues.map {
      Target(metric: $0.key.metric, period: $0.key.period, scope: $0.key.scope, value: $0.value)
    }
    .sorted {
      ($0.period.description, $0.metric.rawValue, $0.scope.description) < (
        $1.period.description, $1.metric.rawValue, $1.scope.description
      )
    }
  }

  /// The target for a metric, period and scope, if set.
  package func target(_ metric: Metric, _ period: Period, _ scope: Scope) -> Int64? {
    targetValues[TargetKey(metric: metric, period: period, scope: scope)]
  }

  /// How many open leads a member owns (their load, for assignment).
  package func load(of handle: String) -> Int { openLoad[handle] ?? 0 }

  /// How many leads are in a stage.
  package func count(in stage: Stage) -> Int { stageCounts[stage.ordinal] }

  /// The summed estimated value of the leads in a stage (minor units).
  package func value(in stage: Stage) -> Int64 { stageValues[stage.ordinal] }

  // MARK: Applying events

  /// Folds one event into the state. Events must come in sequence order. Returns a
  /// problem (and changes nothing) when the event does not fit the state, e.g. it
  /// names a lead that does not exist.
  @discardableResult
  package func apply(_ event: Event) -> FoldProblem? {
    let problem = fold(event)
    if problem == nil {
      lastSeq = max(lastSeq, event.seq)
      eventCount += 1
      generation &+= 1
    }
    return problem
  }

  private func fold(_ event: Event) -> FoldProblem? {
    switch event.body {
    case .leadCreated(let created):
      return create(created, event)
    case .memberJoined(let e):
      if var existing = membersByHandle[e.handle] {
        guard !existing.active else { return .memberExists(e.handle) }
        existing.active = true
        existing.name = e.name
        existing.department = e.department
        existing.capacity = e.capacity
        existing.lastAssignedAt = e.lastAssignedAt ?? existing.lastAssignedAt
        membersByHandle[e.handle] = existing
      } else {
        membersByHandle[e.handle] = Member(
          handle: e.handle, name: e.name, department: e.department, capacity: e.capacity,
          joinedAt: event.at, lastAssignedAt: e.lastAssignedAt)
        memberHandles.append(e.handle)
      }
    case .memberUpdated(let e):
      guard var m = membersByHandle[e.handle] else { return .unknownMember(e.handle) }
      if let v = e.name { m.name = v }
      if let v = e.away { m.away = v }
      if let v = e.capacity { m.capacity = v }
      membersByHandle[e.handle] = m
    case .memberLeft(let handle):
      guard var m = membersByHandle[handle] else { return .unknownMember(handle) }
      m.active = false
      membersByHandle[handle] = m
    case .targetSet(let t):
      let key = TargetKey(metric: t.metric, period: t.period, scope: t.scope)
      targetValues[key] = t.value > 0 ? t.value : nil
    case .settingChanged(let key, let value):
      do {
        try settings.set(key, to: value, zones: zones)
      } catch {
        return .badSetting(key: key, value: value, why: error.description)
      }
      zone = settings.timeZone.flatMap(zones.zone(named:)) ?? zones.local
      medianCache = nil
    default:
      return update(event)
    }
    return nil
  }

  private func create(_ created: LeadCreated, _ event: Event) -> FoldProblem? {
    let id = created.lead.id
    guard let lead = LeadFold.apply(event, to: nil) else { return .unknownLead(id) }
    if let slot = slotByID[id] {
      guard created.snapshot else { return .duplicateLead(id) }
      replace(slot: slot, with: lead, event: event)
    } else {
      let slot = Int32(leads.count)
      leads.append(lead)
      searchText.update(slot: Int(slot), lead)
      slotByID[id] = slot
      account(lead, sign: 1)
      reindex(slot: slot, before: nil, after: lead)
      if !created.snapshot { count(.newLeads, for: lead, before: nil, event: event, sign: 1) }
    }
    if created.snapshot {
      notesByLead[id] = created.notes.isEmpty ? nil : created.notes
    }
    nextLeadID = max(nextLeadID, id + 1)
    if let owner = lead.owner, !created.snapshot { touchAssignment(owner, at: event.at) }
    return nil
  }

  private func update(_ event: Event) -> FoldProblem? {
    guard let id = event.leadID else { return nil }
    guard let slot = slotByID[id] else { return .unknownLead(id) }
    let before = leads[Int(slot)]
    guard let after = LeadFold.apply(event, to: before) else { return .unknownLead(id) }
    replace(slot: slot, with: after, event: event)
    switch event.body {
    case .noteAdded(_, _, let text):
      notesByLead[id, default: []].append(Note(at: event.at, author: event.actor, text: text))
    case .leadReverted(let e):
      if e.removesNote, var notes = notesByLead[id],
        let i = notes.lastIndex(where: { $0.author == event.actor })
      {
        notes.remove(at: i)
        notesByLead[id] = notes.isEmpty ? nil : notes
      }
      countContributions(
        of: e.undoneKind, before: after, after: before, actor: event.actor, at: e.undoneAt, sign: -1
      )
    default:
      countContributions(
        of: event.body.kind, before: before, after: after, actor: event.actor, at: event.at, sign: 1
      )
    }
    if after.owner != before.owner, let owner = after.owner { touchAssignment(owner, at: event.at) }
    return nil
  }

  private func replace(slot: Int32, with after: Lead, event: Event) {
    let before = leads[Int(slot)]
    account(before, sign: -1)
    account(after, sign: 1)
    leads[Int(slot)] = after
    if Pipeline.searchFieldsDiffer(before, after) { searchText.update(slot: Int(slot), after) }
    reindex(slot: slot, before: before, after: after)
  }

  private func touchAssignment(_ handle: String, at moment: Timestamp) {
    guard var m = membersByHandle[handle] else { return }
    if m.lastAssignedAt.map({ $0 < moment }) ?? true {
      m.lastAssignedAt = moment
      membersByHandle[handle] = m
    }
  }

  /// Adds (sign 1) or removes (sign -1) a lead's share of the running counts.
  func account(_ lead: Lead, sign: Int) {
    let s = lead.stage.ordinal
    stageCounts[s] += sign
    stageValues[s] += Int64(sign) * lead.value
    if lead.stage.isOpen, let owner = lead.owner { openLoad[owner, default: 0] += sign }
    if lead.stage == .nurturing, let recycled = lead.recycled {
      let reason = ReasonText.normalized(recycled.reason)
      let n = recycledWaiting[reason, default: 0] + sign
      recycledWaiting[reason] = n == 0 ? nil : n
    }
    if lead.stage == .queued, lead.owner == nil { unassignedQueued += sign }
  }

  func reindex(slot: Int32, before: Lead?, after: Lead) {
    if before?.stage != after.stage || before?.stageEnteredAt != after.stageEnteredAt {
      if let before {
        stageIndexes[before.stage.ordinal].update(
          slot: slot, old: before.stageEnteredAt.milliseconds, new: nil)
      }
      stageIndexes[after.stage.ordinal].update(
        slot: slot, old: nil, new: after.stageEnteredAt.milliseconds)
    }
    openDealIndex.update(
      slot: slot, old: before.flatMap(Pipeline.openDealKey), new: Pipeline.openDealKey(after))
    customerIndex.update(
      slot: slot, old: before.flatMap(Pipeline.customerKey), new: Pipeline.customerKey(after))
  }

  static func searchFieldsDiffer(_ a: Lead, _ b: Lead) -> Bool {
    a.name != b.name || a.company != b.company || a.email != b.email || a.owner != b.owner
      || a.source != b.source
  }

  static func openDealKey(_ lead: Lead) -> Int64? {
    lead.stage.isOpenDeal ? lead.lastActivityAt.milliseconds : nil
  }

  static func customerKey(_ lead: Lead) -> Int64? {
    lead.stage == .won ? (lead.nextFollowUp?.milliseconds ?? Int64.max) : nil
  }

  /// Rebuilds every list from scratch on its next read; call after a bulk load to
  /// skip the per-event upkeep (the load does this itself when it is large).
  package func markIndexesForRebuild() {
    for i in stageIndexes.indices { stageIndexes[i].markForRebuild() }
    openDealIndex.markForRebuild()
    customerIndex.markForRebuild()
  }
}

/// An event that does not fit the state it is applied to. The log is still readable;
/// `handoff check` lists these.
package enum FoldProblem: Error, Sendable, Equatable, CustomStringConvertible {
  case unknownLead(Int)
  case duplicateLead(Int)
  case unknownMember(String)
  case memberExists(String)
  case badSetting(key: String, value: String, why: String)

  package var description: String {
    switch self {
    case .unknownLead(let id): return "names lead \(id), which does not exist"
    case .duplicateLead(let id): return "creates lead \(id), which already exists"
    case .unknownMember(let h): return "names member '\(h)', who never joined"
    case .memberExists(let h): return "adds member '\(h)', who is already on the team"
    case .badSetting(let key, let value, let why): return "sets \(key) to '\(value)': \(why)"
    }
  }
}

/// Reasons as people type them, grouped for "top reasons".
enum ReasonText {
  /// Trims, folds case and whitespace so "No budget" and "no budget " count together.
  static func normalized(_ reason: String) -> String {
    reason.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
