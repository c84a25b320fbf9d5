import Foundation
import HandoffModel
import HandoffStore

/// The benchmark's command line: `handoff-bench [--sizes 10k,100k,1m|none] [--import ROWS|none]
/// [--json FILE] [--dir DIR] [--postgres | --postgres-only] [--postgres-leads N]`, plus
/// internal sub-commands it runs in child processes so that memory
/// and start-up are measured in a clean process.
enum BenchMain {
  static func run(_ arguments: [String]) -> Int32 {
    if arguments.first == "measure-load", arguments.count >= 2 {
      return LoadProbe.run(path: arguments[1], replay: arguments.dropFirst(2).contains("--replay"))
    }
    if arguments.first == "measure-travel", arguments.count == 3, let ms = Int64(arguments[2]) {
      return TravelProbe.run(path: arguments[1], moment: Timestamp(milliseconds: ms))
    }
    if arguments.first == "measure-import", arguments.count == 4 {
      return ImportProbe.run(store: arguments[1], file: arguments[2], report: arguments[3])
    }
    if arguments.first == "dashboard", arguments.count == 3 {
      return ObservedDashboard.run(store: arguments[1], marks: arguments[2])
    }
    if arguments.first == "postgres-writer", arguments.count == 4, let count = Int(arguments[2]),
      let index = Int(arguments[3])
    {
      return PostgresWriter.run(url: arguments[1], count: count, index: index)
    }
    var sizes = [10_000, 100_000]
    var importRows = 100_000
    var jsonPath: String?
    var directory: String?
    var postgres = false
    var postgresOnly = false
    var postgresLeads = 100_000
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      let value = index + 1 < arguments.count ? arguments[index + 1] : nil
      switch argument {
      case "--sizes":
        guard let value, let parsed = value == "none" ? [] : parseSizes(value) else {
          return usage("--sizes needs a list such as 10k,100k,1m, or none")
        }
        sizes = parsed
        index += 2
      case "--import":
        guard let value, let parsed = value == "none" ? [0] : parseSizes(value), parsed.count == 1
        else { return usage("--import needs a number of rows such as 100k, or none") }
        importRows = parsed[0]
        index += 2
      case "--json":
        guard let value else { return usage("--json needs a file") }
        jsonPath = value
        index += 2
      case "--dir":
        guard let value else { return usage("--dir needs a folder") }
        directory = value
        index += 2
      case "--postgres":
        postgres = true
        index += 1
      case "--postgres-only":
        postgres = true
        postgresOnly = true
        index += 1
      case "--postgres-leads":
        guard let value, let parsed = parseSizes(value), parsed.count == 1 else {
          return usage("--postgres-leads needs one size such as 100k")
        }
        postgresLeads = parsed[0]
        index += 2
      case "-h", "--help":
        print(helpText)
        return 0
      default:
        return usage("unknown option \(argument)")
      }
    }
    var report = BenchReport(machine: Machine.describe())
    let folder = directory ?? NSTemporaryDirectory() + "handoff-bench-\(getpid())"
    defer { if directory == nil { try? FileManager.default.removeItem(atPath: folder) } }
    for size in postgresOnly ? [] : sizes {
      do {
        report.sizes.append(try SizeBench(leads: size, folder: folder).run())
      } catch {
        FileHandle.standardError.write(Data("handoff-bench: \(error)\n".utf8))
        return 1
      }
    }
    if importRows > 0, !postgresOnly {
      do {
        report.sizes.append(try ImportBench(rows: importRows, folder: folder).run())
      } catch {
        FileHandle.standardError.write(Data("handoff-bench: import: \(error)\n".utf8))
        return 1
      }
    }
    if postgres {
      do {
        report.sizes.append(
          try PostgresBench(
            leads: postgresLeads, followers: 50, followerLeads: min(10_000, postgresLeads),
            folder: folder + "/postgres"
          ).run())
      } catch {
        FileHandle.standardError.write(Data("handoff-bench: \(error)\n".utf8))
        return 1
      }
    }
    print(report.table())
    if let jsonPath {
      do {
        try report.json().write(toFile: jsonPath, atomically: true, encoding: .utf8)
      } catch {
        FileHandle.standardError.write(
          Data("handoff-bench: cannot write \(jsonPath): \(error)\n".utf8))
        return 1
      }
    }
    return report.allPassed ? 0 : 3
  }

  static let helpText = """
    usage: handoff-bench [--sizes 10k,100k,1m|none] [--import ROWS|none] [--json FILE] [--dir DIR]
                         [--postgres | --postgres-only] [--postgres-leads 100k]
    Generates demo stores of each size (leads) and measures load, start-up, keys,
    output bytes, live updates, memory and idling; then imports a generated HubSpot
    contacts export of ROWS rows (100k by default) into an empty store and times it
    against reading and splitting the file alone. Every figure is held to the budgets
    of docs/PERFORMANCE.md. Exit 0 when every budget is met, 3 when one is missed.
    --sizes none --import 100k measures the import only.
    --postgres adds the PostgreSQL figures (docs/POSTGRES.md) on a throwaway local
    server it starts itself (needs PostgreSQL's initdb and pg_ctl, 13 or later): an
    acknowledged write, append → 50 following dashboards, opening a store of
    --postgres-leads leads cold and from the local cache, writers at once. Off by
    default (it takes minutes); --postgres-only skips the file-log and import figures.
    """

  static func usage(_ message: String) -> Int32 {
    FileHandle.standardError.write(Data("handoff-bench: \(message)\n\(helpText)\n".utf8))
    return 2
  }

  static func parseSizes(_ text: String) -> [Int]? {
    var sizes: [Int] = []
    for part in text.split(separator: ",") {
      let lower = part.lowercased()
      var multiplier = 1
      var digits = Substring(lower)
      if lower.hasSuffix("k") {
        multiplier = 1000
        digits = digits.dropLast()
      } else if lower.hasSuffix("m") {
        multiplier = 1_000_000
        digits = digits.dropLast()
      }
      guard let n = Int(digits), n > 0 else { return nil }
      sizes.append(n * multiplier)
    }
    return sizes.isEmpty ? nil : sizes
  }
}
