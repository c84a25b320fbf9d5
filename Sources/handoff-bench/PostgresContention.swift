import Foundation
import HandoffCLI
import HandoffHost
import HandoffModel
import HandoffStore
import HandoffSystem

/// Writers at once on one PostgreSQL store, to weigh the whole-store lock (every write
/// takes `LOCK TABLE handoff_events IN EXCLUSIVE MODE`, so writers to different leads
/// wait for each other): one writer process alone, then four together, each writing
/// notes on leads of its own (`handoff-bench postgres-writer`). Reported, not budgeted:
/// the issue asks that per-lead or whole-store serialization be chosen by measuring.
struct PostgresContention {
  let url: String
  let environment: [String: String]
  /// Writes per writer process.
  var writes = 100

  func run(into report: inout SizeReport) throws {
    for writers in [1, 4] {
      let (rate, times) = try round(writers: writers)
      let who = writers == 1 ? "1 writer" : "\(writers) writers at once"
      report.add("\(who): writes per second", rate, "/s")
      report.add("\(who): write median", Measure.percentile(times, 0.5), "ms")
      report.add("\(who): write p99", Measure.percentile(times, 0.99), "ms")
    }
  }

  /// Starts `writers` processes, lets them open the store, starts them together and
  /// collects their timings: writes per second over the whole round, and every write's
  /// time.
  private func round(writers: Int) throws -> (rate: Double, times: [Double]) {
    var children: [(process: Process, input: Pipe, output: Pipe)] = []
    defer {
      for child in children where child.process.isRunning { child.process.terminate() }
    }
    for index in 0..<writers {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: BenchExecutable.path)
      process.arguments = ["postgres-writer", url, String(writes), String(index)]
      process.environment = environment
      let input = Pipe()
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      try process.run()
      children.append((process, input, output))
    }
    // Each says "ready" once it has opened the store; then all start at once.
    var texts = Array(repeating: "", count: writers)
    for (index, child) in children.enumerated() {
      while !texts[index].contains("ready\n") {
        let data = child.output.fileHandleForReading.availableData
        guard !data.isEmpty else {
          throw BenchError.setup("a writer process ended before it was ready")
        }
        texts[index] += String(decoding: data, as: UTF8.self)
      }
    }
    for child in children { child.input.fileHandleForWriting.write(Data("go\n".utf8)) }
    var starts: [UInt64] = []
    var ends: [UInt64] = []
    var times: [Double] = []
    for (index, child) in children.enumerated() {
      texts[index] += String(
        decoding: child.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      child.process.waitUntilExit()
      guard child.process.terminationStatus == 0,
        let result = PostgresWriter.Result(parsing: texts[index])
      else { throw BenchError.setup("a writer process failed: \(texts[index])") }
      starts.append(result.start)
      ends.append(result.end)
      times += result.times
    }
    let seconds = Double(ends.max()! - starts.min()!) / 1e9
    return (Double(times.count) / seconds, times)
  }
}

/// Run in a child process (`handoff-bench postgres-writer URL COUNT INDEX`): opens the
/// store, says `ready`, waits for a line on standard input, then writes COUNT notes on
/// leads no other writer of the round uses and prints its timings.
enum PostgresWriter {
  struct Result {
    var start: UInt64
    var end: UInt64
    var times: [Double]

    init?(parsing text: String) {
      guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("start=") })
      else { return nil }
      var fields: [String: Substring] = [:]
      for pair in line.split(separator: " ") {
        guard let equals = pair.firstIndex(of: "=") else { continue }
        fields[String(pair[..<equals])] = pair[pair.index(after: equals)...]
      }
      guard let start = fields["start"].flatMap({ UInt64($0) }),
        let end = fields["end"].flatMap({ UInt64($0) }), let list = fields["times"]
      else { return nil }
      self.start = start
      self.end = end
      times = list.split(separator: ",").compactMap { Double($0) }
    }
  }

  static func run(url: String, count: Int, index: Int) -> Int32 {
    do {
      let store = try StoreOpener.store(
        at: StoreAddress(url), clock: SystemClock(), zones: FixedZones())
      try store.open()
      let leads = store.pipeline.allLeads.map(\.id)
      let mine = (0..<count).map { leads[(index * count + $0) % leads.count] }
      FileHandle.standardOutput.write(Data("ready\n".utf8))
      _ = readLine()
      var times: [Double] = []
      let start = MonotonicClock.now()
      for (n, lead) in mine.enumerated() {
        times.append(
          try Measure.milliseconds {
            try store.perform(
              .note(id: lead, text: "contention \(index).\(n)"),
              by: BenchActor.writer(store.pipeline))
          })
      }
      let end = MonotonicClock.now()
      let list = times.map { String($0) }.joined(separator: ",")
      FileHandle.standardOutput.write(Data("start=\(start) end=\(end) times=\(list)\n".utf8))
      return 0
    } catch {
      FileHandle.standardError.write(Data("handoff-bench: \(error)\n".utf8))
      return 1
    }
  }
}
