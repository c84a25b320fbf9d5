#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Monotonic time in nanoseconds: for deadlines and measurements, never for dates.
/// The same clock in every process of the machine, so one process can time another's
/// marks.
package enum MonotonicClock {
  /// Nanoseconds since an arbitrary fixed point; never goes backwards.
  package static func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
  }
}
