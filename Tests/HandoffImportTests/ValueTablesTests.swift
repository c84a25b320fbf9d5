import HandoffModel
import Testing

@testable import HandoffImport

@Suite struct ValueTablesTests {
  @Test(
    "HubSpot lifecycle stages, by label and internal name", arguments: ValueTables.hubspotLifecycle)
  func lifecycle(label: String, stage: Stage) {
    let t = ValueTables(for: .hubspot)
    #expect(t.stages[ValueKey(label)] == stage)
    #expect(
      t.stages[ValueKey(label.uppercased().replacingOccurrences(of: " ", with: "_"))] == stage)
  }

  @Test("HubSpot's 'Other' lifecycle stage is left to the team")
  func other() {
    #expect(ValueTables(for: .hubspot).stages[ValueKey("Other")] == nil)
  }

  @Test("HubSpot lead statuses: Unqualified and Bad Timing decide, the rest leave it")
  func statuses() {
    let t = ValueTables(for: .hubspot)
    #expect(t.statusOverrides[ValueKey("Unqualified")] == .disqualified)
    #expect(t.statusOverrides[ValueKey("BAD_TIMING")] == .nurturing)
    for s in ValueTables.hubspotNeutralStatuses {
      #expect(t.neutralStatuses.contains(ValueKey(s)))
      #expect(t.statusOverrides[ValueKey(s)] == nil)
    }
  }

  @Test("Salesforce lead statuses", arguments: ValueTables.salesforceStatuses)
  func salesforce(status: String, stage: Stage) {
    #expect(ValueTables(for: .salesforce).stages[ValueKey(status)] == stage)
  }

  @Test("Handoff's own stage names, in every table a spreadsheet uses", arguments: Stage.allCases)
  func ownStages(stage: Stage) {
    #expect(ValueTables(for: .csv).stages[ValueKey(stage.rawValue)] == stage)
    #expect(ValueTables(for: .handoff).stages[ValueKey(stage.rawValue)] == stage)
  }

  @Test(
    "sources, per system",
    arguments: [
      (ImportSource.hubspot, ValueTables.hubspotSources),
      (.salesforce, ValueTables.salesforceSources), (.pipedrive, ValueTables.pipedriveSources),
    ])
  func sources(source: ImportSource, table: [(String, String)]) {
    let t = ValueTables(for: source)
    for (value, label) in table { #expect(t.sources[ValueKey(value)] == label, "\(value)") }
    // A spreadsheet knows all of them.
    let generic = ValueTables(for: .csv)
    for (value, _) in table { #expect(generic.sources[ValueKey(value)] != nil, "\(value)") }
  }

  @Test("the tables agree: no value means two things across the systems a spreadsheet reads")
  func noConflicts() {
    var seen: [ValueKey: String] = [:]
    for (value, label) in ValueTables.hubspotSources + ValueTables.salesforceSources
      + ValueTables.pipedriveSources
    {
      let key = ValueKey(value)
      #expect(seen[key] == nil || seen[key] == label, "\(value)")
      seen[key] = label
    }
    var stages: [ValueKey: Stage] = [:]
    for (value, stage) in ValueTables.genericStages {
      let key = ValueKey(value)
      #expect(stages[key] == nil || stages[key] == stage, "\(value)")
      stages[key] = stage
    }
  }

  @Test("ratings give scores", arguments: ValueTables.ratingScores)
  func ratings(rating: String, score: Int) {
    #expect(ValueTables(for: .salesforce).ratings[ValueKey(rating)] == score)
  }

  @Test("--stage-map and --source-map override the tables")
  func overrides() {
    var t = ValueTables(for: .hubspot)
    t.mapStage("Other", to: .nurturing)
    t.mapStage("Connected", to: .mql)
    t.mapSource("Offline Sources", to: "event")
    #expect(t.stages[ValueKey("other")] == .nurturing)
    #expect(t.statusOverrides[ValueKey("connected")] == .mql)
    #expect(!t.neutralStatuses.contains(ValueKey("connected")))
    #expect(t.sources[ValueKey("OFFLINE")] == "offline")
    #expect(t.sources[ValueKey("offline sources")] == "event")
  }

  @Test("owners by handle, e-mail or display name, ignoring case and accents")
  func owners() throws {
    var d = OwnerDirectory(members: Team.members, emails: Team.emails)
    #expect(d.resolve("maria") == .member(Team.members[0]))
    #expect(d.resolve("MARIA@example.com") == .member(Team.members[0]))
    #expect(d.resolve("maria garcia") == .member(Team.members[0]))
    #expect(d.resolve("  María   GARCÍA ") == .member(Team.members[0]))
    #expect(d.resolve("sam@example.com") == .member(Team.members[1]))
    #expect(d.resolve("Pat Unknown") == .unknown)
    try d.map("Pat Unknown", to: "lee")
    try d.map("Nobody Special", to: "none")
    #expect(d.resolve("pat unknown") == .member(Team.members[2]))
    #expect(d.resolve("Nobody Special") == .nobody)
    #expect(throws: ImportError.self) { try d.map("X", to: "ghost") }
  }

  @Test("two members with one display name are ambiguous unless only one is active")
  func ambiguousOwners() {
    let t = Timestamp(milliseconds: 0)
    let a = Member(handle: "al", name: "Al Smith", department: .sales, joinedAt: t)
    let b = Member(handle: "al2", name: "Al Smith", department: .sales, joinedAt: t)
    let gone = Member(
      handle: "al3", name: "Al Smith", department: .sales, active: false, joinedAt: t)
    #expect(OwnerDirectory(members: [a, b]).resolve("Al Smith") == .ambiguous(["al", "al2"]))
    #expect(OwnerDirectory(members: [a, gone]).resolve("Al Smith") == .member(a))
  }
}
