import Foundation
import HandoffCLI

#if canImport(Glibc)
  import Glibc
#endif

/// Run in a child process: `handoff import FILE --json` on a store, through the CLI's own
/// entry point, timed from the first argument parsed to the report printed (the file read,
/// checked, planned, written and made durable); prints the time, the process's peak memory
/// before and after, and the report's counts.
enum ImportProbe {
  struct Result {
    var ms: Double
    /// User and system CPU time of the import.
    var cpuMS: Double
    /// Peak resident memory of the whole process, and what it was before the import.
    var rss: Int
    var baseRSS: Int
    var created: Int
    var unchanged: Int
  }

  /// Who imports, and where settings would be looked for.
  static let environment: [String: String] = [
    "HANDOFF_USER": "maria", "HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin",
  ]

  static func run(store: String, file: String, report: String) -> Int32 {
    let base = Measure.peakRSS()
    let cpu = cpuMilliseconds()
    var status: Int32 = 0
    let ms = Measure.milliseconds {
      status = quietly(into: report) {
        HandoffCLI.main(
          arguments: ["--store", store, "--json", "import", file], environment: environment)
      }
    }
    guard status == 0 else {
      FileHandle.standardError.write(Data("handoff-bench: the import exited \(status)\n".utf8))
      return 1
    }
    let cpuMS = cpuMilliseconds() - cpu
    print("import_ms=\(ms) cpu_ms=\(cpuMS) rss=\(Measure.peakRSS()) base_rss=\(base)")
    return 0
  }

  /// Runs the probe in a child process of this executable.
  static func spawn(store: String, file: String) throws -> Result {
    let report = store + ".report.json"
    let probe = try ProbeRun.run(["measure-import", store, file, report])
    let values = probe.values
    let counts =
      (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))))
      as? [String: Any]
    try? FileManager.default.removeItem(atPath: report)
    guard probe.status == 0, let ms = values["import_ms"],
      let cpuMS = values["cpu_ms"], let rss = values["rss"],
      let base = values["base_rss"], let created = counts?["created"] as? Int,
      let unchanged = counts?["unchanged"] as? Int
    else { throw BenchError.probe(probe.text) }
    return Result(
      ms: ms, cpuMS: cpuMS, rss: Int(rss), baseRSS: Int(base), created: created,
      unchanged: unchanged)
  }

  /// User and system CPU time this process has used, in milliseconds.
  private static func cpuMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
    return ms(usage.ru_utime) + ms(usage.ru_stime)
  }

  /// Runs `body` with standard output sent to `path` (`/dev/null` by default), so what
  /// the CLI prints stays out of the benchmark's own output.
  static func quietly(into path: String = "/dev/null", _ body: () -> Int32) -> Int32 {
    fflush(nil)
    let saved = dup(STDOUT_FILENO)
    let target = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard saved >= 0, target >= 0 else { return body() }
    dup2(target, STDOUT_FILENO)
    close(target)
    let status = body()
    fflush(nil)
    dup2(saved, STDOUT_FILENO)
    close(saved)
    return status
  }
}
