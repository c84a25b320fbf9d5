import HandoffSystem

/// Tells a follower that its log may have changed, and nothing else: on Linux an inotify
/// watch on the log file itself, which reports appends, truncation, and the log's
/// replacement by compaction or repair (a new file renamed over the name changes the old
/// one's link count). Only while there is no log yet is its folder watched, for the log
/// to appear. Writes to other files beside the log (its checkpoint, a user's notes, a
/// bench's marks) wake nobody. Where there is no inotify, `isWatching` is false and
/// followers look on a short timer instead.
final class LogWatcher {
  private let path: String
  #if os(Linux)
    private let inotify: Inotify?
    private var fileWatch: Inotify.Watch?
    private var folderWatch: Inotify.Watch?

    /// What wakes a follower on the log file itself.
    private static let fileEvents: Inotify.Events = [
      .modified, .attributes, .movedSelf, .deletedSelf,
    ]
    /// What wakes it on the folder, while the log does not exist.
    private static let folderEvents: Inotify.Events = [.created, .movedIn]
  #endif

  init(path: String) {
    self.path = path
    #if os(Linux)
      inotify = try? Inotify()
    #endif
  }

  deinit {
    #if os(Linux)
      inotify?.close()
    #endif
  }

  /// The descriptor to poll; nil when there is no way to watch here.
  var descriptor: FileDescriptor? {
    #if os(Linux)
      return inotify?.descriptor
    #else
      return nil
    #endif
  }

  /// Whether a change will make `descriptor` readable: the log, or while it is missing
  /// its folder, is watched.
  var isWatching: Bool {
    #if os(Linux)
      return fileWatch != nil || folderWatch != nil
    #else
      return false
    #endif
  }

  /// Points the watch at the file the log's name holds now (call before reading it, so
  /// a change after the read always wakes the follower again). Adding a watch for an
  /// inode already watched gives the same watch back, so this is cheap when nothing
  /// was replaced.
  func follow() {
    #if os(Linux)
      guard let inotify else { return }
      if let watch = try? inotify.watch(path, for: LogWatcher.fileEvents) {
        if let old = fileWatch, old != watch { inotify.stopWatching(old) }
        fileWatch = watch
        if let folder = folderWatch {
          inotify.stopWatching(folder)
          folderWatch = nil
        }
        return
      }
      // No log yet (or no longer): wait for one to appear in the folder.
      if let old = fileWatch {
        inotify.stopWatching(old)
        fileWatch = nil
      }
      if folderWatch == nil {
        folderWatch = try? inotify.watch(
          FilePaths.directory(of: path), for: LogWatcher.folderEvents)
      }
    #endif
  }

  /// Reads the notices waiting, so the descriptor becomes readable again only on a new
  /// change.
  func drain() {
    #if os(Linux)
      _ = inotify?.read()
    #endif
  }
}
