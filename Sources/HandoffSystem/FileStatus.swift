#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which file a path or descriptor refers to, and how big it is: a replaced file
/// (compaction, repair) has a new identity even when its name is the same.
package struct FileStatus: Hashable, Sendable {
  package var device: UInt64
  package var inode: UInt64
  package var size: Int64
  package var mode: UInt32

  package init(device: UInt64, inode: UInt64, size: Int64, mode: UInt32 = 0) {
    self.device = device
    self.inode = inode
    self.size = size
    self.mode = mode
  }

  init(_ info: stat) {
    self.init(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
      mode: UInt32(info.st_mode))
  }

  /// The file at a path now (following links); nil when there is none or it cannot be
  /// looked at.
  package static func of(path: String) -> FileStatus? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileStatus(info)
  }

  /// Whether both name the same file (whatever their sizes).
  package func sameFile(as other: FileStatus) -> Bool {
    device == other.device && inode == other.inode
  }

  /// Whether it is a folder.
  package var isDirectory: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFDIR) }
}
