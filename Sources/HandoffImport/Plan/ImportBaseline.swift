import HandoffModel

/// What the team's store holds when an import is planned: the leads rows are matched
/// with, the members owners are matched with, and the settings values are read in.
package struct ImportBaseline: Sendable {
  /// Every lead in the store.
  package var leads: [Lead]
  /// Every member, including those who left (a file may still name them).
  package var members: [Member]
  /// Members' e-mail addresses by handle, for owners the file names by e-mail.
  package var memberEmails: [String: String]
  /// The team's currency (ISO code).
  package var currency: String
  /// The team's time zone, for times the file gives without an offset.
  package var zone: Zone
  /// The moment of the import (dates after it are refused).
  package var now: Timestamp

  /// Creates a baseline.
  package init(
    leads: [Lead], members: [Member], memberEmails: [String: String] = [:], currency: String,
    zone: Zone, now: Timestamp
  ) {
    self.leads = leads
    self.members = members
    self.memberEmails = memberEmails
    self.currency = currency
    self.zone = zone
    self.now = now
  }
}
