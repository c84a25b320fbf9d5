import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Wall-clock time for measurements (monotonic).
enum Measure {
  static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

  /// Milliseconds taken by `body`.
  static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = now()
    try body()
    return Double(now() - start) / 1e6
  }

  /// The median of `runs` timings of `body`, in milliseconds.
  static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try milliseconds(body)) }
    return percentile(times, 0.5)
  }

  static func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((Double(sorted.count - 1) * p).rounded())
    return sorted[min(sorted.count - 1, max(0, rank))]
  }

  /// The CPU time (user and system) this process has used so far, in milliseconds.
  static func cpuMilliseconds() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    func ms(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
    return ms(usage.ru_utime) + ms(usage.ru_stime)
  }

  /// Peak resident memory of this process, in bytes. On Linux from `VmHWM`: the
  /// `ru_maxrss` of `getrusage` survives `exec`, so a child would report its parent's peak.
  static func peakRSS() -> Int {
    #if os(Linux)
      if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
      {
        return kilobytes * 1024
      }
      return 0
    #else
      var usage = rusage()
      getrusage(RUSAGE_SELF, &usage)
      return usage.ru_maxrss
    #endif
  }
}

/// A line about the machine the figures came from.
enum Machine {
  static func describe() -> String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var model = "unknown CPU"
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let colon = line.firstIndex(of: ":")
    {
      model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let memory = ProcessInfo.processInfo.physicalMemory / 1_048_576
    return "\(model), \(cores) cores, \(memory) MB"
  }
}
