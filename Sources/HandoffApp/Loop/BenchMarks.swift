#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Marks for `handoff-bench`: when `HANDOFF_BENCH_MARKS` names a file, the loop
/// appends a line there for every wakeup (`w NANOS`) and every frame drawn
/// (`f NANOS SEQ`, SEQ being the last event the frame shows), on the system's
/// monotonic clock, so the benchmark can time start-up, live updates and idling from
/// outside. Without the variable nothing is written.
struct BenchMarks {
  private let fd: Int32

  init(environment: [String: String]) {
    guard let path = environment["HANDOFF_BENCH_MARKS"], !path.isEmpty else {
      fd = -1
      return
    }
    fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
  }

  func wakeup() { mark("w \(BenchMarks.nanoseconds())\n") }

  func frame(lastSeq: Int64) { mark("f \(BenchMarks.nanoseconds()) \(lastSeq)\n") }

  private func mark(_ line: String) {
    guard fd >= 0 else { return }
    var line = line
    line.withUTF8 { _ = write(fd, $0.baseAddress, $0.count) }
  }

  static func nanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
  }
}
