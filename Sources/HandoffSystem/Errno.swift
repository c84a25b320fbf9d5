#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An error number from a system call, with names for the ones callers act on
/// (the swift-system idea): `catch Errno.wouldBlock`, not `errno == EAGAIN`.
package struct Errno: Error, RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  package var rawValue: CInt

  package init(rawValue: CInt) { self.rawValue = rawValue }

  /// The calling thread's `errno` now.
  package static var current: Errno { Errno(rawValue: errno) }

  package static let interrupted = Errno(rawValue: EINTR)
  package static let wouldBlock = Errno(rawValue: EAGAIN)
  package static let noSuchFile = Errno(rawValue: ENOENT)
  package static let exists = Errno(rawValue: EEXIST)
  package static let permissionDenied = Errno(rawValue: EACCES)
  package static let ioError = Errno(rawValue: EIO)
  package static let brokenPipe = Errno(rawValue: EPIPE)
  package static let badDescriptor = Errno(rawValue: EBADF)
  package static let notDirectory = Errno(rawValue: ENOTDIR)
  package static let fileTooLarge = Errno(rawValue: EFBIG)
  package static let noSpace = Errno(rawValue: ENOSPC)
  package static let readOnlyFileSystem = Errno(rawValue: EROFS)
  package static let connectionRefused = Errno(rawValue: ECONNREFUSED)
  package static let connectionReset = Errno(rawValue: ECONNRESET)
  package static let timedOut = Errno(rawValue: ETIMEDOUT)

  /// Whether the call would have blocked (`EAGAIN`, also spelled `EWOULDBLOCK`).
  package var isWouldBlock: Bool { rawValue == EAGAIN || rawValue == EWOULDBLOCK }

  /// The system's words for it: "No such file or directory".
  package var description: String { String(cString: strerror(rawValue)) }
}

/// A system call that failed: what was tried, on what, and the error number. The
/// description is the one line a user sees: "cannot open /x/store.jsonl: Permission denied".
package struct SystemError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What was being done, as a verb phrase: "open", "read", "lock".
  package var doing: String
  /// The file or device it was done to, when there is one.
  package var path: String?
  package var errno: Errno

  package init(_ doing: String, path: String? = nil, _ errno: Errno) {
    self.doing = doing
    self.path = path
    self.errno = errno
  }

  package var description: String {
    "cannot \(doing)\(path.map { " " + $0 } ?? ""): \(errno)"
  }
}
