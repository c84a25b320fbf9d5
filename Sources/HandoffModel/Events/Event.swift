/// One change to the shared model, as appended to the store.
///
/// The state is the fold of all events in sequence order (`Pipeline.apply`).
package struct Event: Sendable, Hashable {
  /// Position in the log; strictly increasing.
  package var seq: Int64
  /// When the change was made.
  package var at: Timestamp
  /// Who made it (a member's handle, or any name a script uses).
  package var actor: String
  /// What changed.
  package var body: EventBody

  /// Creates an event.
  package init(seq: Int64, at: Timestamp, actor: String, body: EventBody) {
    self.seq = seq
    self.at = at
    self.actor = actor
    self.body = body
  }

  /// The lead this event concerns, if any.
  package var leadID: Int? { body.leadID }
}

/// What an event changes. The `version` in lead events is the lead's version after it.
package enum EventBody: Sendable, Hashable {
  /// A lead was captured (or, with `snapshot`, restored whole by import or compaction).
  case leadCreated(LeadCreated)
  /// Contact fields or value were edited.
  case leadUpdated(LeadUpdated)
  /// The score changed.
  case leadScored(lead: Int, version: Int, score: Int)
  /// The lead moved between stages.
  case leadMoved(LeadMoved)
  /// The owner changed (`owner` nil: unassigned).
  case leadAssigned(LeadAssigned)
  /// A note was added.
  case noteAdded(lead: Int, version: Int, text: String)
  /// A follow-up with a customer was done; the next is due at `next`.
  case followUpLogged(lead: Int, version: Int, next: Timestamp)
  /// The owner opened a lead newly assigned to them (does not change the version).
  case leadOpened(lead: Int)
  /// An earlier change was undone by a compensating change.
  case leadReverted(LeadReverted)
  /// Someone joined the team.
  case memberJoined(MemberJoined)
  /// A member's away flag, capacity or name changed.
  case memberUpdated(MemberUpdated)
  /// Someone left the team.
  case memberLeft(handle: String)
  /// A target was set (value 0 removes it).
  case targetSet(Target)
  /// A team setting changed.
  case settingChanged(key: String, value: String)

  /// The lead this event concerns, if any.
  package var leadID: Int? {
    switch self {
    case .leadCreated(let e): return e.lead.id
    case .leadUpdated(let e): return e.lead
    case .leadScored(let id, _, _), .noteAdded(let id, _, _), .followUpLogged(let id, _, _):
      return id
    case .leadMoved(let e): return e.lead
    case .leadAssigned(let e): return e.lead
    case .leadOpened(let id): return id
    case .leadReverted(let e): return e.lead
    case .memberJoined, .memberUpdated, .memberLeft, .targetSet, .settingChanged: return nil
    }
  }

  /// The type name written to the log, e.g. `lead.moved`.
  package var typeName: String { kind.rawValue }

  /// The kind of event.
  package var kind: EventKind {
    switch self {
    case .leadCreated: return .leadCreated
    case .leadUpdated: return .leadUpdated
    case .leadScored: return .leadScored
    case .leadMoved: return .leadMoved
    case .leadAssigned: return .leadAssigned
    case .noteAdded: return .noteAdded
    case .followUpLogged: return .followUpLogged
    case .leadOpened: return .leadOpened
    case .leadReverted: return .leadReverted
    case .memberJoined: return .memberJoined
    case .memberUpdated: return .memberUpdated
    case .memberLeft: return .memberLeft
    case .targetSet: return .targetSet
    case .settingChanged: return .settingChanged
    }
  }
}

/// The kinds of event, by the type name the log uses.
package enum EventKind: String, Sendable, CaseIterable {
  case leadCreated = "lead.created"
  case leadUpdated = "lead.updated"
  case leadScored = "lead.scored"
  case leadMoved = "lead.moved"
  case leadAssigned = "lead.assigned"
  case noteAdded = "lead.note"
  case followUpLogged = "lead.followup"
  case leadOpened = "lead.opened"
  case leadReverted = "lead.reverted"
  case memberJoined = "member.joined"
  case memberUpdated = "member.updated"
  case memberLeft = "member.left"
  case targetSet = "target.set"
  case settingChanged = "setting.changed"
}

/// A new lead, or (when `snapshot` is true) a whole lead restored by compaction or
/// import, with its stage, times, reasons and notes.
package struct LeadCreated: Sendable, Hashable {
  /// The lead as it stands after the event.
  package var lead: Lead
  /// The notes it carries (only in snapshots).
  package var notes: [Note]
  /// True when this restores an existing lead's full state rather than capturing a new one.
  package var snapshot: Bool
  /// For a new lead brought in with its history (an import): when it entered its stage
  /// and was last active, if later than its creation (nil: the event's moment, as for
  /// every lead created in Handoff). A snapshot carries them in `lead` instead.
  package var stageEnteredAt: Timestamp?
  package var lastActivityAt: Timestamp?

  /// Creates the event payload.
  package init(
    lead: Lead, notes: [Note] = [], snapshot: Bool = false, stageEnteredAt: Timestamp? = nil,
    lastActivityAt: Timestamp? = nil
  ) {
    self.lead = lead
    self.notes = notes
    self.snapshot = snapshot
    self.stageEnteredAt = stageEnteredAt
    self.lastActivityAt = lastActivityAt
  }
}

/// Edited contact fields or value; nil fields are unchanged.
package struct LeadUpdated: Sendable, Hashable {
  package var lead: Int
  package var version: Int
  package var name: String?
  package var company: String?
  package var email: String?
  package var source: String?
  package var segment: String?
  package var value: Int64?

  /// Creates the event payload.
  package init(
    lead: Int, version: Int, name: String? = nil, company: String? = nil, email: String? = nil,
    source: String? = nil, segment: String? = nil, value: Int64? = nil
  ) {
    self.lead = lead
    self.version = version
    self.name = name
    self.company = company
    self.email = email
    self.source = source
    self.segment = segment
    self.value = value
  }

  /// Whether the edit changes nothing.
  package var isEmpty: Bool {
    name == nil && company == nil && email == nil && source == nil && segment == nil && value == nil
  }
}

/// A stage change, with the owner change it implies and an optional value (for `won`).
package struct LeadMoved: Sendable, Hashable {
  package var lead: Int
  package var version: Int
  /// The stage before.
  package var from: Stage
  /// The stage after.
  package var to: Stage
  /// Why (required for rejections, recycling, losses and disqualifications).
  package var reason: String?
  /// The owner after the move when the move changes it (`.some(nil)`: unassigned).
  package var owner: String??
  /// The deal's final value, when given on winning.
  package var value: Int64?
  /// When winning: the first follow-up with the new customer is due then.
  package var nextFollowUp: Timestamp?
  /// The owner the actor took the lead from (accepting, winning or losing a lead
  /// someone else owned, with `--take`); the new owner is `owner`.
  package var takenFrom: String?

  /// Creates the event payload.
  package init(
    lead: Int, version: Int, from: Stage, to: Stage, reason: String? = nil, owner: String?? = nil,
    value: Int64? = nil, nextFollowUp: Timestamp? = nil, takenFrom: String? = nil
  ) {
    self.lead = lead
    self.version = version
    self.from = from
    self.to = to
    self.reason = reason
    self.owner = owner
    self.value = value
    self.nextFollowUp = nextFollowUp
    self.takenFrom = takenFrom
  }
}

/// A change of owner.
package struct LeadAssigned: Sendable, Hashable {
  package var lead: Int
  package var version: Int
  /// The new owner, or nil for unassigned.
  package var owner: String?
  /// A note for the new owner, optional.
  package var note: String?
  /// True when chosen by auto-assign.
  package var auto: Bool

  /// Creates the event payload.
  package init(lead: Int, version: Int, owner: String?, note: String? = nil, auto: Bool = false) {
    self.lead = lead
    self.version = version
    self.owner = owner
    self.note = note
    self.auto = auto
  }
}

/// A compensating change that undoes the event `undoes` on a lead: the lead's fields
/// return to `restore`, and the figures that event counted are taken back.
package struct LeadReverted: Sendable, Hashable {
  package var lead: Int
  package var version: Int
  /// The sequence number of the undone event.
  package var undoes: Int64
  /// The kind of the undone event.
  package var undoneKind: EventKind
  /// When the undone event happened (its figures are taken back from that day).
  package var undoneAt: Timestamp
  /// The lead's state to return to (its `version` is ignored: the revert has its own).
  package var restore: Lead
  /// True when the undone event added a note, which the revert removes.
  package var removesNote: Bool

  /// Creates the event payload.
  package init(
    lead: Int, version: Int, undoes: Int64, undoneKind: EventKind, undoneAt: Timestamp,
    restore: Lead,
    removesNote: Bool = false
  ) {
    self.lead = lead
    self.version = version
    self.undoes = undoes
    self.undoneKind = undoneKind
    self.undoneAt = undoneAt
    self.restore = restore
    self.removesNote = removesNote
  }
}

/// A new member.
package struct MemberJoined: Sendable, Hashable {
  package var handle: String
  package var name: String
  package var department: Department
  package var capacity: Int?
  /// When the member last received a lead (only in a compaction's snapshot, so
  /// auto-assign's "longest waiting" tie-break survives it).
  package var lastAssignedAt: Timestamp?
  /// Their e-mail address, if given.
  package var email: String?
  /// Member or manager (`member` in logs written before roles).
  package var role: Role

  /// Creates the event payload.
  package init(
    handle: String, name: String, department: Department, capacity: Int? = nil,
    lastAssignedAt: Timestamp? = nil, email: String? = nil, role: Role = .member
  ) {
    self.handle = handle
    self.name = name
    self.department = department
    self.capacity = capacity
    self.lastAssignedAt = lastAssignedAt
    self.email = email
    self.role = role
  }
}

/// Changed member fields; nil fields are unchanged. `capacity` `.some(nil)` clears it;
/// an empty `email` clears it.
package struct MemberUpdated: Sendable, Hashable {
  package var handle: String
  package var name: String?
  package var away: Bool?
  package var capacity: Int??
  package var email: String?
  package var role: Role?

  /// Creates the event payload.
  package init(
    handle: String, name: String? = nil, away: Bool? = nil, capacity: Int?? = nil,
    email: String? = nil, role: Role? = nil
  ) {
    self.handle = handle
    self.name = name
    self.away = away
    self.capacity = capacity
    self.email = email
    self.role = role
  }
}
