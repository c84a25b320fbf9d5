/// Something a person or script asks the model to do. The dashboard's keys and the
/// CLI's commands both become commands, so both get the same validation and errors.
///
/// `Pipeline.plan` turns a command into the event body to append, or refuses it.
package enum Command: Sendable, Hashable {
  /// Capture a new lead (`handoff add`).
  case addLead(NewLead)
  /// Edit contact fields or value.
  case updateLead(id: Int, LeadEdit)
  /// Change the score (0–100).
  case score(id: Int, Int)
  /// Move to a stage (`handoff move`, `>`/`<`); `value` only when winning.
  case move(id: Int, to: Stage, reason: String?, value: Int64? = nil)
  /// Move to the next stage along the main path (`>`).
  case moveForward(id: Int, reason: String?)
  /// Move back along the main path (`<`).
  case moveBackward(id: Int, reason: String?)
  /// Give the lead to a member, or to no one (`a`, `handoff assign`).
  case assign(id: Int, to: String?, note: String?)
  /// Give the lead to the least-loaded active member of the right department (`A`).
  case autoAssign(id: Int)
  /// Hand an MQL off to sales (`h`).
  case handOff(id: Int)
  /// Sales accepts a queued lead (`x`); the actor becomes owner if it has none (one
  /// owned by someone else only with `Overrides.take`).
  case accept(id: Int)
  /// Sales rejects a queued lead, or recycles an accepted one, back to marketing (`r`).
  case reject(id: Int, reason: String)
  /// The deal was won, optionally at a final value.
  case won(id: Int, value: Int64?)
  /// The deal was lost.
  case lost(id: Int, reason: String)
  /// Add a note.
  case note(id: Int, text: String)
  /// Log a follow-up done with a customer; the next one is due at `next` (else after
  /// the cadence).
  case followUp(id: Int, next: Timestamp?)
  /// The owner opened a lead newly assigned to them.
  case open(id: Int)
  /// Someone joins the team (with an e-mail, for matching owners in imported files),
  /// as a member or a manager.
  case addMember(
    handle: String, name: String?, department: Department, capacity: Int?, email: String? = nil,
    role: Role = .member)
  /// Change a member's away flag, capacity (`.some(nil)` clears it), name, e-mail (an
  /// empty one clears it) or role.
  case updateMember(
    handle: String, away: Bool?, capacity: Int??, name: String?, email: String? = nil,
    role: Role? = nil)
  /// Someone leaves the team.
  case removeMember(handle: String)
  /// Set a target.
  case setTarget(Target)
  /// Change a team setting.
  case setSetting(key: String, value: String)

  /// The lead the command acts on, if any.
  package var leadID: Int? {
    switch self {
    case .updateLead(let id, _), .score(let id, _), .move(let id, _, _, _), .moveForward(let id, _),
      .moveBackward(let id, _), .assign(let id, _, _), .autoAssign(let id), .handOff(let id),
      .accept(let id), .reject(let id, _), .won(let id, _), .lost(let id, _), .note(let id, _),
      .followUp(let id, _), .open(let id):
      return id
    case .addLead, .addMember, .updateMember, .removeMember, .setTarget, .setSetting:
      return nil
    }
  }
}

/// The fields of a lead being captured.
package struct NewLead: Sendable, Hashable {
  package var name: String
  package var company: String
  package var email: String
  package var source: String
  package var segment: String
  package var score: Int
  package var value: Int64
  package var owner: String?

  /// Creates the fields of a new lead; source defaults to `manual`.
  package init(
    name: String, company: String, email: String = "", source: String = "manual",
    segment: String = "", score: Int = 0, value: Int64 = 0, owner: String? = nil
  ) {
    self.name = name
    self.company = company
    self.email = email
    self.source = source
    self.segment = segment
    self.score = score
    self.value = value
    self.owner = owner
  }
}

/// Contact fields or value to change; nil fields stay as they are.
package struct LeadEdit: Sendable, Hashable {
  package var name: String?
  package var company: String?
  package var email: String?
  package var source: String?
  package var segment: String?
  package var value: Int64?

  /// Creates an edit.
  package init(
    name: String? = nil, company: String? = nil, email: String? = nil, source: String? = nil,
    segment: String? = nil, value: Int64? = nil
  ) {
    self.name = name
    self.company = company
    self.email = email
    self.source = source
    self.segment = segment
    self.value = value
  }
}

/// Limits on text fields, enforced when a change is made so no line grows without bound.
package enum FieldLimits {
  /// Lead name and company.
  package static let name = 200
  /// Email address.
  package static let email = 254
  /// Source and segment labels.
  package static let label = 40
  /// Reasons for rejecting, losing, disqualifying.
  package static let reason = 500
  /// Notes.
  package static let note = 4000
  /// Member handles (also actor names).
  package static let handle = 64
  /// Highest score.
  package static let maxScore = 100
  /// Largest value, in minor units (a trillion in major units).
  package static let maxValue: Int64 = 100_000_000_000_000
}
