import Foundation
import HandoffHost
import HandoffModel
import TestSupport
import Testing

@testable import HandoffCLI

/// The CLI's pure parts: values, CSV cells.
struct CLIPartsTests {
  @Test("global options come out from anywhere; -- ends them")
  func globals() throws {
    let (o, rest) = try GlobalOptions.extract(from: [
      "list", "--json", "--store=/tmp/x", "--stage", "new", "--user", "sam", "--", "--json",
    ])
    #expect(o.json && o.store == "/tmp/x" && o.user == "sam")
    #expect(rest == ["list", "--stage", "new", "--", "--json"])
    let args = try Arguments(
      ["1001", "--", "--not-a-flag"], flags: [], command: "note")
    #expect(args.positionals == ["1001", "--not-a-flag"])
  }

  @Test("dates: a day in the zone, an ISO moment, or a time from now")
  func dates() throws {
    let now = Timestamp(iso8601: "2026-11-23T12:00:00Z")!
    let berlin = SystemZones().zone(named: "Europe/Berlin")!
    #expect(try Values.date("3d", now: now, zone: .utc) == now + .days(3))
    #expect(
      try Values.date("2026-12-01", now: now, zone: berlin)
        == Timestamp(iso8601: "2026-11-30T23:00:00Z"))
    #expect(
      try Values.date("2026-12-01T09:30:00Z", now: now, zone: .utc)
        == Timestamp(iso8601: "2026-12-01T09:30:00Z"))
    #expect(throws: CLIError.self) { try Values.date("2026-02-30", now: now, zone: .utc) }
  }

  @Test("CSV cells that a spreadsheet would run as formulas get a leading quote")
  func csv() {
    #expect(CSV.cell("=1+1") == "'=1+1")
    #expect(CSV.cell("+1") == "'+1")
    #expect(CSV.cell("-1") == "'-1")
    #expect(CSV.cell("@x") == "'@x")
    #expect(CSV.cell("\tx") == "'\tx")
    #expect(CSV.cell("\rx") == "\"'\rx\"")
    #expect(CSV.cell("a,\"b\"") == "\"a,\"\"b\"\"\"")
    #expect(CSV.cell("plain") == "plain")
  }

  @Test("the built handoff is found beside the test runner, wherever the build went")
  func executableLookup() throws {
    let path = handoffExecutable()
    #expect(FileManager.default.isExecutableFile(atPath: path))
    #if os(Linux)
      let runner = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
      #expect(
        URL(fileURLWithPath: runner).deletingLastPathComponent().standardized.path
          == URL(fileURLWithPath: path).deletingLastPathComponent().standardized.path)
    #endif
  }
}
