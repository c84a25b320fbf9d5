import HandoffHost
import HandoffModel
import Testing

@testable import HandoffImport

/// Each CRM's export, as its documentation describes it, imported into an empty store.
@Suite struct FixtureTests {
  private func plan(
    _ name: String, options: ImportOptions = ImportOptions(), zone: Zone = .utc,
    currency: String = "USD"
  ) throws -> Importer.Result {
    try Team.plan(
      bytes: Team.fixture(name), file: name, options: options,
      baseline: Team.baseline(zone: zone, currency: currency))
  }

  private func lead(_ result: Importer.Result, _ email: String) -> ImportedLead? {
    result.plan.creations.first { $0.email?.lowercased() == email }
  }

  @Test("HubSpot contacts: stages, statuses, owners, sources, a repeated person, refusals")
  func hubspot() throws {
    let r = try plan("hubspot-contacts.csv")
    #expect(r.report.source == .hubspot)
    #expect(r.report.encoding == .utf8WithBOM)
    #expect(r.report.rows == 9)
    let ada = try #require(lead(r, "ada@andersen.example"))
    #expect(ada.name == "Ada Andersen")
    #expect(ada.company == "Andersen & Co")
    #expect(ada.stage == .new)
    #expect(ada.owner == .some("maria"))
    #expect(ada.source == "seo")
    #expect(ada.score == 35)
    #expect(ada.created == Timestamp(iso8601: "2024-03-05T14:22:00Z"))
    // Ben twice: merged, the later row's score and status win (Bad Timing → nurturing).
    let ben = try #require(lead(r, "ben@brooks.example"))
    #expect(ben.score == 70)
    #expect(ben.stage == .nurturing)
    #expect(ben.created == Timestamp(iso8601: "2024-03-06T09:05:00Z"))
    #expect(r.plan.merged.count == 1)
    // An SQL owned by sales; a score above 100 capped.
    let carla = try #require(lead(r, "carla@costa.example"))
    #expect(carla.stage == .accepted)
    #expect(carla.owner == .some("sam"))
    #expect(carla.score == 100)
    #expect(carla.company == "Costa \"Big\" Foods")
    // A customer whose company spans two lines (CRLF in the cell) is refused.
    #expect(lead(r, "dmitri@dubois.example") == nil)
    // Unqualified overrides the lifecycle stage, with the status as its reason.
    let eva = try #require(lead(r, "eva@eriksen.example"))
    #expect(eva.stage == .disqualified)
    #expect(eva.reason == "Unqualified")
    let lines = r.report.problems.map { $0.text(file: "f") }
    #expect(
      lines == [
        "f:5: column 'Company Name' holds a control character (U+000D), which is never stored",
        "f:8: stage 'Other' is not one Handoff knows (--stage-map 'Other=STAGE')",
        "f:9: owner 'Pat Unknown' is no team member (--map-owner 'Pat Unknown=HANDLE')",
        "f:11: e-mail 'hiro hoffmann@example.com' is not an address like name@example.com",
      ])
    #expect(r.report.unmappedOwners.map(\.value) == ["Pat Unknown"])
    #expect(r.report.unmappedStages.map(\.value) == ["Other"])
    #expect(r.report.unusedColumns == ["Phone Number"])
    #expect(r.report.created == 4)
  }

  @Test("Salesforce report: statuses, ratings, names for owners, US dates, the footer skipped")
  func salesforceReport() throws {
    let r = try plan("salesforce-report.csv")
    #expect(r.report.source == .salesforce)
    #expect(r.report.rows == 5)
    #expect(r.report.notes.contains("skipped the report's footer (2 lines)"))
    let ines = try #require(lead(r, "ines@ivanova.example"))
    #expect(ines.stage == .new)
    #expect(ines.source == "web")
    #expect(ines.score == 80)
    #expect(ines.owner == .some("maria"))
    #expect(ines.value == nil)  // Annual Revenue is the company's, not the deal's
    #expect(ines.created == Timestamp(iso8601: "2024-03-05T14:22:00Z"))
    let jonas = try #require(lead(r, "jonas@jensen.example"))
    #expect(jonas.stage == .nurturing)
    #expect(jonas.source == "referral")
    #expect(jonas.created == Timestamp(iso8601: "2024-02-29T09:00:00Z"))
    let kara = try #require(lead(r, "kara@kowalski.example"))
    #expect(kara.stage == .accepted)
    #expect(kara.owner == .some("lee"))
    #expect(kara.source == "event")
    let leo = try #require(lead(r, "leo@lindqvist.example"))
    #expect(leo.stage == .disqualified)
    #expect(leo.reason == "Closed - Not Converted")
    // Jo has left: the lead goes in, unassigned, and the report says so.
    let mina = try #require(lead(r, "mina@moreau.example"))
    #expect(mina.owner == .some(nil))
    #expect(r.plan.skippedOwners.map(\.handle) == ["jo"])
    #expect(r.report.problems.isEmpty)
    #expect(r.report.unusedColumns == ["Title", "Annual Revenue"])
  }

  @Test("Salesforce Data Loader: owner ids need --map-owner; ISO dates with offsets")
  func salesforceDataLoader() throws {
    let r = try plan("salesforce-dataloader.csv")
    #expect(r.report.source == .salesforce)
    #expect(r.report.created == 0)
    #expect(
      r.report.unmappedOwners.map(\.value).sorted() == ["0055g00000MARAAA", "0055g00000SAMAAA"])
    var options = ImportOptions()
    try options.mapOwner("0055g00000SAMAAA=maria")
    try options.mapOwner("0055g00000MARAAA=maria")
    let mapped = try plan("salesforce-dataloader.csv", options: options)
    #expect(mapped.report.created == 2)
    let olga = try #require(lead(mapped, "olga@oliveira.example"))
    #expect(olga.created == Timestamp(iso8601: "2024-03-06T08:00:00Z"))
    #expect(olga.source == "ads")
    #expect(olga.owner == .some("maria"))
  }

  @Test("Pipedrive leads: person's name over title, first of several e-mails, labels, value")
  func pipedrive() throws {
    let r = try plan("pipedrive-leads.csv")
    #expect(r.report.source == .pipedrive)
    let pablo = try #require(lead(r, "pablo@park.example"))
    #expect(pablo.name == "Pablo Park")
    #expect(pablo.company == "Park Bakery")
    #expect(pablo.value == 450_000)
    #expect(pablo.score == 80)
    #expect(pablo.source == "web")
    // Sam is in sales; a new lead is marketing's: it goes in unassigned.
    #expect(pablo.owner == .some(nil))
    let quinn = try #require(lead(r, "quinn@quist.example"))
    #expect(quinn.value == 1_200_050)
    #expect(quinn.score == 20)
    #expect(quinn.source == "outbound")
    let rosa = try #require(lead(r, "rosa@reyes.example"))
    #expect(rosa.name == "Reyes")
    #expect(r.report.notes.contains("1 row with several e-mails: the first is used"))
    #expect(r.plan.skippedOwners.map(\.handle) == ["sam", "lee"])
  }

  @Test("German Excel: Windows-1252, sep=;, decimal commas, day-first dates, --map for its words")
  func excelGerman() throws {
    var options = ImportOptions()
    try options.map("Firma=company")
    try options.map("Quelle=source")
    try options.map("Wert=value")
    let berlin = try #require(SystemZones().zone(named: "Europe/Berlin"))
    let r = try plan("excel-1252-semicolon.csv", options: options, zone: berlin, currency: "EUR")
    #expect(r.report.encoding == .windows1252)
    #expect(r.report.delimiter == "semicolon")
    #expect(r.report.notes.contains("converted from Windows-1252 to UTF-8"))
    let jose = try #require(lead(r, "jose@mueller.example"))
    #expect(jose.name == "José Müller")
    #expect(jose.company == "Müller & Söhne")
    #expect(jose.value == 1_200_000)
    #expect(jose.source == "messe")
    #expect(jose.created == Timestamp(iso8601: "2024-03-05T13:22:00Z"))
    let zoe = try #require(lead(r, "zoe@weber.example"))
    #expect(zoe.company == "Weber – Café")
    #expect(zoe.value == 98_050)
    #expect(zoe.created == Timestamp(iso8601: "2024-02-13T08:00:00Z"))
    #expect(lead(r, "lukasz@nowak.example")?.value == 150_000)
    #expect(r.report.problems.isEmpty)
  }

  @Test("the same sheet behind a UTF-8 mark is read as Windows-1252 and said so")
  func excelMarked() throws {
    var options = ImportOptions()
    try options.map("Wert=value")
    let r = try plan("excel-1252-with-bom.csv", options: options, currency: "EUR")
    #expect(r.report.encoding == .windows1252WithBOM)
    #expect(lead(r, "zoe@weber.example")?.name == "Zoë Weber")
  }

  @Test("Excel's Unicode text: UTF-16 with tabs")
  func unicodeText() throws {
    let r = try plan("excel-unicode-text.txt")
    #expect(r.report.encoding == .utf16LittleEndian)
    #expect(r.report.delimiter == "tab")
    #expect(lead(r, "wen@xu.example")?.company == "Xu 有限公司")
    #expect(lead(r, "yusuf@yilmaz.example")?.stage == .mql)
    #expect(r.report.created == 2)
  }

  @Test("a hand-kept sheet with everything wrong: every bad row named, the good ones planned")
  func ugly() throws {
    let r = try plan("ugly.csv")
    let lines = r.report.problems.map { $0.text(file: "ugly.csv") }
    #expect(
      lines == [
        "ugly.csv:3: column 'company' holds a control character (U+000A), which is never stored",
        "ugly.csv:6: 5 fields where the header has 6",
        "ugly.csv:7: 7 fields where the header has 6 (a comma inside an unquoted value?)",
        "ugly.csv:8: column 'name' holds a control character (U+001B), which is never stored",
        "ugly.csv:9: e-mail 'fay@' is not an address like name@example.com",
        "ugly.csv:10: created '2024-13-45' is not a date such as 2024-03-05 or 3/5/2024 2:22 PM",
        "ugly.csv:11: value 'twelve' is not an amount such as 12000 or 12,000.00",
        "ugly.csv:12: no name and no e-mail",
        "ugly.csv:14: stage 'sideways' is not one Handoff knows (--stage-map 'sideways=STAGE')",
      ])
    // Anna twice: merged into one lead, the later row's values.
    let anna = try #require(lead(r, "anna@aa.example"))
    #expect(anna.value == 1_300_000)
    #expect(anna.stage == .mql)
    #expect(anna.company == "Andersen AA Ltd")
    #expect(r.report.created == 1)
    #expect(r.report.rows == 11)
  }
}
