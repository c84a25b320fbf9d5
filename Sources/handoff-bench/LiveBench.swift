import Foundation
import HandoffCLI
import HandoffHost
import HandoffModel
import HandoffStore
import HandoffSystem
import HandoffTerminalTesting

/// Figures from the dashboard on a pseudo-terminal of 160×45: start-up to the first
/// frame (the real `handoff`, timed from outside), another process's append to the
/// frame that shows it, a burst, and idling (the same dashboard in a child of this
/// benchmark, its loop watched by an observer).
struct LiveBench {
  let path: String
  let leads: Int
  let liveEvents: Int
  let burstEvents: Int
  let idleSeconds: Double

  func run(into report: inout SizeReport) throws {
    guard let binary = BuiltProducts.path(of: "handoff") else {
      throw BenchError.setup("cannot find the built handoff next to handoff-bench")
    }
    // Outside the store's folder: the dashboard watches that folder for changes.
    let marks = MarkLog(path: NSTemporaryDirectory() + "handoff-bench-marks-\(getpid())")
    defer { try? FileManager.default.removeItem(atPath: marks.path) }
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "xterm-256color"
    environment["COLORTERM"] = "truecolor"
    environment["HANDOFF_USER"] = "bench"
    environment.removeValue(forKey: "NO_COLOR")
    // The live figures write to the log: work on a copy, so the generated store stays as
    // it was for the next run.
    let copy = path + ".live.jsonl"
    for file in [copy, copy + ".checkpoint"] { try? FileManager.default.removeItem(atPath: file) }
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    defer {
      for file in [copy, copy + ".checkpoint"] { try? FileManager.default.removeItem(atPath: file) }
    }
    // A copy is a new file, so its first start replays the whole log (and writes the
    // checkpoint); the second starts from the checkpoint, as every later start does.
    let cold = try firstFrame(binary, copy, environment)
    report.add("first frame, whole log replayed", cold, "ms")
    let warm = try firstFrame(binary, copy, environment)
    report.add(
      "first frame (from checkpoint)", warm, "ms",
      // The speed issue's goals: 100 ms at 100,000 leads, 1 s at 1,000,000.
      budget: leads >= 1_000_000 ? 1000 : (leads >= 100_000 ? 100 : nil))

    let pty = try PseudoTerminal(
      executable: BenchExecutable.path, arguments: ["dashboard", copy, marks.path],
      environment: environment, width: 160, height: 45)
    defer {
      pty.send("q")
      _ = pty.waitForExit(timeout: .seconds(5))
    }
    guard wait(pty, marks, timeout: 60, until: { !$0.frames.isEmpty }) != nil else {
      throw BenchError.setup("the observed dashboard drew no frame within 60 s")
    }

    // Another process's appends: this one, through its own Store on the same log.
    let writer = try StoreOpener.store(
      at: StoreAddress(copy), clock: SystemClock(), zones: FixedZones())
    try writer.open()
    let notable = writer.pipeline.allLeads.prefix(max(liveEvents, burstEvents)).map(\.id)
    var latencies: [Double] = []
    for n in 0..<liveEvents {
      // Timed from the start of the append: the dashboard may see the line before the
      // writer's fsync returns.
      let appended = MonotonicClock.now()
      let event = try writer.perform(
        .note(id: notable[n % notable.count], text: "bench live \(n)"),
        by: BenchActor.writer(writer.pipeline))
      guard
        let frame = wait(
          pty, marks, timeout: 5, until: { $0.firstFrame(showing: event.seq) != nil })?
          .firstFrame(showing: event.seq)
      else { throw BenchError.setup("event \(event.seq) never reached the screen") }
      latencies.append(Double(Int64(frame.nanos) - Int64(appended)) / 1e6)
    }
    report.add("live append → frame median", Measure.percentile(latencies, 0.5), "ms", budget: 20)
    report.add("live append → frame p99", Measure.percentile(latencies, 0.99), "ms", budget: 50)

    // A burst: many events appended at once.
    let framesBefore = marks.frames.count
    let burst = notable.prefix(burstEvents).compactMap { id in
      writer.pipeline.lead(id).map { lead in
        PlannedEvent(
          at: writer.clock.now(), actor: "bench-writer",
          body: .noteAdded(lead: id, version: lead.version + 1, text: "burst"))
      }
    }
    let burstDone = MonotonicClock.now()
    try writer.append(burst)
    let last = writer.pipeline.lastSeq
    guard
      let shown = wait(pty, marks, timeout: 10, until: { $0.firstFrame(showing: last) != nil })?
        .firstFrame(showing: last)
    else { throw BenchError.setup("the burst never reached the screen") }
    let burstFrames = marks.frames[framesBefore...].filter { $0.nanos <= shown.nanos }.count
    report.add(
      "burst of \(burst.count): on screen after (from append start)",
      Double(Int64(shown.nanos) - Int64(burstDone)) / 1e6,
      "ms", budget: 500)
    report.add("burst of \(burst.count): frames", Double(burstFrames), "", budget: 10)

    // Idle: nothing happens; count wakeups and bytes.
    _ = wait(pty, marks, timeout: 1.2, until: { _ in false })
    let wakeupsBefore = marks.wakeups.count
    let bytesBefore = pty.output.count
    let idleStart = MonotonicClock.now()
    _ = wait(pty, marks, timeout: idleSeconds, until: { _ in false })
    let seconds = Double(MonotonicClock.now() - idleStart) / 1e9
    report.add(
      "idle wakeups per second", Double(marks.wakeups.count - wakeupsBefore) / seconds, "/s",
      budget: 1.05)
    report.add(
      "idle bytes per second (the clock)", Double(pty.output.count - bytesBefore) / seconds, "B/s")
  }

  /// Starts the real `handoff` on `store` and times it from outside: from the start of
  /// the process to the end of its first frame on the terminal. Then quits it.
  private func firstFrame(
    _ binary: String, _ store: String, _ environment: [String: String]
  ) throws -> Double {
    let frameEnd = Array("\u{1B}[?2026l".utf8)
    let started = MonotonicClock.now()
    let pty = try PseudoTerminal(
      executable: binary, arguments: ["--store", store], environment: environment, width: 160,
      height: 45)
    var shown: UInt64?
    let drawn = pty.read(
      until: { output in
        if shown == nil, output.firstRange(of: frameEnd) != nil { shown = MonotonicClock.now() }
        return shown != nil
      }, timeout: .seconds(60))
    pty.send("q")
    _ = pty.waitForExit(timeout: .seconds(10))
    guard drawn, let shown else {
      throw BenchError.setup("the dashboard drew no frame within 60 s")
    }
    return Double(shown - started) / 1e6
  }

  /// Reads the terminal (so the dashboard never blocks on output) and the marks until
  /// `condition` holds or `timeout` seconds pass; returns the marks when it held.
  private func wait(
    _ pty: PseudoTerminal, _ marks: MarkLog, timeout: Double, until condition: (MarkLog) -> Bool
  ) -> MarkLog? {
    let deadline = MonotonicClock.now() + UInt64(timeout * 1e9)
    while MonotonicClock.now() < deadline {
      pty.read(until: { _ in false }, timeout: .milliseconds(2))
      marks.update()
      if condition(marks) { return marks }
    }
    return nil
  }
}
