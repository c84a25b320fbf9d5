import Foundation
import HandoffApp
import HandoffModel
import HandoffStore
import HandoffTerminal

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

  /// `[` and `]` in one process, as the dashboard does them, each key timed to its
  /// frame (the state a day further, its figures, the view drawn and diffed at
  /// 160×45): made ready ahead while the user looks (`TravelAhead`, the dashboard's
  /// way up to its lead limit), and folded on the key (a key held down, or a store
  /// above the limit).
  private func steps(into report: inout SizeReport) throws {
    let store = try SizeBench.store(path)
    try store.open()
    let start = now - .days(3)
    var screen = StepScreen(now: now)
    if store.pipeline.leadCount <= TravelAhead.leadLimit {
      let ahead = TravelAhead(store: try SizeBench.store(path))
      defer { ahead.stop() }
      var making: [Double] = []
      let (back, forward) = try walk(from: start) { moment, previous in
        // The user looks at the day shown: the days either side are made meanwhile.
        ahead.prepare([previous - .days(1), previous + .days(1)])
        making.append(Measure.milliseconds { ahead.waitUntilPrepared() })
        return try Measure.milliseconds {
          guard let day = ahead.take(moment) else {
            throw BenchError.setup("no day was made ready")
          }
          // As the loop does: the day shown before goes back to the thread, kept for
          // the step back the way the user came.
          if let shown = screen.shown.take() { ahead.keep(shown) }
          screen.show(day)
        }
      }
      report.add(
        "travel: [ a day back, made ready", Measure.percentile(back, 0.5), "ms",
        budget: Self.stepBudget, note: "max \(Self.rounded(back.max()))")
      report.add(
        "travel: ] a day forward, made ready", Measure.percentile(forward, 0.5), "ms",
        budget: Self.stepBudget, note: "max \(Self.rounded(forward.max()))")
      report.add(
        "travel: both days either side made (thread)", Measure.percentile(making, 0.5), "ms",
        note: "the time a step must be looked at for the next to be ready")
    }
    let travel = TimeTravel(store: store)
    _ = try travel.state(at: start)
    let (back, forward) = try walk(from: start) { moment, _ in
      try Measure.milliseconds {
        let pipeline = try travel.state(at: moment)
        screen.show(
          TravelAhead.Day(
            moment: moment, pipeline: pipeline,
            figures: DashboardFigures(pipeline: pipeline, now: moment)))
        // The traveller's own state: it folds on, nothing to hand back.
        screen.shown = nil
      }
    }
    report.add(
      "travel: [ a day back, on the key", Measure.percentile(back, 0.5), "ms",
      note: "a stop decoded, then folded")
    report.add(
      "travel: ] a day forward, on the key", Measure.percentile(forward, 0.5), "ms",
      note: "a day's events folded")
  }

  /// Five steps back from `start`, then five forward, each timed by `step` (given the
  /// moment to show and the one shown before); the times back and forward.
  private func walk(
    from start: Timestamp, _ step: (Timestamp, Timestamp) throws -> Double
  ) throws -> (back: [Double], forward: [Double]) {
    var moment = start
    var back: [Double] = []
    var forward: [Double] = []
    for _ in 0..<5 {
      back.append(try step(moment - .days(1), moment))
      moment = moment - .days(1)
    }
    for _ in 0..<5 {
      forward.append(try step(moment + .days(1), moment))
      moment = moment + .days(1)
    }
    return (back, forward)
  }

  private static func rounded(_ ms: Double?) -> String {
    String(format: "%.1f ms", ms ?? 0)
  }
}

/// The dashboard's screen in the past, drawn as the loop draws it after a step.
private struct StepScreen {
  let now: Timestamp
  var state = AppState(user: "bench", storeName: "bench", width: 160, height: 45)
  var renderer = Renderer(depth: .truecolor)
  var panes = PaneCache()
  var bytes: [UInt8] = []
  /// The day shown, kept until the next replaces it, as the loop keeps it.
  var shown: TravelAhead.Day?

  init(now: Timestamp) { self.now = now }

  mutating func show(_ day: TravelAhead.Day) {
    _ = Update.update(&state, .traveled(day.moment), pipeline: day.pipeline, now: now)
    let frame = AppView.render(
      state, pipeline: day.pipeline, now: day.moment, figures: day.figures, panes: &panes)
    bytes.removeAll(keepingCapacity: true)
    renderer.render(frame, into: &bytes)
    shown = day
  }
}
