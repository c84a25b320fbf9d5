#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The machine's wall clock, raw: for names of files kept aside, never for the model
/// (which is handed a `Clock`) nor for deadlines (`MonotonicClock`).
package enum WallClock {
  /// Milliseconds since the Unix epoch (the clock may jump).
  package static func milliseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
  }
}
