/// The fold: applies events, in sequence order, to the pipeline it owns. The only way a
/// `Pipeline` changes; whoever holds the fold (the store) is the state's one writer, and
/// hands out `pipeline` to be read.
package struct PipelineFold {
  /// The state folded so far.
  package let pipeline: Pipeline

  /// An empty state counting days in `zones`' local zone until the settings name one.
  package init(zones: any ZoneDatabase) {
    pipeline = Pipeline(zones: zones)
  }

  /// A fold that goes on from `pipeline`, which nobody else folds into (a copy kept
  /// for it: `Pipeline.copy`).
  package init(continuing pipeline: Pipeline) {
    self.pipeline = pipeline
  }

  /// An empty state on a fixed local zone that knows only UTC and offsets (tests).
  package init(localZone: Zone) {
    self.init(zones: FixedZones(local: localZone))
  }

  /// Folds one event into the state. Events must come in sequence order. Returns a
  /// problem (and changes nothing) when the event does not fit the state, e.g. it
  /// names a lead that does not exist.
  @discardableResult
  package func apply(_ event: Event) -> FoldProblem? {
    let problem = fold(event)
    if problem == nil {
      pipeline.lastSeq = max(pipeline.lastSeq, event.seq)
      pipeline.eventCount += 1
      pipeline.generation &+= 1
    }
    return problem
  }

  /// Lets the lists be rebuilt once, on their next read, instead of kept up event by
  /// event: for a bulk load (the store does this itself for large ones).
  package func markIndexesForRebuild() { pipeline.lists.markForRebuild() }

  /// Makes room for `count` more leads, for a bulk append that creates them.
  package func reserve(newLeads count: Int) { pipeline.storage.reserve(more: count) }

  private func fold(_ event: Event) -> FoldProblem? {
    let p = pipeline
    switch event.body {
    case .leadCreated(let created):
      return create(created, event)
    case .memberJoined(let e):
      if var existing = p.team.member(e.handle) {
        guard !existing.active else { return .memberExists(e.handle) }
        existing.active = true
        existing.name = e.name
        existing.department = e.department
        existing.capacity = e.capacity
        existing.lastAssignedAt = e.lastAssignedAt ?? existing.lastAssignedAt
        existing.email = e.email
        existing.role = e.role
        p.team.set(existing)
      } else {
        p.team.set(
          Member(
            handle: e.handle, name: e.name, department: e.department, capacity: e.capacity,
            joinedAt: event.at, lastAssignedAt: e.lastAssignedAt, email: e.email, role: e.role))
      }
    case .memberUpdated(let e):
      guard var m = p.team.member(e.handle) else { return .unknownMember(e.handle) }
      if let v = e.name { m.name = v }
      if let v = e.away { m.away = v }
      if let v = e.capacity { m.capacity = v }
      if let v = e.email { m.email = v.isEmpty ? nil : v }
      if let v = e.role { m.role = v }
      p.team.set(m)
    case .memberLeft(let handle):
      guard var m = p.team.member(handle) else { return .unknownMember(handle) }
      m.active = false
      p.team.set(m)
    case .targetSet(let t):
      let key = TargetKey(metric: t.metric, period: t.period, scope: t.scope)
      p.targetValues[key] = t.value > 0 ? t.value : nil
    case .settingChanged(let key, let value):
      do {
        try p.settings.set(key, to: value, zones: p.zones)
      } catch {
        return .badSetting(key: key, value: value, why: error.description)
      }
      p.zone = p.settings.timeZone.flatMap(p.zones.zone(named:)) ?? p.zones.local
      p.tallies.forgetMedian()
    default:
      return update(event)
    }
    return nil
  }

  private func create(_ created: LeadCreated, _ event: Event) -> FoldProblem? {
    let p = pipeline
    let id = created.lead.id
    guard let lead = LeadFold.apply(event, to: nil) else { return .unknownLead(id) }
    if let slot = p.storage.slot(of: id) {
      guard created.snapshot else { return .duplicateLead(id) }
      replace(slot: slot, with: lead)
    } else {
      let slot = p.storage.append(lead)
      p.search.update(slot: Int(slot), lead)
      p.counts.account(lead, sign: 1)
      p.lists.reindex(slot: slot, before: nil, after: lead)
      if !created.snapshot { p.tallies.countNewLead(lead, actor: event.actor, at: event.at) }
    }
    if created.snapshot { p.storage.setNotes(created.notes, of: id) }
    p.nextLeadID = max(p.nextLeadID, id + 1)
    if let owner = lead.owner, !created.snapshot {
      p.team.touchAssignment(owner, at: event.at)
      p.assignments.record(Assignment(seq: event.seq, lead: id, owner: owner, by: event.actor))
    }
    return nil
  }

  private func update(_ event: Event) -> FoldProblem? {
    let p = pipeline
    guard let id = event.leadID else { return nil }
    guard let slot = p.storage.slot(of: id) else { return .unknownLead(id) }
    let before = p.storage.leads[Int(slot)]
    guard let after = LeadFold.apply(event, to: before) else { return .unknownLead(id) }
    replace(slot: slot, with: after)
    switch event.body {
    case .noteAdded(_, _, let text):
      p.storage.addNote(Note(at: event.at, author: event.actor, text: text), to: id)
    case .leadReverted(let e):
      if e.removesNote { p.storage.removeLastNote(by: event.actor, from: id) }
      p.tallies.count(
        e.undoneKind, before: after, after: before, actor: event.actor, at: e.undoneAt, sign: -1)
    default:
      p.tallies.count(
        event.body.kind, before: before, after: after, actor: event.actor, at: event.at, sign: 1)
    }
    if after.owner != before.owner, let owner = after.owner {
      p.team.touchAssignment(owner, at: event.at)
      p.assignments.record(Assignment(seq: event.seq, lead: id, owner: owner, by: event.actor))
    }
    return nil
  }

  private func replace(slot: Int32, with after: Lead) {
    let p = pipeline
    let before = p.storage.leads[Int(slot)]
    p.counts.account(before, sign: -1)
    p.counts.account(after, sign: 1)
    p.storage.replace(slot: slot, with: after)
    if PipelineFold.searchFieldsDiffer(before, after) { p.search.update(slot: Int(slot), after) }
    p.lists.reindex(slot: slot, before: before, after: after)
  }

  private static func searchFieldsDiffer(_ a: Lead, _ b: Lead) -> Bool {
    a.name != b.name || a.company != b.company || a.email != b.email || a.owner != b.owner
      || a.source != b.source
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
