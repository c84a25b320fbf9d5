#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which file a path or descriptor refers to: a replaced file (compaction, repair)
/// has a new identity even when its name is the same.
struct FileIdentity: Equatable {
  var device: UInt64
  var inode: UInt64
  var size: Int64

  func sameFile(as other: FileIdentity) -> Bool { device == other.device && inode == other.inode }

  init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
  }
}

/// Thin, EINTR-safe wrappers over the POSIX calls the store uses; errors carry errno.
enum FileIO {
  static var errorNumber: Int32 { errno }

  static func message(_ code: Int32) -> String { String(cString: strerror(code)) }

  static func identity(path: String) -> FileIdentity? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileIdentity(info)
  }

  static func identity(fd: Int32) -> FileIdentity? {
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    return FileIdentity(info)
  }

  /// Opens a file, retrying on EINTR; returns -1 with errno set on failure.
  static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o666) -> Int32 {
    while true {
      #if canImport(Glibc)
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
      #else
        let fd = Darwin.open(path, flags | O_CLOEXEC, mode)
      #endif
      if fd >= 0 || errno != EINTR { return fd }
    }
  }

  /// Reads up to `count` bytes at `offset` into `buffer`; returns the number read (0 at end).
  static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64)
    -> Int
  {
    var total = 0
    while total < buffer.count {
      let n = pread(
        fd, buffer.baseAddress! + total, buffer.count - total, off_t(offset) + off_t(total))
      if n < 0 {
        if errno == EINTR { continue }
        return total > 0 ? total : -1
      }
      if n == 0 { break }
      total += n
    }
    return total
  }

  /// Reads the bytes in `range` of the file.
  static func read(_ fd: Int32, from start: Int64, to end: Int64) -> [UInt8]? {
    let count = Int(end - start)
    guard count > 0 else { return [] }
    var bytes = [UInt8](repeating: 0, count: count)
    let n = bytes.withUnsafeMutableBytes { read(fd, into: $0, at: start) }
    guard n >= 0 else { return nil }
    if n < count { bytes.removeLast(count - n) }
    return bytes
  }

  /// Writes all the bytes, retrying partial writes and EINTR. Returns false with errno set.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in
      var done = 0
      while done < raw.count {
        let n = write(fd, raw.baseAddress! + done, raw.count - done)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        done += n
      }
      return true
    }
  }

  /// Creates the folder and its parents (like `mkdir -p`). Returns false with errno set.
  static func makeDirectories(_ path: String) -> Bool {
    if path.isEmpty || path == "/" { return true }
    var info = stat()
    if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
    let parent = directory(of: path)
    if parent != path, !makeDirectories(parent) { return false }
    return mkdir(path, 0o777) == 0 || errno == EEXIST
  }

  /// The folder holding `path` ("." for a bare name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  /// Flushes a folder's entries to disk, so a rename survives a crash.
  static func syncDirectory(of path: String) {
    let fd = open(directory(of: path), O_RDONLY)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  /// A timestamp for file names, e.g. `20261123-121500`.
  static func stamp(_ moment: Int64) -> String {
    let seconds = moment / 1000
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))-"
      + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
  }
}
