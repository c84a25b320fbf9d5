#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Creating, replacing and removing a folder's entries, and asking what a process may
/// do with them.
extension FilePaths {
  /// Renames `from` to `to`, replacing whatever `to` named, in one atomic step.
  package static func rename(_ from: String, to: String) throws(Errno) {
    _ = try retrying { systemRename(from, to) }
  }

  /// Gives the file at `existing` a second name, `new` (which must not exist).
  package static func link(_ existing: String, as new: String) throws(Errno) {
    _ = try retrying { systemLink(existing, new) }
  }

  /// Removes a name (the file goes when no name and no descriptor is left).
  package static func remove(_ path: String) throws(Errno) {
    _ = try retrying { unlink(path) }
  }

  /// Sets a file's permission bits.
  package static func setPermissions(_ path: String, _ mode: UInt32) throws(Errno) {
    _ = try retrying { chmod(path, mode_t(mode)) }
  }

  /// Whether this process may write the file at `path`, by `access(2)`; for a path that
  /// does not exist yet, whether it could create it (the nearest existing folder above
  /// it is writable).
  package static func isWritable(_ path: String) -> Bool {
    if access(path, W_OK) == 0 { return true }
    guard Errno.current == .noSuchFile else { return false }
    var folder = directory(of: path)
    while access(folder, F_OK) != 0 {
      let parent = directory(of: folder)
      if parent == folder { return false }
      folder = parent
    }
    return access(folder, W_OK | X_OK) == 0
  }

  /// The last part of a path: the file's name.
  package static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }
}

private func systemRename(_ from: String, _ to: String) -> CInt {
  #if canImport(Glibc)
    return Glibc.rename(from, to)
  #else
    return Darwin.rename(from, to)
  #endif
}

private func systemLink(_ existing: String, _ new: String) -> CInt {
  #if canImport(Glibc)
    return Glibc.link(existing, new)
  #else
    return Darwin.link(existing, new)
  #endif
}
