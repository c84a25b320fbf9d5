import Foundation
import HandoffCLI
import HandoffImport
import HandoffSystem

#if canImport(Glibc)
  import Glibc
#endif

/// The import figures: a generated HubSpot contacts export of `rows` rows imported with
/// `handoff import` into an empty store (the team only), each run in a fresh child process
/// on a fresh store, against the floor of merely reading the file and splitting its rows
/// with the import's CSV reader. Budget: 100,000 rows in ≤ 3 s (docs/PERFORMANCE.md).
struct ImportBench {
  let rows: Int
  let folder: String
  /// Timed runs; the median is the figure.
  var runs = 3

  /// The milliseconds the whole import may take: 3 s per 100,000 rows (3 s for fewer).
  var budgetMilliseconds: Double { 3000 * max(1, Double(rows) / 100_000) }

  var file: String { folder + "/hubspot-\(rows).csv" }
  var team: String { folder + "/import-team.jsonl" }

  func run() throws -> SizeReport {
    var report = SizeReport(leads: rows, title: "import, HubSpot contacts export")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var bytes: [UInt8] = []
    let generate = Measure.milliseconds {
      bytes = HubSpotExportFile.bytes(rows: rows, seed: 11)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    report.add("generate file", generate, "ms", note: "seed 11")
    report.add("file", Double(bytes.count) / 1_048_576, "MB")
    bytes = []
    try makeTeamStore()

    var records = 0
    let split = try Measure.median(runs: runs) { records = try ImportBench.readAndSplit(file) }
    guard records == rows + 1 else {
      throw BenchError.setup("the generated file split into \(records) records, not \(rows + 1)")
    }
    report.add("read + split rows (CSV reader)", split, "ms")

    var imports: [ImportProbe.Result] = []
    let store = folder + "/import-store.jsonl"
    for _ in 0..<runs {
      try freshStore(store)
      imports.append(try ImportProbe.spawn(store: store, file: file))
    }
    if let wrong = imports.first(where: { $0.created != rows }) {
      throw BenchError.setup("the import created \(wrong.created) leads, not \(rows)")
    }
    let time = Measure.percentile(imports.map(\.ms), 0.5)
    report.events = RawRead.countLines(store) - RawRead.countLines(team)
    report.add(
      "import into an empty store", time, "ms", budget: budgetMilliseconds,
      note: "median of \(runs), fresh store each")
    report.add(
      "import CPU time", Measure.percentile(imports.map(\.cpuMS), 0.5), "ms", note: "user + system")
    report.add("import rate", Double(rows) / (time / 1000), "rows/s")
    report.add("import ÷ read + split", time / max(split, 0.001), "×")
    let peak = Double(imports.map(\.rss).max() ?? 0) / 1_048_576
    report.add(
      "peak RSS, import", peak, "MB", note: "\(ImportBench.bytesPerRow(imports, rows)) B/row")
    let size = (try FileManager.default.attributesOfItem(atPath: store)[.size] as? Int) ?? 0
    report.add("store after import", Double(size) / 1_048_576, "MB")
    // The same file again into the store it filled: read, checked, nothing to write.
    let again = try ImportProbe.spawn(store: store, file: file)
    guard again.created == 0, again.unchanged == rows else {
      throw BenchError.setup("the second import created \(again.created) leads")
    }
    report.add("re-import, nothing to write", again.ms, "ms", budget: budgetMilliseconds)
    try? FileManager.default.removeItem(atPath: store)
    return report
  }

  /// The floor: the file's bytes read, decoded as an import decodes them, and split
  /// into records by the import's CSV reader; nothing looked at. Returns the records.
  static func readAndSplit(_ path: String) throws -> Int {
    let fd = try FileDescriptor.open(path, O_RDONLY)
    defer { fd.close() }
    let text = try ImportText(decoding: try fd.readToEnd())
    var reader = CSVReader(text.utf8, dialect: CSVDialect.sniff(text.utf8))
    var records = 0
    while reader.next() != nil { records += 1 }
    return records
  }

  private static func bytesPerRow(_ runs: [ImportProbe.Result], _ rows: Int) -> Int {
    let grown = runs.map { $0.rss - $0.baseRSS }.max() ?? 0
    return grown / max(rows, 1)
  }

  /// The store every run starts from: the team the file's owners name, and nothing else.
  private func makeTeamStore() throws {
    try? FileManager.default.removeItem(atPath: team)
    for member in HubSpotExportFile.team {
      let status = ImportProbe.quietly {
        HandoffCLI.main(
          arguments: [
            "--store", team, "team", "add", member.handle, "--dept", member.department,
            "--name", member.name, "--email", member.email,
          ], environment: ImportProbe.environment)
      }
      guard status == 0 else { throw BenchError.setup("team add \(member.handle) failed") }
    }
  }

  /// `path` made a copy of the team store, with nothing the store kept beside it.
  private func freshStore(_ path: String) throws {
    let manager = FileManager.default
    let name = URL(fileURLWithPath: path).lastPathComponent
    for entry in (try? manager.contentsOfDirectory(atPath: folder)) ?? []
    where entry.hasPrefix(name) {
      try manager.removeItem(atPath: folder + "/" + entry)
    }
    try manager.copyItem(atPath: team, toPath: path)
  }
}
