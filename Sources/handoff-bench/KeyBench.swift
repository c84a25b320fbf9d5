import Foundation
import HandoffApp
import HandoffModel
import HandoffStore
import HandoffTerminal

/// Keystroke → frame in this process: `update`, then the view into a new frame, then
/// the renderer's diff against the previous frame, exactly the work the dashboard's
/// loop does per key (the terminal write aside).
struct KeyBench {
  let pipeline: Pipeline
  let now: Timestamp
  let repetitions: Int

  private struct Session {
    var state: AppState
    var renderer = Renderer(depth: .truecolor)
    var bytes: [UInt8] = []
    /// The panes of the last frame, as the loop keeps them.
    var panes = PaneCache()
    /// The panes' numbers, computed once per event or second, as the loop keeps them.
    let figures: DashboardFigures
    let pipeline: Pipeline
    let now: Timestamp

    init(pipeline: Pipeline, now: Timestamp, user: String) {
      self.pipeline = pipeline
      self.now = now
      figures = DashboardFigures(pipeline: pipeline, now: now)
      state = AppState(user: user, storeName: "bench", width: 160, height: 45)
      bytes.reserveCapacity(1 << 16)
      _ = Update.update(&state, .tick, pipeline: pipeline, now: now)
      frame()
    }

    /// One key through update, view and diff; returns the bytes it would write.
    mutating func press(_ key: KeyPress) -> Int {
      _ = Update.update(&state, .key(key), pipeline: pipeline, now: now)
      return frame()
    }

    @discardableResult
    mutating func frame() -> Int {
      let frame = AppView.render(
        state, pipeline: pipeline, now: now, figures: figures, panes: &panes)
      bytes.removeAll(keepingCapacity: true)
      renderer.render(frame, into: &bytes)
      return bytes.count
    }
  }

  /// Times `keys` in turn (a cycle that returns to the same screen), `repetitions` times.
  private func time(_ session: inout Session, _ keys: [KeyPress]) -> [Double] {
    var times: [Double] = []
    times.reserveCapacity(repetitions * keys.count)
    for _ in 0..<repetitions {
      for key in keys {
        let start = Measure.now()
        _ = session.press(key)
        times.append(Double(Measure.now() - start) / 1e6)
      }
    }
    return times
  }

  func run(into report: inout SizeReport, budgets: KeyBudgets) {
    let user = pipeline.members.first { $0.department == .sales }?.handle ?? "bench"
    var session = Session(pipeline: pipeline, now: now, user: user)
    // Bytes: one `j` on the 160×45 dashboard, and a frame where nothing changed.
    let moveBytes = session.press(.char("j"))
    if let dump = ProcessInfo.processInfo.environment["HANDOFF_BENCH_DUMP"] {
      try? Data(session.bytes).write(to: URL(fileURLWithPath: dump))
    }
    let unchanged = session.frame()
    _ = session.press(.char("k"))
    let cases: [(String, [KeyPress], Double?)] = [
      ("key j/k (move)", [.char("j"), .char("k")], budgets.median),
      ("key G/g (bottom, top)", [.char("G"), .char("g")], budgets.median),
      ("key Tab (next pane)", [.tab], budgets.median),
      ("key a, j, Esc (picker)", [.char("a"), .char("j"), .escape], budgets.median),
    ]
    for (name, keys, budget) in cases {
      let times = time(&session, keys)
      report.add(name + " median", Measure.percentile(times, 0.5), "ms", budget: budget)
      report.add(name + " p99", Measure.percentile(times, 0.99), "ms", budget: budgets.p99)
    }
    // A filter keystroke searches every lead: type a letter, then take it back.
    // The loop builds the search text of every lead after its first frame, before it
    // waits for a key (`Pipeline.prepareSearch`): timed here on its own, then the first
    // filter keystroke after it.
    let buildStart = Measure.now()
    pipeline.prepareSearch()
    report.add(
      "search text built (after the first frame)", Double(Measure.now() - buildStart) / 1e6, "ms")
    _ = session.press(.char("/"))
    let firstStart = Measure.now()
    _ = session.press(.char("e"))
    let firstFilter = Double(Measure.now() - firstStart) / 1e6
    _ = session.press(.backspace)
    report.add("filter keystroke, the first", firstFilter, "ms", budget: budgets.filter)
    let both = time(&session, [.char("e"), .backspace])
    _ = session.press(.escape)
    // Only the letters: each searches every lead (the backspace to empty does not).
    let filter = stride(from: 0, to: both.count, by: 2).map { both[$0] }
    report.add("filter keystroke median", Measure.percentile(filter, 0.5), "ms")
    report.add(
      "filter keystroke p99", Measure.percentile(filter, 0.99), "ms", budget: budgets.filter)
    report.add("bytes for j (160×45)", Double(moveBytes), "B", budget: budgets.moveBytes)
    report.add("bytes, unchanged frame", Double(unchanged), "B", budget: 0)
  }
}

/// The key budgets for a size (the figures; 1 M leads has a looser median).
struct KeyBudgets {
  var median: Double?
  var p99: Double?
  var filter: Double?
  var moveBytes: Double? = 400

  static func forSize(_ leads: Int) -> KeyBudgets {
    if leads >= 1_000_000 { return KeyBudgets(median: 5, p99: nil, filter: nil) }
    if leads >= 100_000 { return KeyBudgets(median: 1, p99: 3, filter: 10) }
    return KeyBudgets(median: 1, p99: 3, filter: 10)
  }
}
