import HandoffSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The mark a batch leaves beside the log while it appends (`PATH.batch`): which log
/// file, and the offset where the batch's lines begin. While it exists every reader
/// stops at that offset, so a batch is seen whole or not at all, even when its writer
/// is killed halfway: the next writer, under the lock, moves the unfinished lines to a
/// side file and removes the mark. The log's own lines are unchanged (docs/FORMAT.md).
struct BatchIntent: Equatable {
  /// The log file the batch appends to (a mark for a replaced log means nothing).
  var device: UInt64
  var inode: UInt64
  /// Where the batch's first line starts.
  var start: Int64

  static func path(beside log: String) -> String { log + ".batch" }

  /// The mark for the log file `identity`, if one is there.
  static func read(beside log: String, for identity: FileStatus) -> BatchIntent? {
    guard let intent = read(beside: log), intent.device == identity.device,
      intent.inode == identity.inode
    else { return nil }
    return intent
  }

  /// The mark beside a log, whichever file it names.
  static func read(beside log: String) -> BatchIntent? {
    guard let fd = try? FileDescriptor.open(path(beside: log), O_RDONLY) else { return nil }
    defer { fd.close() }
    guard let bytes = try? fd.read(from: 0, to: 256) else { return nil }
    let fields = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace)
    guard fields.count == 5, fields[0] == "handoff-batch", fields[1] == "1",
      let device = UInt64(fields[2]), let inode = UInt64(fields[3]), let start = Int64(fields[4])
    else { return nil }
    return BatchIntent(device: device, inode: inode, start: start)
  }

  /// Writes the mark durably (file and folder flushed) before the batch's first byte;
  /// it appears whole, by a rename, never half-written.
  func write(beside log: String) throws(SystemError) {
    let file = BatchIntent.path(beside: log)
    let temporary = file + ".tmp-\(getpid())"
    do {
      let fd = try FileDescriptor.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode: 0o644)
      defer { fd.close() }
      try fd.writeAll("handoff-batch 1 \(device) \(inode) \(start)\n")
      try fd.sync()
      try FilePaths.rename(temporary, to: file)
    } catch {
      try? FilePaths.remove(temporary)
      throw SystemError("write", path: file, error)
    }
    FilePaths.syncDirectory(of: file)
  }

  /// Removes the mark durably: from then on the batch is part of the log.
  static func remove(beside log: String) throws(SystemError) {
    let file = path(beside: log)
    do {
      try FilePaths.remove(file)
    } catch .noSuchFile {
      return
    } catch {
      throw SystemError("remove", path: file, error)
    }
    FilePaths.syncDirectory(of: file)
  }
}
