import HandoffSystem

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

extension ChildProcess {
  /// Starts `path` with `arguments` and exactly the `environment` given, standard input
  /// `/dev/null` and output and error written to files (or `/dev/null`): how tests run the
  /// built binary that they signal at a moment of their choosing (a SIGKILL mid-write).
  package static func spawn(
    _ path: String, _ arguments: [String], environment: [String: String],
    stdout: String? = nil, stderr: String? = nil
  ) throws(SystemError) -> ChildProcess {
    try spawn(
      path, arguments,
      Options(
        environment: environment, output: stdout.map { .file($0, append: false) } ?? .null,
        error: stderr.map { .file($0, append: false) } ?? .null))
  }
}

/// Sleeps the calling thread; for random kill delays, never for synchronization.
package func sleepForKillDelay(milliseconds: Int) {
  var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
  var left = timespec()
  while nanosleep(&request, &left) != 0, errno == EINTR { request = left }
}
