/// What a column of an import file gives a lead.
package enum ImportField: Int, Sendable, CaseIterable, Hashable {
  /// The whole name.
  case name
  /// Joined with `lastName` when there is no whole name.
  case firstName
  case lastName
  /// A Pipedrive lead's title: the name when the file has no person's name.
  case title
  case company
  case email
  case source
  case segment
  /// 0–100; larger numbers are capped at 100.
  case score
  /// Hot / warm / cold: a score when the row has none.
  case rating
  /// An amount in the file's notation, in major units.
  case value
  /// The currency of `value` (`USD`, `€`), checked against the team's.
  case currency
  /// The stage, through the source's stage table (lifecycle stage, lead status).
  case stage
  /// HubSpot's lead status: overrides the stage where its table says so.
  case leadStatus
  /// A member's handle, e-mail or display name.
  case owner
  case created
  case stageEntered
  case lastActivity
  case nextFollowUp
  case reason
  /// The record's id in the file's system: recognised, not stored.
  case externalID
  /// A Handoff export's version: recognised, not stored.
  case version

  /// The name `--map` uses.
  package var key: String {
    switch self {
    case .name: return "name"
    case .firstName: return "first_name"
    case .lastName: return "last_name"
    case .title: return "title"
    case .company: return "company"
    case .email: return "email"
    case .source: return "source"
    case .segment: return "segment"
    case .score: return "score"
    case .rating: return "rating"
    case .value: return "value"
    case .currency: return "currency"
    case .stage: return "stage"
    case .leadStatus: return "lead_status"
    case .owner: return "owner"
    case .created: return "created"
    case .stageEntered: return "stage_entered"
    case .lastActivity: return "last_activity"
    case .nextFollowUp: return "next_followup"
    case .reason: return "reason"
    case .externalID: return "id"
    case .version: return "version"
    }
  }

  /// How many fields there are.
  package static let count = allCases.count

  /// The fields `--map COLUMN=FIELD` may name.
  package static let mappable: [ImportField] = allCases.filter {
    $0 != .externalID && $0 != .version
  }

  /// The field `--map` names (its key with any spelling of case and underscores).
  package init?(key: String) {
    let wanted = HeaderKey(key)
    guard let field = ImportField.allCases.first(where: { HeaderKey($0.key) == wanted })
    else { return nil }
    self = field
  }

  /// Fields that can give a lead its name.
  package var namesLead: Bool {
    self == .name || self == .firstName || self == .lastName || self == .title
  }
}
