#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tells a reader that the log may have changed, without polling it: on Linux an
/// inotify watch on the log's folder (so appends, and a compaction's rename, are both
/// seen). Where there is none, `descriptor` is -1 and callers refresh on a short timer.
final class ChangeWatcher {
  private let path: String
  private(set) var descriptor: Int32 = -1
  private(set) var started = false

  init(path: String) { self.path = path }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Starts watching, if the platform can and the folder exists.
  func start() {
    guard !started else { return }
    #if os(Linux)
      let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard fd >= 0 else { return }
      let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE)
      guard inotify_add_watch(fd, FileIO.directory(of: path), mask) >= 0 else {
        close(fd)
        return
      }
      descriptor = fd
      started = true
    #endif
  }

  /// Empties the descriptor's queue, so it becomes readable again only on a new change.
  func drain() {
    guard descriptor >= 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 4096)
    while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
  }
}
