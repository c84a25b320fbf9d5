#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The machine's clocks, raw: for deadlines, measurements and file names, never for the
/// model (which is handed a `Clock`).
package enum SystemTime {
  /// Milliseconds since the Unix epoch, by the wall clock (which may jump).
  package static func wallMilliseconds() -> Int64 {
    let now = read(CLOCK_REALTIME)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
  }

  /// Nanoseconds on a clock that never jumps or goes back (from some moment at boot).
  package static func monotonicNanoseconds() -> UInt64 {
    let now = read(CLOCK_MONOTONIC)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
  }

  /// Milliseconds on the monotonic clock: for deadlines.
  package static func monotonicMilliseconds() -> Int64 {
    Int64(monotonicNanoseconds() / 1_000_000)
  }

  private static func read(_ clock: clockid_t) -> timespec {
    var now = timespec()
    clock_gettime(clock, &now)
    return now
  }
}
