import HandoffModel

/// A row that passed validation: the lead's fields as the file gives them, each nil
/// where the file says nothing (no column, or an empty cell), so that updating an
/// existing lead changes only what the file says.
package struct ImportedLead: Sendable, Hashable {
  /// The line the row starts on (for a merged duplicate: the last row's).
  package var line: Int
  package var name: String?
  package var company: String?
  /// The address as written (trimmed); matched case-insensitively.
  package var email: String?
  package var source: String?
  package var segment: String?
  package var score: Int?
  /// Minor units.
  package var value: Int64?
  package var stage: Stage?
  /// Why the lead is in its stage, for stages that need one (lost, disqualified).
  package var reason: String?
  /// The owner the file names: `.some(nil)` for nobody.
  package var owner: String??
  package var created: Timestamp?
  package var stageEntered: Timestamp?
  package var lastActivity: Timestamp?
  package var nextFollowUp: Timestamp?
  /// The lead's id in a Handoff export (kept when the store has no lead with it).
  package var id: Int?
  /// The lead's version in a Handoff export.
  package var version: Int?

  /// The key rows of one file are matched by: a Handoff export's id, else the e-mail
  /// trimmed and case-folded, else (no e-mail) the name and company case-folded.
  package var matchKey: MatchKey? {
    if let id { return .id(id) }
    if let email, !email.isEmpty { return .email(MatchKey.fold(email)) }
    guard let name else { return nil }
    return .person(MatchKey.fold(name), MatchKey.fold(company ?? ""))
  }

  /// Fields of `later` (a repeat of this lead further down the file) replace these
  /// where it says something; the earliest creation date is kept.
  package mutating func merge(_ later: ImportedLead) {
    line = later.line
    name = later.name ?? name
    company = later.company ?? company
    email = later.email ?? email
    source = later.source ?? source
    segment = later.segment ?? segment
    score = later.score ?? score
    value = later.value ?? value
    if let stage = later.stage {
      self.stage = stage
      reason = later.reason
    }
    owner = later.owner ?? owner
    if let c = later.created { created = min(created ?? c, c) }
    stageEntered = later.stageEntered ?? stageEntered
    lastActivity = later.lastActivity ?? lastActivity
    nextFollowUp = later.nextFollowUp ?? nextFollowUp
    id = id ?? later.id
    version = later.version ?? version
  }
}

/// What identifies one person across rows and imports.
package enum MatchKey: Sendable, Hashable {
  /// The e-mail, folded.
  case email(String)
  /// Name and company, folded, for leads without an e-mail.
  case person(String, String)
  /// A Handoff export's lead id (its own leads may share an e-mail).
  case id(Int)

  /// The key of an existing lead.
  package init(_ lead: Lead) {
    if lead.email.isEmpty {
      self = .person(MatchKey.fold(lead.name), MatchKey.fold(lead.company))
    } else {
      self = .email(MatchKey.fold(lead.email))
    }
  }

  /// Trimmed and case-folded (so `Bob@X.com ` and `bob@x.com` are one address).
  static func fold(_ text: String) -> String {
    let trimmed = text.trimmingWhitespace
    // ASCII (nearly every address) folds byte by byte, and most need no new string.
    var upper = false
    for byte in trimmed.utf8 {
      if byte >= 0x80 { return trimmed.lowercased() }
      if byte >= 0x41, byte <= 0x5A { upper = true }
    }
    guard upper else { return trimmed }
    let count = trimmed.utf8.count
    return String(unsafeUninitializedCapacity: count) { buffer in
      for (i, byte) in trimmed.utf8.enumerated() {
        buffer[i] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      }
      return count
    }
  }
}
