import HandoffModel

/// The events an import appends: for each new lead a `lead.created` at its own
/// creation time (so it counts in the figures of the day it was captured), carrying
/// when it entered its stage and was last active, followed — when the file knows more
/// than a new lead holds (a Handoff export's version, reason, next follow-up) — by a
/// snapshot of the lead as the file has it; for
/// each existing lead the ordinary update, score, move and assign events the team's own
/// actions would append, planned by the model.
package struct ImportEvents: Sendable {
  /// The events, oldest creation first, then the updates in file order.
  package var events: [PlannedEvent] = []
  /// Rows the model refused while planning their changes (`FILE:LINE: why`).
  package var problems: [ImportProblem] = []
  /// How many leads the events create, and how many existing ones they change.
  package var created = 0
  package var updated = 0

  /// Plans what a lead command does to `lead` (the model's planner, given the lead as
  /// the earlier events of the import leave it).
  package typealias LeadPlanner = (Command, Lead) throws(ModelError) -> EventBody

  /// The events for `plan`, made by `actor` at `now`, numbering new leads from
  /// `nextID`. `keepIDs`: a new lead keeps the id the file gives when no lead has it.
  package init(
    _ plan: ImportPlan, existingIDs: (Int) -> Bool, nextID: Int, keepIDs: Bool, actor: String,
    now: Timestamp, planner: LeadPlanner
  ) {
    let creations = plan.creations
    // Chronological, so each day's figures take them in order (stable for equal times).
    let moments = creations.map { $0.created ?? now }
    let order = creations.indices.sorted {
      moments[$0] != moments[$1] ? moments[$0] < moments[$1] : $0 < $1
    }
    // The file's ids that are kept (beside the rows, which are not copied to change them).
    var kept = [Int?](repeating: nil, count: keepIDs ? creations.count : 0)
    var taken: Set<Int> = []
    if keepIDs {
      for i in creations.indices {
        guard let id = creations[i].id, !existingIDs(id), !taken.contains(id) else { continue }
        kept[i] = id
        taken.insert(id)
      }
    }
    var next = nextID
    // Exactly the new leads' events (an event is hundreds of bytes: no doubling).
    let snapshots = creations.reduce(0) { $0 + (ImportEvents.needsSnapshot($1) ? 1 : 0) }
    events.reserveCapacity(creations.count + snapshots + plan.updates.count * 2)
    for i in order {
      let id: Int
      if keepIDs, let k = kept[i] {
        id = k
      } else {
        while taken.contains(next) || existingIDs(next) { next += 1 }
        id = next
        next += 1
      }
      append(creations[i], id: id, actor: actor, now: now)
    }
    for update in plan.updates {
      append(update, actor: actor, now: now, planner: planner)
    }
  }

  /// A new lead's events.
  private mutating func append(_ row: ImportedLead, id: Int, actor: String, now: Timestamp) {
    let createdAt = row.created ?? now
    let owner = row.owner ?? nil
    var lead = Lead(
      id: id, name: row.name ?? row.email ?? "", company: row.company ?? "",
      email: row.email ?? "", source: row.source ?? Importer.defaultSource,
      segment: row.segment ?? "", score: row.score ?? 0, value: row.value ?? 0,
      stage: row.stage ?? .new, owner: owner, createdAt: createdAt,
      unseenByOwner: owner != nil && owner != actor, version: 1, lastChangedBy: actor)
    created += 1
    let stageAt = max(row.stageEntered ?? createdAt, createdAt)
    let activityAt = max(row.lastActivity ?? createdAt, stageAt)
    // When the file knows no more than a new lead's stage and activity dates (a CRM's
    // export), one `lead.created` carries them; what a new lead cannot carry (a Handoff
    // export's reason, follow-up or version) comes in a snapshot of the lead as the file
    // has it, after it.
    guard ImportEvents.needsSnapshot(row) else {
      events.append(
        PlannedEvent(
          at: createdAt, actor: actor,
          body: .leadCreated(
            LeadCreated(
              lead: lead, stageEnteredAt: stageAt == createdAt ? nil : stageAt,
              lastActivityAt: activityAt == createdAt ? nil : activityAt))))
      return
    }
    events.append(
      PlannedEvent(at: createdAt, actor: actor, body: .leadCreated(LeadCreated(lead: lead))))
    lead.stageEnteredAt = stageAt
    lead.lastActivityAt = activityAt
    lead.reason = row.reason
    lead.nextFollowUp = row.stage == .won ? row.nextFollowUp : nil
    lead.version = row.version ?? 1
    events.append(
      PlannedEvent(
        at: createdAt, actor: actor,
        body: .leadCreated(LeadCreated(lead: lead, snapshot: true))))
  }

  /// Whether a new lead's row knows more than a `lead.created` carries.
  private static func needsSnapshot(_ row: ImportedLead) -> Bool {
    row.reason != nil || row.nextFollowUp != nil || (row.version ?? 1) != 1
  }

  /// An existing lead's events, each planned by the model on the lead as the one before
  /// leaves it; a refusal drops them all and names the row.
  private mutating func append(
    _ update: ImportPlan.Update, actor: String, now: Timestamp, planner: LeadPlanner
  ) {
    var lead = update.lead
    var planned: [PlannedEvent] = []
    let id = lead.id
    do throws(ModelError) {
      func step(_ command: Command) throws(ModelError) {
        let body = try planner(command, lead)
        let event = Event(seq: 0, at: now, actor: actor, body: body)
        lead = LeadFold.apply(event, to: lead) ?? lead
        planned.append(PlannedEvent(at: now, actor: actor, body: body))
      }
      if update.edit != LeadEdit() { try step(.updateLead(id: id, update.edit)) }
      if let score = update.score { try step(.score(id: id, score)) }
      var wanted = update.owner
      for stage in update.moves {
        // A new owner joins as soon as the lead is in a stage their department owns (a
        // sales rep once it is queued), so the moves after keep them.
        if let want = wanted, let handle = want, handle != lead.owner,
          let body = try? planner(.assign(id: id, to: handle, note: nil), lead)
        {
          lead = LeadFold.apply(Event(seq: 0, at: now, actor: actor, body: body), to: lead) ?? lead
          planned.append(PlannedEvent(at: now, actor: actor, body: body))
          wanted = nil
        }
        try step(.move(id: id, to: stage, reason: update.reason))
      }
      if let want = wanted, want != lead.owner { try step(.assign(id: id, to: want, note: nil)) }
    } catch {
      problems.append(ImportProblem(line: update.line, message: "lead \(id): \(error)"))
      return
    }
    events += planned
    updated += 1
  }
}
