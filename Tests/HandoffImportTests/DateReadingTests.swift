import HandoffHost
import HandoffModel
import Testing

@testable import HandoffImport

@Suite struct DateReadingTests {
  private func utc(_ text: String, _ order: DateReading.Order = .monthFirst) -> String? {
    DateReading(text)?.moment(order: order, zone: .utc)?.iso8601
  }

  @Test(
    "the notations exports use",
    arguments: [
      ("2024-03-05", "2024-03-05T00:00:00.000Z"),
      ("2024-03-05 14:22", "2024-03-05T14:22:00.000Z"),
      ("2024-03-05T14:22:07.123Z", "2024-03-05T14:22:07.123Z"),
      ("2024-03-05T14:22:00.000+0000", "2024-03-05T14:22:00.000Z"),
      ("2024-03-05T16:22:00+02:00", "2024-03-05T14:22:00.000Z"),
      ("2024-03-05 14:22:07 UTC", "2024-03-05T14:22:07.000Z"),
      ("2024/03/05", "2024-03-05T00:00:00.000Z"),
      ("3/5/2024 2:22 PM", "2024-03-05T14:22:00.000Z"),
      ("3/5/2024, 2:22 pm", "2024-03-05T14:22:00.000Z"),
      ("3/5/2024 12:05 AM", "2024-03-05T00:05:00.000Z"),
      ("3/5/2024 12:05 p.m.", "2024-03-05T12:05:00.000Z"),
      ("3/5/24", "2024-03-05T00:00:00.000Z"),
      ("5 Mar 2024", "2024-03-05T00:00:00.000Z"),
      ("5-Mar-24", "2024-03-05T00:00:00.000Z"),
      ("March 5, 2024 2:22 PM", "2024-03-05T14:22:00.000Z"),
      ("Sept 5, 1999", "1999-09-05T00:00:00.000Z"),
      ("  2024-03-05  ", "2024-03-05T00:00:00.000Z"),
    ])
  func notations(text: String, expected: String) {
    #expect(utc(text) == expected)
  }

  @Test(
    "text that is no date",
    arguments: [
      "", "yesterday", "2024-02-30", "2024-13-01", "13/13/2024", "3/5/2024 25:00",
      "3/5/2024 13:00 PM",
      "2024-03-05 14:22 CET", "2024-03-05x", "5 Foo 2024", "12345",
    ])
  func notDates(text: String) {
    let reading = DateReading(text)
    #expect(reading == nil || reading?.moment(order: .monthFirst, zone: .utc) == nil)
  }

  @Test("a numeric date reads by the file's order, and an impossible one in that order is nil")
  func order() {
    #expect(utc("05/03/2024", .dayFirst) == "2024-03-05T00:00:00.000Z")
    #expect(utc("05/03/2024", .monthFirst) == "2024-05-03T00:00:00.000Z")
    #expect(utc("13/02/2024", .monthFirst) == nil)
    #expect(DateReading("13/02/2024")?.possibleOrders == [.dayFirst])
    #expect(DateReading("02/13/2024")?.possibleOrders == [.monthFirst])
    #expect(DateReading("02/03/2024")?.possibleOrders == [.dayFirst, .monthFirst])
    #expect(DateReading("2024-02-03")?.possibleOrders == nil)
  }

  @Test("local times are placed in the team's zone, across a daylight-saving change")
  func zones() throws {
    let berlin = try #require(SystemZones().zone(named: "Europe/Berlin"))
    #expect(
      DateReading("2024-03-05 14:22")?.moment(order: .monthFirst, zone: berlin)?.iso8601
        == "2024-03-05T13:22:00.000Z")
    #expect(
      DateReading("2024-07-05 14:22")?.moment(order: .monthFirst, zone: berlin)?.iso8601
        == "2024-07-05T12:22:00.000Z")
    // An offset in the text wins over the zone.
    #expect(
      DateReading("2024-07-05T14:22:00Z")?.moment(order: .monthFirst, zone: berlin)?.iso8601
        == "2024-07-05T14:22:00.000Z")
  }

  private func evidence(_ dates: [String]) -> NotationEvidence {
    var e = NotationEvidence()
    for (i, d) in dates.enumerated() {
      if let r = DateReading(d) { e.add(r, text: d, line: i + 2) }
    }
    return e
  }

  @Test("the file's order follows a date only one order reads, and says so")
  func orderFromEvidence() throws {
    let e = evidence(["01/02/2024", "13/02/2024", "03/04/2024"])
    let (order, note) = try e.dateOrder(forced: nil, semicolons: false)
    #expect(order == .dayFirst)
    #expect(note == "dates read as day/month/year (line 3 has '13/02/2024')")
  }

  @Test("without such a date the order is the US one, day first with dots or semicolons")
  func orderDefault() throws {
    let slashes = evidence(["01/02/2024", "03/04/2024"])
    #expect(try slashes.dateOrder(forced: nil, semicolons: false).order == .monthFirst)
    #expect(try slashes.dateOrder(forced: nil, semicolons: true).order == .dayFirst)
    #expect(
      try evidence(["01.02.2024"]).dateOrder(forced: nil, semicolons: false).order == .dayFirst)
    let note = try slashes.dateOrder(forced: nil, semicolons: false).note
    #expect(note?.contains("pass --date-order dmy") == true)
    // ISO dates need no order and no note.
    #expect(try evidence(["2024-01-02"]).dateOrder(forced: nil, semicolons: false).note == nil)
  }

  @Test("dates that contradict each other fail the file, unless the order is forced")
  func conflict() throws {
    let e = evidence(["13/02/2024", "02/13/2024"])
    #expect(throws: ImportError.self) { try e.dateOrder(forced: nil, semicolons: false) }
    #expect(try e.dateOrder(forced: .monthFirst, semicolons: false).order == .monthFirst)
  }
}
