#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes whole strings to a file descriptor with `write(2)`, retrying on `EINTR` and
/// short writes. A reader that went away (`EPIPE`, as in `handoff list | head`) ends
/// the output quietly: SIGPIPE is ignored by the entry point.
struct Output {
  let descriptor: Int32
  private(set) var closed = false

  static func standardOutput() -> Output { Output(descriptor: 1) }
  static func standardError() -> Output { Output(descriptor: 2) }

  init(descriptor: Int32) { self.descriptor = descriptor }

  /// Writes text as it is.
  mutating func write(_ text: String) {
    guard !closed, !text.isEmpty else { return }
    var text = text
    text.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let n = sysWrite(descriptor, base + offset, buffer.count - offset)
        if n > 0 {
          offset += n
        } else if n < 0, errno == EINTR || errno == EAGAIN {
          continue
        } else {
          closed = true
          return
        }
      }
    }
  }

  /// Writes text followed by a newline.
  mutating func line(_ text: String = "") { write(text + "\n") }
}

private func sysWrite(_ fd: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(fd, bytes, count)
  #else
    return Darwin.write(fd, bytes, count)
  #endif
}
