import HandoffApp
import HandoffSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The benchmark's observer of a dashboard loop: appends a line to a file for every
/// wakeup (`w NANOS`) and every frame (`f NANOS SEQ BYTES`, SEQ being the last event
/// the frame shows and BYTES what it wrote), on the machine's monotonic clock, for
/// `MarkLog` in the benchmark's own process to read.
final class MarkWriter: DashboardObserver {
  private let file: FileDescriptor

  init(path: String) throws {
    file = try FileDescriptor.open(path, O_WRONLY | O_CREAT | O_APPEND, mode: 0o600)
  }

  deinit { file.close() }

  func loopWoke() { mark("w \(MonotonicClock.now())\n") }

  func frameDrawn(bytes: Int, lastSeq: Int64) {
    mark("f \(MonotonicClock.now()) \(lastSeq) \(bytes)\n")
  }

  private func mark(_ line: String) {
    // One write per line, appended: the reader never sees half a mark from a full disk
    // it would misread; a mark that cannot be written is a missing figure, not a crash.
    try? file.writeAll(line)
  }
}
