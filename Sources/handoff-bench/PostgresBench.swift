import Foundation
import HandoffCLI
import HandoffDemo
import HandoffHost
import HandoffModel
import HandoffPostgresCluster
import HandoffStore
import HandoffSystem

/// The PostgreSQL figures (`--postgres`), on a throwaway local server this benchmark
/// starts itself (`HandoffPostgresCluster`, the one the tests use, with fsync on so a
/// commit costs what it costs on a real server), reached over its Unix socket:
///
/// - an acknowledged write: one note through `PostgresStore`, as `handoff note` does
///   once it has opened the store (lock, catch up, plan, insert, commit);
/// - append → every one of `followers` dashboards on screen (`PostgresFollowers`);
/// - opening the store: the first open of all (every event read from the server, the
///   local cache and the server's snapshot written), cold (an empty cache folder: the
///   server's snapshot and the tail) and with a warm local cache;
/// - writers at once, to weigh the whole-store lock (`PostgresContention`).
struct PostgresBench {
  /// The store opened cold and warm, and written to.
  let leads: Int
  /// How many dashboards follow the store at once.
  let followers: Int
  /// The leads of the store the followers show (each follower holds it in memory).
  let followerLeads: Int
  /// A scratch folder: caches, marks.
  let folder: String

  func run() throws -> SizeReport {
    guard PostgresCluster.isAvailable else {
      throw BenchError.setup("--postgres: \(PostgresCluster.skipReason)")
    }
    let cluster: PostgresCluster
    do {
      cluster = try PostgresCluster.start(durable: true)
    } catch {
      throw BenchError.setup("--postgres: cannot start a local server: \(error)")
    }
    var report = SizeReport(leads: leads)
    report.title = "PostgreSQL \(cluster.version), local server over its Unix socket, fsync on"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

    let main = try makeStore(cluster, leads: leads, into: &report)
    report.events = main.events.count
    try measureOpening(main.url, events: main.events, into: &report)
    try measureWrites(main.url, cluster: cluster, into: &report)

    let small = try makeStore(cluster, leads: followerLeads, into: &report)
    try PostgresContention(url: small.url, environment: environment(cache: "contention"))
      .run(into: &report)
    try PostgresFollowers(
      url: small.url, leads: followerLeads, count: followers, appends: 100,
      environment: environment(cache: "followers"), folder: folder
    ).run(into: &report)
    return report
  }

  /// The environment of this benchmark's stores and children: a cache folder of their
  /// own under the scratch folder (never the user's), nothing of libpq's from outside.
  func environment(cache: String) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    for key in environment.keys where key.hasPrefix("PG") { environment.removeValue(forKey: key) }
    environment["XDG_CACHE_HOME"] = folder + "/cache-" + cache
    environment["TERM"] = "xterm-256color"
    environment["COLORTERM"] = "truecolor"
    environment["HANDOFF_USER"] = "bench"
    environment.removeValue(forKey: "NO_COLOR")
    return environment
  }

  /// A new database holding the demo history of `leads` leads, written in one batch.
  private func makeStore(
    _ cluster: PostgresCluster, leads: Int, into report: inout SizeReport
  ) throws -> (url: String, events: [PlannedEvent]) {
    let database = try cluster.createDatabase("bench_\(leads)")
    let url = cluster.url(database: database)
    let events = DemoTeam.events(leads: leads, seed: 7, now: SizeBench.now, zone: .utc)
    let store = try StoreOpener.store(
      at: StoreAddress(url), clock: ManualClock(SizeBench.now), zones: FixedZones(),
      environment: environment(cache: "writer"))
    _ = try store.create()
    let write = try Measure.milliseconds { try store.append(events) }
    report.add(
      "write \(leads) leads in one batch (COPY)", write, "ms", note: "\(events.count) events")
    return (url, events)
  }

  /// Opening the store in a fresh child process: cold (an empty cache folder each time),
  /// then with the cache the last cold open wrote. Then the same events as a file log,
  /// opened the same two ways at the same moment: on a busy machine the wall times
  /// grow together, so the pair shows what PostgreSQL itself adds.
  private func measureOpening(
    _ url: String, events: [PlannedEvent], into report: inout SizeReport
  ) throws {
    let environment = environment(cache: "open")
    let cache = environment["XDG_CACHE_HOME"]!
    // The first open of all replays every event and leaves the server's snapshot; the
    // cold opens after it (a machine with no cache) read that snapshot and the tail.
    try? FileManager.default.removeItem(atPath: cache)
    let first = try LoadProbe.spawn(path: url, replay: false, environment: environment)
    var cold: [LoadProbe.Result] = []
    for _ in 0..<3 {
      try? FileManager.default.removeItem(atPath: cache)
      cold.append(try LoadProbe.spawn(path: url, replay: false, environment: environment))
    }
    var warm: [LoadProbe.Result] = []
    for _ in 0..<5 {
      warm.append(try LoadProbe.spawn(path: url, replay: false, environment: environment))
    }
    let log = folder + "/reference-\(leads).jsonl"
    let file = try SizeBench.store(log)
    try file.open()
    try file.append(events)
    var fileCold: [LoadProbe.Result] = []
    for _ in 0..<3 {
      try? FileManager.default.removeItem(atPath: log + ".checkpoint")
      fileCold.append(try LoadProbe.spawn(path: log, replay: false, environment: environment))
    }
    var fileWarm: [LoadProbe.Result] = []
    for _ in 0..<5 {
      fileWarm.append(try LoadProbe.spawn(path: log, replay: false, environment: environment))
    }
    for path in [log, log + ".checkpoint"] { try? FileManager.default.removeItem(atPath: path) }

    func median(_ results: [LoadProbe.Result], _ value: (LoadProbe.Result) -> Double) -> Double {
      Measure.percentile(results.map(value), 0.5)
    }
    report.add(
      "open, first ever (no cache, no snapshot)", first.ms, "ms",
      note: "every event from the server; the cache and the server's snapshot written")
    report.add("open, first ever: process CPU time", first.cpuMS, "ms")
    report.add(
      "open, cold (no local cache)", median(cold, \.ms), "ms", budget: 3000,
      note: "the server's snapshot and the events after it")
    report.add("open, cold: process CPU time", median(cold, \.cpuMS), "ms")
    report.add("peak RSS, cold open", Double(cold.map(\.rss).max() ?? 0) / 1_048_576, "MB")
    report.add("open, warm local cache", median(warm, \.ms), "ms", budget: 300)
    report.add("open, warm: process CPU time", median(warm, \.cpuMS), "ms")
    report.add("peak RSS, warm open", Double(warm.map(\.rss).max() ?? 0) / 1_048_576, "MB")
    report.add(
      "file log, same events: no checkpoint", median(fileCold, \.ms), "ms",
      note: "reference, at the same moment; the checkpoint written")
    report.add("file log, same events: checkpoint", median(fileWarm, \.ms), "ms", note: "reference")
  }

  /// Acknowledged writes: notes on an open store, each timed from the call to its
  /// return (committed).
  private func measureWrites(
    _ url: String, cluster: PostgresCluster, into report: inout SizeReport
  ) throws {
    let store = try StoreOpener.store(
      at: StoreAddress(url), clock: SystemClock(), zones: FixedZones(),
      environment: environment(cache: "writer"))
    try store.open()
    let leads = store.pipeline.allLeads.prefix(200).map(\.id)
    var times: [Double] = []
    for n in 0..<400 {
      let lead = leads[n % leads.count]
      times.append(
        try Measure.milliseconds {
          try store.perform(
            .note(id: lead, text: "bench write \(n)"), by: BenchActor.writer(store.pipeline))
        })
    }
    report.add("acknowledged write median", Measure.percentile(times, 0.5), "ms", budget: 5)
    report.add("acknowledged write p99", Measure.percentile(times, 0.99), "ms")
    let floor = try diskSync(in: cluster.folder)
    report.add(
      "floor: 8 KB write + fdatasync", floor, "ms",
      note: "median, on the server's disk: a commit waits for one")
  }

  /// What one durable commit costs the disk at least, as the server's WAL pays it: the
  /// median of 200 writes of 8 KB (a WAL page) into a file already allocated, each
  /// followed by `fdatasync`, beside the server's data.
  private func diskSync(in folder: String) throws -> Double {
    let path = folder + "/bench-fsync-\(getpid())"
    let file = try FileDescriptor.open(path, O_RDWR | O_CREAT | O_TRUNC, mode: 0o600)
    defer {
      file.close()
      try? FilePaths.remove(path)
    }
    let page = [UInt8](repeating: 0x2A, count: 8192)
    for _ in 0..<200 { try file.writeAll(page) }
    try file.sync()
    var times: [Double] = []
    for index in 0..<200 {
      times.append(
        Measure.milliseconds {
          _ = page.withUnsafeBytes {
            pwrite(file.rawValue, $0.baseAddress, $0.count, off_t(index * 8192))
          }
          _ = fdatasync(file.rawValue)
        })
    }
    return Measure.percentile(times, 0.5)
  }
}
