import HandoffModel

/// The documented tables that turn a source's values into Handoff's: lifecycle stages
/// and lead statuses into stages, lead sources into source labels, ratings into scores.
/// Each is overridable (`--stage-map`, `--source-map`); docs/IMPORT.md lists them.
///
/// Values are looked up by `ValueKey`, so a label (`Marketing Qualified Lead`) and the
/// system's internal name (`marketingqualifiedlead`, `MARKETING_QUALIFIED_LEAD`) agree.
package struct ValueTables: Sendable {
  /// A stage column's values.
  package var stages: [ValueKey: Stage]
  /// HubSpot lead statuses that override the stage (the rest leave it as it is).
  package var statusOverrides: [ValueKey: Stage]
  /// Lead statuses known to leave the stage as it is.
  package var neutralStatuses: Set<ValueKey>
  /// Source values given another label; values not listed are kept as their own label.
  package var sources: [ValueKey: String]
  /// Ratings (and Pipedrive's default labels) as scores.
  package var ratings: [ValueKey: Int]

  /// The tables for a source's exports.
  package init(for source: ImportSource) {
    switch source {
    case .hubspot:
      stages = Keyed.hubspotLifecycle
      sources = Keyed.hubspotSources
    case .salesforce:
      stages = Keyed.salesforceStatuses
      sources = Keyed.salesforceSources
    case .pipedrive:
      stages = Keyed.genericStages
      sources = Keyed.pipedriveSources
    case .handoff, .csv, .jsonl:
      stages = Keyed.genericStages
      sources = Keyed.allSources
    }
    statusOverrides = Keyed.statusOverrides
    neutralStatuses = Keyed.neutralStatuses
    ratings = Keyed.ratings
  }

  /// The tables by key, built once.
  private enum Keyed {
    static let hubspotLifecycle = ValueTables.table(ValueTables.hubspotLifecycle)
    static let salesforceStatuses = ValueTables.table(ValueTables.salesforceStatuses)
    static let genericStages = ValueTables.table(ValueTables.genericStages)
    static let hubspotSources = ValueTables.table(ValueTables.hubspotSources)
    static let salesforceSources = ValueTables.table(ValueTables.salesforceSources)
    static let pipedriveSources = ValueTables.table(ValueTables.pipedriveSources)
    static let allSources = ValueTables.table(
      ValueTables.hubspotSources + ValueTables.salesforceSources + ValueTables.pipedriveSources)
    static let statusOverrides = ValueTables.table(ValueTables.hubspotStatusOverrides)
    static let neutralStatuses = Set(ValueTables.hubspotNeutralStatuses.map { ValueKey($0) })
    static let ratings = ValueTables.table(ValueTables.ratingScores)
  }

  /// Applies `--stage-map VALUE=STAGE`: the value means that stage in the stage column
  /// and in a lead-status column alike.
  package mutating func mapStage(_ value: String, to stage: Stage) {
    let key = ValueKey(value)
    stages[key] = stage
    statusOverrides[key] = stage
    neutralStatuses.remove(key)
  }

  /// Applies `--source-map VALUE=SOURCE`.
  package mutating func mapSource(_ value: String, to label: String) {
    sources[ValueKey(value)] = label
  }

  fileprivate static func table<Value>(_ entries: [(String, Value)]) -> [ValueKey: Value] {
    var out: [ValueKey: Value] = [:]
    for (key, value) in entries { out[ValueKey(key)] = value }
    return out
  }

  /// HubSpot's default lifecycle stages. `Other` is left for the team to decide.
  static let hubspotLifecycle: [(String, Stage)] = [
    ("Subscriber", .new), ("Lead", .new), ("Marketing Qualified Lead", .mql),
    ("Sales Qualified Lead", .accepted), ("Opportunity", .accepted), ("Customer", .won),
    ("Evangelist", .won),
  ]

  /// HubSpot lead statuses that say more than the lifecycle stage.
  static let hubspotStatusOverrides: [(String, Stage)] = [
    ("Unqualified", .disqualified), ("Bad Timing", .nurturing),
  ]

  /// HubSpot's other default lead statuses: the lifecycle stage decides.
  static let hubspotNeutralStatuses = [
    "New", "Open", "In Progress", "Open Deal", "Attempted to Contact", "Connected",
  ]

  /// Salesforce's default lead statuses, and the short ones many orgs use.
  static let salesforceStatuses: [(String, Stage)] = [
    ("Open - Not Contacted", .new), ("Working - Contacted", .nurturing),
    ("Closed - Converted", .accepted), ("Closed - Not Converted", .disqualified),
    ("Open", .new), ("New", .new), ("Contacted", .nurturing), ("Working", .nurturing),
    ("Nurturing", .nurturing), ("Qualified", .mql), ("Unqualified", .disqualified),
  ]

  /// Handoff's stages by name, with the CRMs' stage and status words beside them.
  static let genericStages: [(String, Stage)] =
    Stage.allCases.map { ($0.rawValue, $0) } + hubspotLifecycle + salesforceStatuses + [
      ("MQL", .mql), ("SQL", .accepted), ("Prospect", .new), ("Closed Won", .won),
      ("Closed Lost", .lost), ("Churn", .churned),
    ]

  /// HubSpot's Original Source values.
  static let hubspotSources: [(String, String)] = [
    ("Organic Search", "seo"), ("Paid Search", "ads"), ("Email Marketing", "email"),
    ("Organic Social", "social"), ("Social Media", "social"), ("Paid Social", "ads"),
    ("Referrals", "referral"), ("Other Campaigns", "campaign"), ("Direct Traffic", "direct"),
    ("Offline Sources", "offline"), ("Offline", "offline"), ("AI Referrals", "ai"),
  ]

  /// Salesforce's default Lead Source values (current and older orgs).
  static let salesforceSources: [(String, String)] = [
    ("Web", "web"), ("Phone Inquiry", "phone"), ("Partner Referral", "referral"),
    ("Purchased List", "list"), ("Other", "other"), ("Advertisement", "ads"),
    ("Employee Referral", "referral"), ("External Referral", "referral"), ("Partner", "partner"),
    ("Public Relations", "pr"), ("Seminar - Internal", "event"), ("Seminar - Partner", "event"),
    ("Trade Show", "event"), ("Word of mouth", "referral"),
  ]

  /// Pipedrive's lead sources (the fixed list its API documents) and source channels.
  static let pipedriveSources: [(String, String)] = [
    ("Manually created", "manual"), ("Deal", "deal"), ("Web forms", "web"),
    ("Prospector", "outbound"), ("Leadbooster", "chat"), ("Live chat", "chat"),
    ("Import", "import"), ("Website visitors", "web"), ("Workflow automation", "automation"),
    ("API", "api"), ("Campaigns", "email"), ("Messaging inbox", "chat"),
  ]

  /// Salesforce ratings and Pipedrive's default lead labels.
  static let ratingScores: [(String, Int)] = [("Hot", 80), ("Warm", 50), ("Cold", 20)]
}
