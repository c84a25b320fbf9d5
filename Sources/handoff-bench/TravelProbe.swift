import Foundation
import HandoffApp
import HandoffCLI
import HandoffHost
import HandoffModel
import HandoffStore

/// Run in a child process: opens a store and travels to one moment, as `handoff --at`
/// does, and prints the time from the start to the figures of then, the peak memory and
/// the events folded past the saved state it started from.
enum TravelProbe {
  static func run(path: String, moment: Timestamp) -> Int32 {
    var folded = 0
    var failure: String?
    let ms = Measure.milliseconds {
      do {
        let store = try StoreOpener.store(
          at: StoreAddress(path), clock: SystemClock(), zones: FixedZones())
        try store.open()
        let travel = TimeTravel(store: store)
        _ = DashboardFigures(pipeline: try travel.state(at: moment), now: moment)
        folded = travel.foldedEvents
      } catch {
        failure = "\(error)"
      }
    }
    if let failure {
      FileHandle.standardError.write(Data("handoff-bench: \(failure)\n".utf8))
      return 1
    }
    print("travel_ms=\(ms) rss=\(Measure.peakRSS()) folded=\(folded)")
    return 0
  }

  /// What one probe measured.
  struct Result {
    var ms: Double
    var rss: Int
    var folded: Int
  }

  static func spawn(path: String, moment: Timestamp) throws -> Result {
    let probe = try ProbeRun.run(["measure-travel", path, String(moment.milliseconds)])
    let values = probe.values
    guard probe.status == 0, let ms = values["travel_ms"], let rss = values["rss"],
      let folded = values["folded"]
    else { throw BenchError.probe(probe.text) }
    return Result(ms: ms, rss: Int(rss), folded: Int(folded))
  }
}
