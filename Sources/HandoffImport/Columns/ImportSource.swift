/// Where an import file comes from: which columns it has and which value tables read it.
///
/// The column names are those each system documents for its exports (see
/// docs/IMPORT.md for the sources); matching ignores case, spacing, underscores and a BOM.
package enum ImportSource: String, Sendable, CaseIterable, Hashable {
  /// A HubSpot contacts export.
  case hubspot
  /// A Salesforce leads export: a report ("Export Details") or Data Loader / API.
  case salesforce
  /// A Pipedrive leads export.
  case pipedrive
  /// Handoff's own `export --csv`.
  case handoff
  /// Any spreadsheet whose headers name Handoff's fields.
  case csv
  /// Lead objects with Handoff's export keys, one per line (`--from jsonl`).
  case jsonl

  /// How the report names it.
  package var title: String {
    switch self {
    case .hubspot: return "HubSpot contacts export"
    case .salesforce: return "Salesforce leads export"
    case .pipedrive: return "Pipedrive leads export"
    case .handoff: return "Handoff export"
    case .csv: return "spreadsheet"
    case .jsonl: return "JSON lines"
    }
  }

  /// The source `--from` names.
  package init?(option: String) {
    guard let source = ImportSource(rawValue: option.lowercased()) else { return nil }
    self = source
  }

  /// The field each known header gives, for this source.
  package var columns: [HeaderKey: ImportField] {
    switch self {
    case .hubspot: return ImportSource.hubspotColumns
    case .salesforce: return ImportSource.salesforceColumns
    case .pipedrive: return ImportSource.pipedriveColumns
    case .handoff, .csv: return ImportSource.genericColumns
    case .jsonl: return ImportSource.jsonColumns
    }
  }

  /// Headers only this source's exports have; the source whose headers a file has the
  /// most of is the one recognised.
  var signature: Set<HeaderKey> {
    switch self {
    case .hubspot: return ImportSource.hubspotSignature
    case .salesforce: return ImportSource.salesforceSignature
    case .pipedrive: return ImportSource.pipedriveSignature
    case .handoff: return ImportSource.handoffSignature
    case .csv, .jsonl: return []
    }
  }

  /// The source a header row is from: the one with the most of its signature headers
  /// (a Handoff export needs nearly all of its own); a plain spreadsheet otherwise.
  package static func recognise(_ headers: [HeaderKey]) -> ImportSource {
    let present = Set(headers)
    let handoff = present.intersection(handoffSignature).count
    if handoff >= handoffSignature.count - 2 { return .handoff }
    var best = ImportSource.csv
    var bestCount = 0
    for source in [ImportSource.hubspot, .salesforce, .pipedrive] {
      let count = present.intersection(source.signature).count
      if count > bestCount {
        best = source
        bestCount = count
      }
    }
    return best
  }

  private static func table(_ entries: [(ImportField, [String])]) -> [HeaderKey: ImportField] {
    var out: [HeaderKey: ImportField] = [:]
    for (field, headers) in entries {
      for header in headers { out[HeaderKey(header)] = field }
    }
    return out
  }

  /// Handoff's own field names and the plain words spreadsheets use for them.
  static let genericColumns = table([
    (.name, ["name", "full name", "contact name", "lead name", "contact", "person"]),
    (.firstName, ["first name", "given name", "forename"]),
    (.lastName, ["last name", "surname", "family name"]),
    (
      .company,
      [
        "company", "company name", "organization", "organisation", "organization name",
        "account", "account name",
      ]
    ),
    (.email, ["email", "e-mail", "email address", "e-mail address", "mail"]),
    (.source, ["source", "lead source", "channel", "original source"]),
    (.segment, ["segment", "market segment"]),
    (.score, ["score", "lead score"]),
    (.rating, ["rating"]),
    (.value, ["value", "deal value", "estimated value", "amount"]),
    (.currency, ["currency", "currency code"]),
    (.stage, ["stage", "lifecycle stage", "lead stage", "status", "lead status"]),
    (.owner, ["owner", "lead owner", "contact owner", "assigned to", "sales rep", "rep"]),
    (
      .created,
      ["created", "created at", "create date", "created date", "date created", "date added"]
    ),
    (.stageEntered, ["stage_entered", "stage entered"]),
    (.lastActivity, ["last_activity", "last activity", "last activity date"]),
    (.nextFollowUp, ["next_followup", "next follow-up", "next follow up"]),
    (.reason, ["reason"]),
    (.externalID, ["id"]),
    (.version, ["version"]),
  ])

  /// The keys of Handoff's lead objects (`export`, `show --json`) beside the plain words.
  static let jsonColumns = genericColumns.merging(
    table([
      (.stageEntered, ["stage_at"]), (.lastActivity, ["activity_at"]),
      (.nextFollowUp, ["followup"]),
      (.version, ["v"]),
    ]), uniquingKeysWith: { _, new in new })

  /// HubSpot's contact properties as its exports label them.
  static let hubspotColumns = table([
    (.externalID, ["Record ID", "Contact ID"]),
    (.firstName, ["First Name"]),
    (.lastName, ["Last Name"]),
    (.email, ["Email", "Email Address"]),
    (.company, ["Company Name", "Company", "Associated Company"]),
    (.stage, ["Lifecycle Stage"]),
    (.leadStatus, ["Lead Status"]),
    (.owner, ["Contact owner", "HubSpot Owner", "Owner"]),
    (.created, ["Create Date", "Created Date", "Became a Lead Date"]),
    (.source, ["Original Source", "Original Source Type"]),
    (.score, ["HubSpot Score", "Score"]),
    (.lastActivity, ["Last Activity Date"]),
  ])

  static let hubspotSignature: Set<HeaderKey> = Set(
    [
      "Record ID", "Contact owner", "Lifecycle Stage", "HubSpot Score", "Original Source",
      "Original Source Type", "HubSpot Owner", "Became a Lead Date",
    ].map { HeaderKey($0) })

  /// Salesforce Lead fields, by their report labels and their API names (Data Loader).
  static let salesforceColumns = table([
    (.externalID, ["Lead ID", "Id"]),
    (.firstName, ["First Name", "FirstName"]),
    (.lastName, ["Last Name", "LastName"]),
    (.name, ["Name", "Full Name"]),
    (.company, ["Company / Account", "Company"]),
    (.email, ["Email"]),
    (.source, ["Lead Source", "LeadSource"]),
    (.stage, ["Lead Status", "Status"]),
    (.owner, ["Lead Owner", "OwnerId", "Owner.Name", "Owner Name", "Owner"]),
    (.rating, ["Rating"]),
    (.created, ["Create Date", "Created Date", "CreatedDate"]),
    (.lastActivity, ["Last Activity", "LastActivityDate"]),
    (.currency, ["Lead Currency", "CurrencyIsoCode"]),
  ])

  static let salesforceSignature: Set<HeaderKey> = Set(
    [
      "Lead ID", "Lead Owner", "Company / Account", "Lead Source", "OwnerId", "CreatedDate",
      "IsConverted", "Converted", "Rating", "LastActivityDate", "Lead Currency", "CurrencyIsoCode",
    ]
    .map { HeaderKey($0) })

  /// Pipedrive's lead export: `Entity - Field` headers.
  static let pipedriveColumns = table([
    (.title, ["Lead - Title"]),
    (.name, ["Person - Name", "Contact person"]),
    (.firstName, ["Person - First name"]),
    (.lastName, ["Person - Last name"]),
    (.company, ["Organization - Name", "Organization"]),
    (
      .email,
      [
        "Person - Email", "Person - Email (Work)", "Person - Email (Home)",
        "Person - Email (Other)",
      ]
    ),
    (.owner, ["Lead - Owner"]),
    (.source, ["Lead - Source", "Lead - Source channel", "Lead - Source origin"]),
    (.value, ["Lead - Value"]),
    (.currency, ["Lead - Currency", "Lead - Value currency", "Lead - Currency of value"]),
    (.rating, ["Lead - Labels", "Lead - Label"]),
    (
      .created,
      [
        "Lead - Created", "Lead - Lead created", "Lead - Creation date", "Lead - Add time",
        "Lead - Created at",
      ]
    ),
    (.externalID, ["Lead - ID", "Lead - Pipedrive System ID"]),
  ])

  static let pipedriveSignature: Set<HeaderKey> = Set(pipedriveColumns.keys)

  /// The columns of `handoff export --csv`.
  static let handoffSignature: Set<HeaderKey> = Set(
    [
      "id", "name", "company", "email", "source", "segment", "score", "value", "stage", "owner",
      "created", "stage_entered", "last_activity", "next_followup", "reason", "version",
    ]
    .map { HeaderKey($0) })
}
