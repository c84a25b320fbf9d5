/// Why the model refused an action. Each description is the one line a user sees.
package enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
  case unknownLead(Int)
  case unknownMember(String)
  case memberExists(String)
  case memberInactive(String)
  case memberAway(String)
  case wrongDepartment(handle: String, department: Department, stage: Stage, needed: Department)
  case illegalMove(lead: Int, from: Stage, to: Stage)
  case sameStage(lead: Int, stage: Stage)
  case noForwardMove(lead: Int, stage: Stage)
  case noBackwardMove(lead: Int, stage: Stage)
  case reasonRequired(lead: Int, from: Stage, to: Stage)
  case staleVersion(lead: Int, expected: Int, current: Int, change: String)
  case invalidValue(field: String, value: String, expected: String)
  case tooLong(field: String, limit: Int)
  case empty(field: String)
  /// Text holding a character that is never stored (see `Validate.isForbidden`).
  case controlCharacter(field: String, scalar: UInt32)
  case unknownSetting(String)
  case notACustomer(lead: Int, stage: Stage)
  case noCandidate(lead: Int, department: Department, why: String)
  case alreadyOwner(lead: Int, handle: String)
  case needsOwner(lead: Int, why: String)
  case nothingToUndo(String)
  case cannotUndo(String)
  case nothingChanged(String)
  /// A write by someone not on the team (the nearest member's handle, if one is near).
  case notAMember(String, nearest: String?)
  /// A member doing a step of the handoff that is another department's.
  case notTheirDuty(handle: String, department: Department, duty: Duty)
  /// Accepting, winning or losing a lead another member owns, without taking it.
  case ownedByOther(lead: Int, owner: String, duty: Duty)
  /// Assigning to a member who already holds as many open leads as their capacity.
  case atCapacity(handle: String, load: Int, capacity: Int)

  package var description: String {
    switch self {
    case .unknownLead(let id):
      return "no lead \(id)"
    case .unknownMember(let h):
      return "no team member '\(h)' (see: handoff team list)"
    case .memberExists(let h):
      return "'\(h)' is already on the team"
    case .memberInactive(let h):
      return "\(h) has left the team"
    case .memberAway(let h):
      return
        "\(h) is away and receives no new leads (--force assigns anyway; handoff team set \(h) --away off)"
    case .wrongDepartment(let h, let d, let s, let needed):
      return "\(h) is in \(d.rawValue), but leads in \(s.rawValue) are owned by \(needed.rawValue)"
    case .illegalMove(let id, let from, let to):
      let allowed = from.allowedMoves.map(\.rawValue).joined(separator: ", ")
      return
        "\(id) cannot move from \(from.rawValue) to \(to.rawValue) (from \(from.rawValue): \(allowed))"
    case .sameStage(let id, let s):
      return "\(id) is already in \(s.rawValue)"
    case .noForwardMove(let id, let s):
      return "\(id) is in \(s.rawValue): there is no stage after it"
    case .noBackwardMove(let id, let s):
      return "\(id) is in \(s.rawValue): there is no stage to go back to"
    case .reasonRequired(let id, let from, let to):
      return "moving \(id) from \(from.rawValue) to \(to.rawValue) needs a reason (--reason TEXT)"
    case .staleVersion(let id, let expected, let current, let change):
      return "\(id) changed since you saw it (version \(expected), now \(current)): \(change)"
    case .invalidValue(let field, let value, let expected):
      return "\(field) '\(value)' is not valid: expected \(expected)"
    case .tooLong(let field, let limit):
      return "\(field) is too long (at most \(limit) characters)"
    case .empty(let field):
      return "\(field) must not be empty"
    case .controlCharacter(let field, let scalar):
      return
        "\(field) holds a control character (\(Validate.codePoint(scalar))), which is never stored"
    case .unknownSetting(let key):
      return "no setting '\(key)' (settings: \(Settings.keys.joined(separator: ", ")))"
    case .notACustomer(let id, let s):
      return "\(id) is in \(s.rawValue): follow-ups are logged for customers (won)"
    case .noCandidate(let id, let d, let why):
      return "no one in \(d.rawValue) can take \(id): \(why)"
    case .alreadyOwner(let id, let h):
      return "\(id) is already assigned to \(h)"
    case .needsOwner(let id, let why):
      return "\(id) \(why)"
    case .nothingToUndo(let why):
      return "nothing to undo: \(why)"
    case .cannotUndo(let why):
      return "cannot undo: \(why)"
    case .nothingChanged(let why):
      return "nothing changed: \(why)"
    case .notAMember(let actor, let nearest):
      let hint = nearest.map { "did you mean '\($0)'? " } ?? ""
      return
        "'\(actor)' is not on the team, and only members change it (\(hint)see: handoff team list)"
    case .notTheirDuty(let h, let d, let duty):
      return
        "\(h) is in \(d.rawValue): only \(duty.department.rawValue) members and managers \(duty.words) leads"
    case .ownedByOther(let id, let owner, let duty):
      return "\(id) is \(owner)'s: to \(duty.words) it yourself, take it from \(owner) (--take)"
    case .atCapacity(let h, let load, let capacity):
      return "\(h) holds \(load) open leads, at capacity \(capacity) (--force assigns anyway)"
    }
  }

  /// The confirmation that lets the action through, when there is one: taking the
  /// lead, or assigning anyway.
  package var override: Overrides? {
    switch self {
    case .ownedByOther: return .take
    case .memberAway, .atCapacity: return .force
    default: return nil
    }
  }

  /// The question the dashboard asks before going ahead with the override, in place of
  /// the refusal (which names the CLI's flag).
  package var question: String? {
    switch self {
    case .ownedByOther(let id, let owner, let duty):
      return "\(id) is \(owner)'s: \(duty.words) it and take it from \(owner)?"
    case .memberAway(let h):
      return "\(h) is away: assign anyway?"
    case .atCapacity(let h, let load, let capacity):
      return "\(h) holds \(load) open leads (capacity \(capacity)): assign anyway?"
    default:
      return nil
    }
  }
}
