#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few path operations the store and the CLI need, on plain `String` paths.
package enum FilePaths {
  /// The folder holding `path` ("." for a bare name, "/" for a top-level one).
  package static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  /// Creates the folder and its parents (like `mkdir -p`).
  package static func makeDirectories(_ path: String) throws(Errno) {
    if path.isEmpty || path == "/" || path == "." { return }
    if let status = FileStatus.of(path: path) {
      guard status.isDirectory else { throw .notDirectory }
      return
    }
    let parent = directory(of: path)
    if parent != path { try makeDirectories(parent) }
    if mkdir(path, 0o777) != 0, Errno.current != .exists { throw .current }
  }

  /// Flushes a folder's entries to disk, so a rename or a new file in it survives a crash.
  package static func syncDirectory(of path: String) {
    guard let fd = try? FileDescriptor.open(directory(of: path), O_RDONLY) else { return }
    _ = try? fd.sync()
    fd.close()
  }
}
