#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open file, pipe, socket or terminal: a typed descriptor whose calls retry
/// `EINTR` and throw `Errno` (the swift-system idea). A value: closing is explicit.
package struct FileDescriptor: RawRepresentable, Hashable, Sendable {
  package let rawValue: CInt

  package init(rawValue: CInt) { self.rawValue = rawValue }

  package static let standardInput = FileDescriptor(rawValue: 0)
  package static let standardOutput = FileDescriptor(rawValue: 1)
  package static let standardError = FileDescriptor(rawValue: 2)

  /// Opens a file (always close-on-exec).
  package static func open(_ path: String, _ flags: CInt, mode: mode_t = 0o666) throws(Errno)
    -> FileDescriptor
  {
    let fd = try retrying { systemOpen(path, flags | O_CLOEXEC, mode) }
    return FileDescriptor(rawValue: fd)
  }

  /// Closes the descriptor; errors are not reported (there is nothing left to do).
  package func close() {
    #if canImport(Glibc)
      _ = Glibc.close(rawValue)
    #else
      _ = Darwin.close(rawValue)
    #endif
  }

  /// Reads what is there, up to the buffer's size: 0 at the end of input. Throws
  /// `Errno.wouldBlock` on a non-blocking descriptor with nothing to read.
  package func read(into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
    try retrying { systemRead(rawValue, buffer.baseAddress, buffer.count) }
  }

  /// Reads from `offset` until the buffer is full or the file ends; returns how many
  /// bytes it read.
  package func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(Errno)
    -> Int
  {
    guard let base = buffer.baseAddress else { return 0 }
    var total = 0
    while total < buffer.count {
      let n = try retrying {
        pread(rawValue, base + total, buffer.count - total, off_t(offset) + off_t(total))
      }
      if n == 0 { break }
      total += n
    }
    return total
  }

  /// The bytes of the file from `start` to `end` (fewer when the file ends first).
  package func read(from start: Int64, to end: Int64) throws(Errno) -> [UInt8] {
    let count = Int(max(0, end - start))
    guard count > 0 else { return [] }
    var bytes = [UInt8](repeating: 0, count: count)
    // The closures of `withUnsafe…` throw untyped errors: carry the typed one out.
    let n = try bytes.withUnsafeMutableBytes { raw in
      Result { () throws(Errno) in try read(into: raw, at: start) }
    }.get()
    if n < count { bytes.removeLast(count - n) }
    return bytes
  }

  /// Every byte until the end of input (a file, or a pipe such as standard input).
  package func readToEnd() throws(Errno) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = try chunk.withUnsafeMutableBytes { raw in
        Result { () throws(Errno) in try read(into: raw) }
      }.get()
      if n == 0 { return bytes }
      bytes.append(contentsOf: chunk[..<n])
    }
  }

  /// Writes every byte, through short writes and `EINTR`; on a non-blocking
  /// descriptor that is full, waits until it can take more.
  package func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Errno) {
    try writeLoop(bytes) { systemWrite(rawValue, $0, $1) }
  }

  /// Writes every byte through `call` (a `write` or a `send`), retrying short writes,
  /// `EINTR`, and a full non-blocking descriptor.
  func writeLoop(
    _ bytes: UnsafeRawBufferPointer, _ call: (UnsafeRawPointer, Int) -> Int
  ) throws(Errno) {
    guard var pointer = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
      let written = call(pointer, remaining)
      if written > 0 {
        pointer += written
        remaining -= written
        continue
      }
      let code = written < 0 ? Errno.current : Errno.ioError
      if code == .interrupted { continue }
      if code.isWouldBlock {
        var entries = [PollEntry(self, events: .writable)]
        _ = try? FileDescriptor.poll(&entries, timeout: .seconds(1))
        continue
      }
      throw code
    }
  }

  /// Writes every byte of an array.
  package func writeAll(_ bytes: [UInt8]) throws(Errno) {
    try bytes.withUnsafeBytes { raw in Result { () throws(Errno) in try writeAll(raw) } }.get()
  }

  /// Writes a string's UTF-8.
  package func writeAll(_ text: String) throws(Errno) {
    var text = text
    try text.withUTF8 { utf8 in
      Result { () throws(Errno) in try writeAll(UnsafeRawBufferPointer(utf8)) }
    }.get()
  }

  /// Flushes the file's data to the disk.
  package func sync() throws(Errno) {
    _ = try retrying { fsync(rawValue) }
  }

  /// Cuts or extends the file to `size` bytes.
  package func truncate(to size: Int64) throws(Errno) {
    _ = try retrying { ftruncate(rawValue, off_t(size)) }
  }

  /// Makes reads and writes on this descriptor return `Errno.wouldBlock` instead of
  /// waiting. The flag belongs to the open file, shared with every copy of it.
  package func setNonBlocking() throws(Errno) {
    let flags = try retrying { fcntl(rawValue, F_GETFL) }
    _ = try retrying { fcntl(rawValue, F_SETFL, flags | O_NONBLOCK) }
  }

  /// What the descriptor refers to now.
  package func status() throws(Errno) -> FileStatus {
    var info = stat()
    _ = try retrying { fstat(rawValue, &info) }
    return FileStatus(info)
  }
}

/// Runs a system call until it is not interrupted; a negative result throws `errno`.
package func retrying<Result: BinaryInteger>(_ call: () -> Result) throws(Errno) -> Result {
  while true {
    let result = call()
    if result >= 0 { return result }
    let code = Errno.current
    if code != .interrupted { throw code }
  }
}

private func systemOpen(_ path: String, _ flags: CInt, _ mode: mode_t) -> CInt {
  #if canImport(Glibc)
    return Glibc.open(path, flags, mode)
  #else
    return Darwin.open(path, flags, mode)
  #endif
}

private func systemRead(_ fd: CInt, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
  #else
    return Darwin.read(fd, buffer, count)
  #endif
}

private func systemWrite(_ fd: CInt, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
  #else
    return Darwin.write(fd, buffer, count)
  #endif
}
