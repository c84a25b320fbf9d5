import Testing

@testable import HandoffImport

@Suite struct ColumnMapTests {
  private func map(
    _ headers: [String], source: ImportSource? = nil, overrides: [(String, ImportField?)] = []
  )
    throws(ImportError) -> ColumnMap
  {
    try ColumnMap(headers: headers, source: source, overrides: overrides.map { ($0.0, $0.1) })
  }

  @Test("each CRM's export is recognised from its header row")
  func recognition() throws {
    #expect(
      try map(["Record ID", "First Name", "Last Name", "Email", "Lifecycle Stage", "Contact owner"])
        .source == .hubspot)
    #expect(
      try map(["Lead ID", "First Name", "Last Name", "Company / Account", "Email", "Lead Owner"])
        .source == .salesforce)
    #expect(
      try map(["Id", "FirstName", "LastName", "Company", "Email", "OwnerId", "CreatedDate"]).source
        == .salesforce)
    #expect(
      try map(["Lead - Title", "Person - Name", "Organization - Name", "Person - Email"]).source
        == .pipedrive)
    let ours = [
      "id", "name", "company", "email", "source", "segment", "score", "value", "stage", "owner",
      "created", "stage_entered", "last_activity", "next_followup", "reason", "version",
    ]
    #expect(try map(ours).source == .handoff)
    #expect(try map(["name", "email", "company"]).source == .csv)
  }

  @Test("headers match whatever their case, spacing, underscores and byte-order mark")
  func headerKeys() throws {
    let m = try map(
      ["\u{FEFF}  FIRST_NAME ", "lastname", "E-Mail", " Lifecycle   stage"], source: .hubspot)
    #expect(m.fields == [.firstName, .lastName, nil, .stage])
    #expect(m.headers[0] == "FIRST_NAME")
    let generic = try map(["E-Mail", "Full Name"])
    #expect(generic.fields == [.email, .name])
  }

  @Test("a column the source does not know is listed as unused; a second column for a field too")
  func unused() throws {
    let m = try map(["Email", "Phone Number", "Email Address", ""], source: .hubspot)
    #expect(m.fields == [.email, nil, nil, nil])
    #expect(m.unused == ["Phone Number", "Email Address"])
  }

  @Test("--map names a column for a field, takes the field from another, or ignores a column")
  func overrides() throws {
    let m = try map(
      ["Email", "Work Email", "Firma", "Lifecycle Stage"], source: .hubspot,
      overrides: [("work email", .email), ("FIRMA", .company), ("Lifecycle Stage", nil)])
    #expect(m.fields == [nil, .email, .company, nil])
  }

  @Test("a --map for a column the file lacks, and a file without name or e-mail, fail")
  func failures() {
    #expect(throws: ImportError.unknownColumn("Nope", headers: ["email"])) {
      try map(["email"], overrides: [("Nope", .name)])
    }
    #expect(throws: ImportError.noNameOrEmail(headers: ["Phone", "City"])) {
      try map(["Phone", "City"])
    }
  }

  @Test("--map options parse, naming fields in any spelling")
  func options() throws {
    var o = ImportOptions()
    try o.map("Given=First Name")
    try o.map("Notes=ignore")
    #expect(o.columns.map(\.column) == ["Given", "Notes"])
    #expect(o.columns.map(\.field) == [.firstName, nil])
    #expect(throws: ImportError.unknownField("colour")) { try o.map("X=colour") }
    #expect(throws: ImportError.self) { try o.map("no-equals") }
    #expect(throws: ImportError.self) { try o.mapStage("Other=sideways") }
    try o.mapStage("Other=Nurturing")
    #expect(o.stages.first?.stage == .nurturing)
    // A name holding '=' splits at the last one.
    try o.mapOwner("A=B Corp=sam")
    #expect(o.owners.first?.value == "A=B Corp")
  }
}
