import Foundation
import HandoffApp
import HandoffModel
import HandoffStore

/// Time travel (`--at`, the dashboard's `[` `]`): a jump into the past as a new process
/// pays it (the store opened from its checkpoint, the state folded from the nearest
/// saved one, the dashboard's figures of then computed), the first jump of all (the log
/// folded from its start, the saved states written), and a day's step either way in a
/// dashboard already showing the past.
struct TravelBench {
  let path: String
  let now: Timestamp

  /// The days back each jump goes, in a fresh process each.
  static let jumps: [Int64] = [1, 3, 7, 30]
  /// A frame at 60 a second: the key budget of the speed issue.
  static let stepBudget = 16.0

  func run(into report: inout SizeReport) throws {
    try? FileManager.default.removeItem(atPath: path + ".travel")
    let first = try TravelProbe.spawn(path: path, moment: now - .days(1))
    report.add(
      "travel: first jump (log folded, stops saved)", first.ms, "ms",
      note: "\(first.folded) events folded")
    let jumps = try Self.jumps.map { try TravelProbe.spawn(path: path, moment: now - .days($0)) }
    report.add(
      "travel: jump to a past day, new process", Measure.percentile(jumps.map(\.ms), 0.5), "ms",
      budget: 1000,
      note:
        "max \(Int(jumps.map(\.ms).max() ?? 0)) ms, ≤ \(jumps.map(\.folded).max() ?? 0) events folded"
    )
    report.add(
      "travel: peak RSS, a jump", Double(jumps.map(\.rss).max() ?? 0) / 1_048_576, "MB")
    try steps(into: &report)
  }

  /// `[` and `]` in one process, as the dashboard does them: each the state a day
  /// further and its figures.
  private func steps(into report: inout SizeReport) throws {
    let store = try SizeBench.store(path)
    try store.open()
    let travel = TimeTravel(store: store)
    var moment = now - .days(3)
    _ = try travel.state(at: moment)
    var back: [Double] = []
    var forward: [Double] = []
    for _ in 0..<5 {
      moment = moment - .days(1)
      back.append(try step(travel, to: moment))
    }
    for _ in 0..<5 {
      moment = moment + .days(1)
      forward.append(try step(travel, to: moment))
    }
    report.add(
      "travel: [ a day back", Measure.percentile(back, 0.5), "ms", budget: Self.stepBudget,
      note: "a stop decoded, then folded")
    report.add(
      "travel: ] a day forward", Measure.percentile(forward, 0.5), "ms", budget: Self.stepBudget,
      note: "a day's events folded")
  }

  private func step(_ travel: TimeTravel, to moment: Timestamp) throws -> Double {
    try Measure.milliseconds {
      _ = DashboardFigures(pipeline: try travel.state(at: moment), now: moment)
    }
  }
}
