import HandoffSystem

/// Writes whole strings to a file descriptor (through short writes and `EINTR`). A
/// reader that went away (`EPIPE`, as in `handoff list | head`) ends the output
/// quietly: SIGPIPE is ignored by the entry point, and later writes do nothing.
struct Output {
  let descriptor: FileDescriptor
  /// Whether a write failed, so nothing more is written.
  private(set) var closed = false

  static func standardOutput() -> Output { Output(descriptor: .standardOutput) }
  static func standardError() -> Output { Output(descriptor: .standardError) }

  init(descriptor: FileDescriptor) { self.descriptor = descriptor }

  /// Whether the output is a terminal (not a file or a pipe).
  var isTerminal: Bool { descriptor.isTerminal }

  /// Writes text as it is.
  mutating func write(_ text: String) {
    guard !closed, !text.isEmpty else { return }
    do {
      try descriptor.writeAll(text)
    } catch {
      closed = true
    }
  }

  /// Writes text followed by a newline.
  mutating func line(_ text: String = "") { write(text + "\n") }
}
