import HandoffSystem

/// A terminal the engine reads keys from and draws on: the real one (`TTYDevice` in
/// HandoffTTY, over termios, signals and poll) or a fake one in memory
/// (`FakeTerminalDevice` in HandoffTerminalTesting), so a program's loop runs the same
/// on both. `TerminalSession` turns its bytes into events and frames into bytes.
package protocol TerminalDevice: AnyObject {
  /// The size now; nil when it cannot be told.
  func size() -> TerminalSize?

  /// Waits until there is input, the terminal was resized or continued after a stop,
  /// one of the `extra` descriptors is readable, or `timeout` passes (nil: no
  /// timeout), and says which. A device continued after a stop has already taken the
  /// terminal again (its modes) when it says `resumed`.
  func wait(timeout: Duration?, watching extra: [FileDescriptor]) throws -> DeviceWake

  /// Reads the input there is now into `buffer`, never waiting for more.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> DeviceRead

  /// Writes every byte.
  func write(_ bytes: [UInt8]) throws

  /// Stops the program as Ctrl-Z in a shell does, giving the terminal back; the wait
  /// after it is continued says `resumed`.
  func suspend()

  /// Gives the terminal back as a stop does (its modes as found, the main screen, the
  /// cursor shown), runs `body` — another program on the terminal, the user's editor —
  /// and takes the terminal again as a continue does. A Ctrl-C or Ctrl-\ typed
  /// meanwhile is the other program's, not a reason for this one to quit.
  func handOver(_ body: () -> Void)

  /// Gives the terminal back as it was found. Safe to call twice.
  func close()

  /// Monotonic nanoseconds, the clock of the input decoder's deadlines.
  func now() -> UInt64
}

/// What a terminal device's wait found; several at once, or none on a timeout.
package struct DeviceWake: Hashable, Sendable {
  /// There is input to read.
  package var input = false
  /// The terminal hung up (what input is left may still be read first).
  package var hungUp = false
  /// The window changed size (or may have: a resize back to the same size).
  package var resized = false
  /// The program was continued after a stop and has taken the terminal again.
  package var resumed = false
  /// The extra descriptors that are readable.
  package var readable: [FileDescriptor] = []

  package init(
    input: Bool = false, hungUp: Bool = false, resized: Bool = false, resumed: Bool = false,
    readable: [FileDescriptor] = []
  ) {
    self.input = input
    self.hungUp = hungUp
    self.resized = resized
    self.resumed = resumed
    self.readable = readable
  }
}

/// What a read of a terminal device found.
package enum DeviceRead: Hashable, Sendable {
  /// This many bytes, at the start of the buffer.
  case bytes(Int)
  /// Nothing there now (what the wait saw has gone, or was only a hang-up).
  case nothing
  /// The terminal went away.
  case end
}
