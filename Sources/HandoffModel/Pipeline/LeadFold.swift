/// How one event changes one lead: the per-lead part of the fold, shared by the
/// pipeline and by replays of a single lead's history (undo, `handoff show`).
///
/// Everything that depends on the rest of the model (who becomes owner, when the
/// next follow-up is due) was decided when the event was planned and is written in
/// the event, so applying it needs only the lead.
package enum LeadFold {
  /// The lead after `event`; `lead` is nil only for `lead.created`. Returns nil when
  /// the event does not concern a lead or concerns one that does not exist.
  package static func apply(_ event: Event, to lead: Lead?) -> Lead? {
    if case .leadCreated(let created) = event.body {
      var new = created.lead
      if !created.snapshot {
        new.createdAt = event.at
        new.stageEnteredAt = created.stageEnteredAt ?? event.at
        new.lastActivityAt = created.lastActivityAt ?? event.at
        new.lastChangedBy = event.actor
        new.lastChange = .created
        new.unseenByOwner = new.owner != nil && new.owner != event.actor
      }
      return new
    }
    guard var lead else { return nil }
    let at = event.at
    let actor = event.actor
    switch event.body {
    case .leadCreated, .memberJoined, .memberUpdated, .memberLeft, .targetSet, .settingChanged:
      return nil
    case .leadOpened:
      if lead.owner == actor { lead.unseenByOwner = false }
      return lead
    case .leadUpdated(let e):
      if let v = e.name { lead.name = v }
      if let v = e.company { lead.company = v }
      if let v = e.email { lead.email = v }
      if let v = e.source { lead.source = v }
      if let v = e.segment { lead.segment = v }
      if let v = e.value { lead.value = v }
      touch(&lead, version: e.version, at: at, actor: actor, change: .updated)
    case .leadScored(_, let version, let score):
      lead.score = score
      touch(&lead, version: version, at: at, actor: actor, change: .scored(score))
    case .leadMoved(let e):
      move(&lead, e, at: at, actor: actor)
    case .leadAssigned(let e):
      lead.owner = e.owner
      lead.unseenByOwner = e.owner != nil && e.owner != actor
      touch(&lead, version: e.version, at: at, actor: actor, change: .assigned(e.owner))
    case .noteAdded(_, let version, _):
      touch(&lead, version: version, at: at, actor: actor, change: .noted)
    case .followUpLogged(_, let version, let next):
      lead.nextFollowUp = next
      touch(&lead, version: version, at: at, actor: actor, change: .followedUp)
    case .leadReverted(let e):
      var restored = e.restore
      restored.id = lead.id
      restored.version = e.version
      restored.lastChangedBy = actor
      restored.lastChange = .reverted
      lead = restored
    }
    return lead
  }

  private static func move(_ lead: inout Lead, _ e: LeadMoved, at: Timestamp, actor: String) {
    let from = lead.stage
    let previousOwner = lead.owner
    lead.stage = e.to
    lead.stageEnteredAt = at
    if let reason = e.reason { lead.reason = reason }
    if let owner = e.owner { lead.owner = owner }
    if let value = e.value { lead.value = value }
    // The marketer who handed it off: its owner before, else whoever did it.
    if e.to == .queued { lead.handedOffBy = previousOwner ?? actor }
    if from.recycles(to: e.to) {
      lead.recycled = Recycling(reason: e.reason ?? "", by: actor, at: at, from: from)
    } else if from == .nurturing || from == .new, e.to == .mql || e.to == .disqualified {
      lead.recycled = nil
    }
    switch e.to {
    case .won: lead.nextFollowUp = e.nextFollowUp
    case .churned, .lost, .nurturing: lead.nextFollowUp = nil
    default: break
    }
    if lead.owner == nil || lead.owner == actor { lead.unseenByOwner = false }
    touch(&lead, version: e.version, at: at, actor: actor, change: .moved(e.to))
  }

  private static func touch(
    _ lead: inout Lead, version: Int, at: Timestamp, actor: String, change: ChangeSummary
  ) {
    lead.version = version
    lead.lastActivityAt = at
    lead.lastChangedBy = actor
    lead.lastChange = change
    if lead.owner == actor { lead.unseenByOwner = false }
  }

  /// The lead as it stood after replaying a history of its events in order.
  package static func replay(_ events: some Sequence<Event>) -> Lead? {
    var lead: Lead?
    for event in events { lead = apply(event, to: lead) ?? lead }
    return lead
  }
}
