import Foundation
import HandoffCLI
import HandoffHost
import HandoffModel
import HandoffStore

/// Run in a child process: loads a store once and prints the load time and the
/// process's peak memory, so neither is disturbed by the benchmark's own work.
enum LoadProbe {
  static func run(path: String, replay: Bool) -> Int32 {
    var failure: String?
    var opened: (any EventStore)?
    let ms = Measure.milliseconds {
      do {
        let store = try StoreOpener.store(
          at: StoreAddress(path), clock: SystemClock(), zones: FixedZones())
        store.usesCheckpoint = !replay
        try store.open()
        opened = store
      } catch {
        failure = "\(error)"
      }
    }
    guard let store = opened else {
      FileHandle.standardError.write(Data("handoff-bench: \(failure ?? "no store")\n".utf8))
      return 1
    }
    // Touch the state so nothing is left lazy.
    _ = QueueFigures(store.pipeline, at: store.clock.now())
    print(
      "load_ms=\(ms) rss=\(Measure.peakRSS()) events=\(store.pipeline.eventCount) "
        + "cpu_ms=\(Measure.cpuMilliseconds())")
    return 0
  }

  /// What one probe measured: the open's wall time, the process's peak memory, the
  /// events loaded, and the CPU time the whole process used (which, unlike the wall
  /// time, does not grow while other work on the machine takes the cores).
  struct Result {
    var ms: Double
    var rss: Int
    var events: Int
    var cpuMS: Double
  }

  /// Runs the probe in a child process of this executable; `environment` replaces this
  /// process's (a PostgreSQL store's cache folder, say).
  static func spawn(path: String, replay: Bool, environment: [String: String]? = nil) throws
    -> Result
  {
    let probe = try ProbeRun.run(
      ["measure-load", path] + (replay ? ["--replay"] : []), environment: environment)
    let values = probe.values
    guard probe.status == 0, let ms = values["load_ms"], let rss = values["rss"],
      let events = values["events"], let cpu = values["cpu_ms"]
    else { throw BenchError.probe(probe.text) }
    return Result(ms: ms, rss: Int(rss), events: Int(events), cpuMS: cpu)
  }
}

enum BenchError: Error, CustomStringConvertible {
  case probe(String)
  case setup(String)

  var description: String {
    switch self {
    case .probe(let output): return "the load probe failed: \(output)"
    case .setup(let why): return why
    }
  }
}
