import Foundation
import HandoffImport
import HandoffModel

/// The team and store the import tests plan against, and the fixtures they read.
enum Team {
  static let t0 = Timestamp(iso8601: "2024-03-20T12:00:00Z")!

  static let members = [
    Member(
      handle: "maria", name: "María García", department: .marketing,
      joinedAt: Timestamp(iso8601: "2023-01-01")!),
    Member(
      handle: "sam", name: "Sam Okafor", department: .sales,
      joinedAt: Timestamp(iso8601: "2023-01-01")!),
    Member(
      handle: "lee", name: "Lee Chen", department: .sales,
      joinedAt: Timestamp(iso8601: "2023-01-01")!),
    Member(
      handle: "jo", name: "Jo Park", department: .marketing, active: false,
      joinedAt: Timestamp(iso8601: "2023-01-01")!),
  ]

  static let emails = ["maria": "maria@example.com", "sam": "Sam@Example.com"]

  /// A baseline with `leads`, the team above, USD, and the zone given.
  static func baseline(leads: [Lead] = [], zone: Zone = .utc, currency: String = "USD")
    -> ImportBaseline
  {
    ImportBaseline(
      leads: leads, members: members, memberEmails: emails, currency: currency, zone: zone, now: t0)
  }

  /// A lead already in the store.
  static func lead(
    _ id: Int, _ name: String, email: String, company: String = "", stage: Stage = .new,
    owner: String? = nil, source: String = "seo", score: Int = 0, value: Int64 = 0
  ) -> Lead {
    Lead(
      id: id, name: name, company: company, email: email, source: source, score: score,
      value: value, stage: stage, owner: owner, createdAt: Timestamp(iso8601: "2024-01-01")!)
  }

  /// The bytes of a fixture file.
  static func fixture(_ name: String) -> [UInt8] {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures")
    guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path)
    else { fatalError("no fixture \(name)") }
    return [UInt8](data)
  }

  /// Plans `text` (or `bytes`) with `options` against `baseline`.
  static func plan(
    _ text: String, options: ImportOptions = ImportOptions(), baseline: ImportBaseline = baseline()
  ) throws(ImportError) -> Importer.Result {
    try Importer(options: options, baseline: baseline).plan(Array(text.utf8), file: "test.csv")
  }

  static func plan(
    bytes: [UInt8], file: String, options: ImportOptions = ImportOptions(),
    baseline: ImportBaseline = baseline()
  ) throws(ImportError) -> Importer.Result {
    try Importer(options: options, baseline: baseline).plan(bytes, file: file)
  }
}
