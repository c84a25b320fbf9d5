import Foundation
import HandoffCLI
import HandoffHost
import HandoffModel
import HandoffStore
import HandoffSystem
import HandoffTerminalTesting

/// Many dashboards following one PostgreSQL store: `count` children of this benchmark
/// (`handoff-bench dashboard URL MARKS`, the dashboard `handoff` runs, its loop watched
/// by a `MarkWriter`), each on a pseudo-terminal of 160×45 with its own session
/// listening. The benchmark appends a note through its own `PostgresStore` (another
/// process, as a colleague would) and times, from the start of the append, until every
/// dashboard has drawn a frame showing that event.
struct PostgresFollowers {
  let url: String
  let leads: Int
  let count: Int
  let appends: Int
  let environment: [String: String]
  let folder: String

  func run(into report: inout SizeReport) throws {
    // The followers start from the local cache, as a dashboard opened before would:
    // open the store once here to write it.
    let writer = try StoreOpener.store(
      at: StoreAddress(url), clock: SystemClock(), zones: FixedZones(), environment: environment)
    try writer.open()

    var followers: [(pty: PseudoTerminal, marks: MarkLog)] = []
    defer {
      for follower in followers { follower.pty.send("q") }
      for follower in followers {
        _ = follower.pty.waitForExit(timeout: .seconds(10))
        try? FileManager.default.removeItem(atPath: follower.marks.path)
      }
    }
    for index in 0..<count {
      let marks = MarkLog(path: folder + "/follower-\(index).marks")
      let pty = try PseudoTerminal(
        executable: BenchExecutable.path, arguments: ["dashboard", url, marks.path],
        environment: environment, width: 160, height: 45)
      followers.append((pty, marks))
    }
    let started = MonotonicClock.now()
    guard wait(followers, timeout: 300, until: { !$0.frames.isEmpty }) else {
      throw BenchError.setup("not every following dashboard drew a frame within 300 s")
    }
    report.add(
      "\(count) dashboards started (from the cache)", Double(MonotonicClock.now() - started) / 1e6,
      "ms", note: "\(leads) leads each, all at once")

    let notable = writer.pipeline.allLeads.prefix(appends).map(\.id)
    var latencies: [Double] = []
    for n in 0..<appends {
      let appended = MonotonicClock.now()
      let event = try writer.perform(
        .note(id: notable[n % notable.count], text: "followed \(n)"),
        by: BenchActor.writer(writer.pipeline))
      guard wait(followers, timeout: 10, until: { $0.firstFrame(showing: event.seq) != nil })
      else { throw BenchError.setup("event \(event.seq) did not reach every dashboard in 10 s") }
      let last = followers.map { $0.marks.firstFrame(showing: event.seq)!.nanos }.max()!
      latencies.append(Double(Int64(last) - Int64(appended)) / 1e6)
    }
    let who = "append → all \(count) dashboards"
    report.add("\(who) median", Measure.percentile(latencies, 0.5), "ms")
    report.add("\(who) p99", Measure.percentile(latencies, 0.99), "ms", budget: 150)
  }

  /// Reads every terminal (so no dashboard blocks on its output) and every follower's
  /// marks until `condition` holds for all of them or `timeout` seconds pass.
  private func wait(
    _ followers: [(pty: PseudoTerminal, marks: MarkLog)], timeout: Double,
    until condition: (MarkLog) -> Bool
  ) -> Bool {
    let deadline = MonotonicClock.now() + UInt64(timeout * 1e9)
    var pending = Set(followers.indices)
    while MonotonicClock.now() < deadline {
      var entries = followers.map { PollEntry($0.pty.master) }
      if (try? FileDescriptor.poll(&entries, timeout: .milliseconds(2))) ?? 0 > 0 {
        for (index, entry) in entries.enumerated() where !entry.found.isEmpty {
          followers[index].pty.readAvailable()
        }
      }
      for index in pending {
        followers[index].marks.update()
        if condition(followers[index].marks) { pending.remove(index) }
      }
      if pending.isEmpty { return true }
    }
    return false
  }
}
