import Foundation
import HandoffCLI
import HandoffDemo
import HandoffHost
import HandoffModel
import HandoffStore

#if canImport(Glibc)
  import Glibc
#endif

/// Every figure for one store size.
struct SizeBench {
  let leads: Int
  let folder: String
  /// The fixed "now" of the generated history, so every run measures the same store.
  static let now = Timestamp(iso8601: "2026-11-20T15:00:00Z")!

  var path: String { folder + "/bench-\(leads).jsonl" }

  /// The store at `path` on the generated history's clock, in UTC.
  static func store(_ path: String) throws -> any EventStore {
    try StoreOpener.store(at: StoreAddress(path), clock: ManualClock(now), zones: FixedZones())
  }

  func run() throws -> SizeReport {
    var report = SizeReport(leads: leads)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    if !FileManager.default.fileExists(atPath: path) {
      var events: [PlannedEvent] = []
      let generate = Measure.milliseconds {
        events = DemoTeam.events(leads: leads, seed: 7, now: SizeBench.now, zone: .utc)
      }
      let store = try SizeBench.store(path)
      try store.open()
      let write = try Measure.milliseconds { try store.append(events) }
      report.add("generate", generate, "ms", note: "\(events.count) events")
      report.add("write", write, "ms")
    }
    let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    var lines = 0
    let raw = Measure.median(runs: 3) { lines = RawRead.countLines(path) }
    report.events = lines
    report.add("file", Double(bytes) / 1_048_576, "MB")
    report.add("raw read + count lines", raw, "ms")
    // Each load in a fresh child process: the whole log replayed, then from the checkpoint.
    var replays: [LoadProbe.Result] = []
    for _ in 0..<3 { replays.append(try LoadProbe.spawn(path: path, replay: true)) }
    let load = Measure.percentile(replays.map(\.ms), 0.5)
    report.add("load, whole log (parse + fold)", load, "ms")
    report.add("load rate", Double(lines) / (load / 1000), "events/s")
    report.add("load ÷ raw read", load / max(raw, 0.001), "×", budget: 5)
    let peak = Double(replays.map(\.rss).max() ?? 0) / 1_048_576
    let memoryBudget = (400 * Double(leads) + 30_000_000) / 1_048_576
    report.add("peak RSS, whole log replayed", peak, "MB", budget: memoryBudget)
    _ = try LoadProbe.spawn(path: path, replay: false)  // writes the checkpoint
    var starts: [LoadProbe.Result] = []
    for _ in 0..<3 { starts.append(try LoadProbe.spawn(path: path, replay: false)) }
    report.add("load from checkpoint", Measure.percentile(starts.map(\.ms), 0.5), "ms")
    let checkpointPeak = Double(starts.map(\.rss).max() ?? 0) / 1_048_576
    report.add("peak RSS, from checkpoint", checkpointPeak, "MB", budget: memoryBudget)
    try TravelBench(path: path, now: SizeBench.now).run(into: &report)
    let store = try SizeBench.store(path)
    try store.open()
    KeyBench(pipeline: store.pipeline, now: SizeBench.now, repetitions: 1000)
      .run(into: &report, budgets: .forSize(leads))
    try LiveBench(
      path: path, leads: leads, liveEvents: 200, burstEvents: min(10_000, leads), idleSeconds: 10
    ).run(into: &report)
    try OutsideBench(path: path, leads: leads).run(into: &report)
    return report
  }
}

/// The floor for loading: read the file's bytes and count its lines, nothing else.
enum RawRead {
  static func countLines(_ path: String) -> Int {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 1 << 22)
    var lines = 0
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      buffer.withUnsafeBufferPointer { bytes in
        var start = bytes.baseAddress!
        let end = start + n
        while start < end, let hit = memchr(start, 0x0A, end - start) {
          lines += 1
          start = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
      }
    }
    return lines
  }
}
