import HandoffSystem
import HandoffTerminal

/// A terminal device in memory: a program's loop runs on it as on the real terminal,
/// without a pseudo-terminal or a second process. The test scripts what happens at
/// each wait (keys typed, a resize, a continue after a stop, a look at the watched
/// descriptors, time passing, a hang-up) and reads back every byte the program wrote,
/// as bytes or as the screen they draw.
///
/// Time is the device's own: it moves only when a wait runs out (`.timeout`), by the
/// timeout the program asked for, so input deadlines (a lone Esc) and clock ticks are
/// deterministic. `onTimeout` lets the test move the program's other clocks with it.
package final class FakeTerminalDevice: TerminalDevice {
  /// What happens while the program waits.
  package enum Happening {
    /// Bytes typed (or pasted), read as input.
    case input([UInt8])
    /// The window becomes this size.
    case resize(TerminalSize)
    /// The program was stopped from outside and is continued (SIGSTOP, SIGCONT).
    case continued
    /// The watched descriptors are looked at, without waiting: the readable ones are
    /// reported (a store that changed, say).
    case descriptors
    /// Nothing happens: the wait runs out its whole timeout.
    case timeout
    /// The terminal goes away.
    case hangup

    /// Text typed, as its UTF-8 bytes.
    package static func keys(_ text: String) -> Happening { .input(Array(text.utf8)) }
  }

  /// One wait of the program, as it asked for it.
  package struct Wait {
    /// The longest it would wait (nil: no limit).
    package var timeout: Duration?
    /// The descriptors it watched besides the terminal.
    package var watching: [FileDescriptor]
    /// How many bytes it had written by then.
    package var written: Int
  }

  /// What happens at the next waits, first first. Once it is empty, the terminal hangs
  /// up: a program that missed the end of its script stops instead of spinning.
  package var script: [Happening]
  /// Called at the start of every wait, before the script is read: where a test looks
  /// at the screen, or changes the world (another process appends to a store).
  package var beforeWait: ((FakeTerminalDevice) -> Void)?
  /// Called when a wait runs out, with how long it was.
  package var onTimeout: ((Duration) -> Void)?

  /// Every byte the program wrote.
  package private(set) var output: [UInt8] = []
  /// Every wait, in order.
  package private(set) var waits: [Wait] = []
  /// How many times the program asked to be suspended (Ctrl-Z).
  package private(set) var suspensions = 0
  /// How many times the program lent the terminal to another program (its editor).
  package private(set) var handOvers = 0
  /// Whether the program gave the terminal back.
  package private(set) var isClosed = false
  /// The window's size now.
  package private(set) var currentSize: TerminalSize

  private var unread: [UInt8] = []
  private var hungUp = false
  private var resumePending = false
  private var clock: UInt64 = 1_000_000_000
  /// Where the output drawn at the current size begins.
  private var screenStart = 0

  /// A terminal of `size` that will see `script`.
  package init(size: TerminalSize, script: [Happening] = []) {
    currentSize = size
    self.script = script
  }

  /// The screen the output draws at the current size (from the last resize on: the
  /// frame after a resize redraws in full).
  package func screen() -> ScreenModel {
    var model = ScreenModel(width: currentSize.width, height: currentSize.height) {
      DisplayWidth.of($0)
    }
    model.feed(output[screenStart...])
    return model
  }

  /// The screen's rows as text.
  package var lines: [String] { screen().lines }

  package func size() -> TerminalSize? { currentSize }

  package func wait(timeout: Duration?, watching extra: [FileDescriptor]) throws -> DeviceWake {
    waits.append(Wait(timeout: timeout, watching: extra, written: output.count))
    beforeWait?(self)
    // A suspended program is continued at once, as by a shell's `fg`.
    if resumePending {
      resumePending = false
      return DeviceWake(resumed: true)
    }
    if !unread.isEmpty { return DeviceWake(input: true) }
    if hungUp || script.isEmpty {
      hungUp = true
      return DeviceWake(hungUp: true)
    }
    switch script.removeFirst() {
    case .input(let bytes):
      unread += bytes
      return DeviceWake(input: true)
    case .resize(let size):
      currentSize = size
      screenStart = output.count
      return DeviceWake(resized: true)
    case .continued:
      return DeviceWake(resumed: true)
    case .descriptors:
      var entries = extra.map { PollEntry($0) }
      try FileDescriptor.poll(&entries, timeout: .zero)
      return DeviceWake(readable: entries.filter { !$0.found.isEmpty }.map(\.descriptor))
    case .timeout:
      // With no timeout nothing would ever happen: return as a spurious wakeup does.
      if let timeout {
        let (seconds, attoseconds) = timeout.components
        clock +=
          UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
        onTimeout?(timeout)
      }
      return DeviceWake()
    case .hangup:
      hungUp = true
      return DeviceWake(hungUp: true)
    }
  }

  package func read(into buffer: UnsafeMutableRawBufferPointer) throws -> DeviceRead {
    guard !unread.isEmpty else { return hungUp ? .end : .nothing }
    let count = min(buffer.count, unread.count)
    for index in 0..<count { buffer[index] = unread[index] }
    unread.removeFirst(count)
    return .bytes(count)
  }

  package func write(_ bytes: [UInt8]) throws {
    output += bytes
  }

  package func suspend() {
    suspensions += 1
    resumePending = true
  }

  package func handOver(_ body: () -> Void) {
    handOvers += 1
    body()
  }

  package func close() {
    isClosed = true
  }

  package func now() -> UInt64 { clock }
}
