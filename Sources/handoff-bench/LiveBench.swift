import Foundation
import HandoffCLI
import HandoffHost
import HandoffModel
import HandoffStore
import TestSupport

/// Figures from a real `handoff` dashboard on a pseudo-terminal of 160×45: start-up
/// to the first frame, another process's append to the frame that shows it, a burst,
/// and idling.
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
    environment["HANDOFF_BENCH_MARKS"] = marks.path
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
    let cold = try firstFrame(binary, copy, environment, marks)
    report.add("first frame, whole log replayed", cold.ms, "ms")
    cold.pty.send("q")
    _ = cold.pty.waitForExit(timeout: .seconds(10))
    let warm = try firstFrame(binary, copy, environment, marks)
    let pty = warm.pty
    defer {
      pty.send("q")
      _ = pty.waitForExit(timeout: .seconds(5))
    }
    report.add(
      "first frame (from checkpoint)", warm.ms, "ms",
      budget: leads >= 1_000_000 ? 2500 : (leads >= 100_000 ? 250 : nil))

    // Another process's appends: this one, through its own Store on the same log.
    let writer = try StoreOpener.store(
      at: StoreAddress(copy), clock: SystemClock(), zones: FixedZones())
    try writer.open()
    let notable = writer.pipeline.allLeads.prefix(max(liveEvents, burstEvents)).map(\.id)
    var latencies: [Double] = []
    for n in 0..<liveEvents {
      // Timed from the start of the append: the dashboard may see the line before the
      // writer's fsync returns.
      let appended = Monotonic.nanoseconds()
      let event = try writer.perform(
        .note(id: notable[n % notable.count], text: "bench live \(n)"), by: "bench-writer")
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
    let burstDone = Monotonic.nanoseconds()
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
    let idleStart = Monotonic.nanoseconds()
    _ = wait(pty, marks, timeout: idleSeconds, until: { _ in false })
    let seconds = Double(Monotonic.nanoseconds() - idleStart) / 1e9
    report.add(
      "idle wakeups per second", Double(marks.wakeups.count - wakeupsBefore) / seconds, "/s",
      budget: 1.05)
    report.add(
      "idle bytes per second (the clock)", Double(pty.output.count - bytesBefore) / seconds, "B/s")
  }

  /// Starts the dashboard on `store` and waits for its first frame.
  private func firstFrame(
    _ binary: String, _ store: String, _ environment: [String: String], _ marks: MarkLog
  ) throws -> (ms: Double, pty: PseudoTerminal) {
    marks.update()
    let before = marks.frames.count
    let started = Monotonic.nanoseconds()
    let pty = try PseudoTerminal(
      executable: binary, arguments: ["--store", store], environment: environment, width: 160,
      height: 45)
    guard let seen = wait(pty, marks, timeout: 60, until: { $0.frames.count > before }) else {
      throw BenchError.setup("the dashboard drew no frame within 60 s")
    }
    return (Double(seen.frames[before].nanos - started) / 1e6, pty)
  }

  /// Reads the terminal (so the dashboard never blocks on output) and the marks until
  /// `condition` holds or `timeout` seconds pass; returns the marks when it held.
  private func wait(
    _ pty: PseudoTerminal, _ marks: MarkLog, timeout: Double, until condition: (MarkLog) -> Bool
  ) -> MarkLog? {
    let deadline = Monotonic.nanoseconds() + UInt64(timeout * 1e9)
    while Monotonic.nanoseconds() < deadline {
      pty.read(until: { _ in false }, timeout: .milliseconds(2))
      marks.update()
      if condition(marks) { return marks }
    }
    return nil
  }
}
