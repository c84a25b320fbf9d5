#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few system calls the session makes on file descriptors, with EINTR retried.
enum FileDescriptorIO {
  /// Writes every byte, retrying partial writes and EINTR, waiting when the
  /// descriptor would block.
  static func writeAll(_ fd: CInt, _ bytes: UnsafeRawBufferPointer) throws {
    guard var pointer = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
      let written = write(fd, pointer, remaining)
      if written > 0 {
        pointer += written
        remaining -= written
        continue
      }
      let code = errno
      if written < 0 && code == EINTR { continue }
      if written < 0 && (code == EAGAIN || code == EWOULDBLOCK) {
        var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        _ = poll(&entry, 1, 1000)
        continue
      }
      throw TerminalError.system(call: "write", errno: written < 0 ? code : EIO)
    }
  }

  /// Writes every byte of an array.
  static func writeAll(_ fd: CInt, _ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try writeAll(fd, $0) }
  }

  /// What a read of the terminal found.
  enum ReadResult {
    /// This many bytes, at the start of the buffer.
    case bytes(Int)
    /// Nothing there now.
    case nothing
    /// The terminal went away: end of input, or EIO (a closed SSH connection).
    case end
  }

  /// Reads what is available (after poll said so), retrying EINTR. With VMIN 0 an
  /// empty read means nothing there, unless poll also said the terminal hung up.
  static func readAvailable(
    _ fd: CInt, into buffer: inout [UInt8], hungUp: Bool
  ) throws -> ReadResult {
    while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count > 0 { return .bytes(count) }
      if count == 0 { return hungUp ? .end : .nothing }
      let code = errno
      if code == EINTR { continue }
      if code == EAGAIN || code == EWOULDBLOCK { return .nothing }
      if code == EIO { return .end }
      throw TerminalError.system(call: "read", errno: code)
    }
  }
}
