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
  /// An e-mail another active member already has: a refusal of the state, not of the
  /// address's form.
  case emailInUse(email: String, by: String)
  case notACustomer(lead: Int, stage: Stage)
  case noCandidate(lead: Int, department: Department, why: String)
  case alreadyOwner(lead: Int, handle: String)
  case needsOwner(lead: Int, why: String)
  case nothingToUndo(String)
  case cannotUndo(String)
  case nothingChanged(String)

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
      return "\(h) is away and receives no new leads (handoff team set \(h) --away off)"
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
    case .emailInUse(let email, let other):
      return
        "email '\(email)' is not valid: expected an address no other member has (\(other) has it)"
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
    }
  }
}
