#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension FileDescriptor {
  /// The two ends of a new pipe, both close-on-exec.
  package struct Pipe: Hashable, Sendable {
    /// Where bytes written to `writeEnd` come out.
    package var readEnd: FileDescriptor
    package var writeEnd: FileDescriptor

    /// Closes both ends.
    package func close() {
      readEnd.close()
      writeEnd.close()
    }
  }

  /// Makes a pipe; with `nonBlocking`, a read of an empty pipe throws
  /// `Errno.wouldBlock` and a write to a full one does not wait.
  package static func pipe(nonBlocking: Bool = false) throws(Errno) -> Pipe {
    var ends: [CInt] = [-1, -1]
    _ = try retrying { systemPipe(&ends) }
    let pipe = Pipe(
      readEnd: FileDescriptor(rawValue: ends[0]), writeEnd: FileDescriptor(rawValue: ends[1]))
    for end in [pipe.readEnd, pipe.writeEnd] {
      do {
        _ = try retrying { fcntl(end.rawValue, F_SETFD, FD_CLOEXEC) }
        if nonBlocking { try end.setNonBlocking() }
      } catch {
        pipe.close()
        throw error
      }
    }
    return pipe
  }
}

private func systemPipe(_ ends: inout [CInt]) -> CInt {
  #if canImport(Glibc)
    return Glibc.pipe(&ends)
  #else
    return Darwin.pipe(&ends)
  #endif
}
