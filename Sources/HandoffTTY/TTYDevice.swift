import HandoffSystem
import HandoffTerminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real terminal on standard input and output: raw mode, alternate screen, hidden
/// cursor, bracketed paste and (if asked) mouse reporting, all undone by `close()`, on
/// SIGINT, SIGTERM, SIGHUP, at exit and on crashes. One per process.
///
/// Its `wait` is one `poll` over the terminal, a self-pipe the signal handlers write
/// to (resize, continue) and the caller's descriptors.
package final class TTYDevice: TerminalDevice {
  /// Options for `init`.
  package struct Options: Sendable {
    /// Report mouse clicks and the wheel (SGR 1006 mode).
    package var mouse: Bool
    /// The environment, for TERM.
    package var environment: [String: String]

    package init(mouse: Bool = false, environment: [String: String]) {
      self.mouse = mouse
      self.environment = environment
    }
  }

  private let input = FileDescriptor.standardInput
  private let output = FileDescriptor.standardOutput
  private let options: Options
  private let wakePipe: FileDescriptor.Pipe
  private var saved = termios()
  private var raw = termios()
  private var isOpen = false

  /// Checks that the environment can show an interactive screen: standard input
  /// and output are terminals and TERM is not dumb.
  package static func checkInteractive(environment: [String: String]) throws(TerminalError) {
    guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
    let term = environment["TERM"] ?? ""
    guard !term.isEmpty, term != "dumb" else { throw .dumbTerminal }
  }

  /// Takes over the terminal.
  package init(options: Options) throws {
    try TTYDevice.checkInteractive(environment: options.environment)
    self.options = options
    guard tcgetattr(input.rawValue, &saved) == 0 else {
      throw SystemError("read the terminal's modes", .current)
    }
    do {
      wakePipe = try FileDescriptor.pipe(nonBlocking: true)
    } catch {
      throw SystemError("make the signal pipe", error)
    }
    raw = saved
    cfmakeraw(&raw)
    // VMIN 0, VTIME 0: a read returns what is there, even nothing, and never blocks.
    // The session reads only after poll says the terminal is readable, but input can
    // go between the two (a mode change that flushes it, another reader of the
    // terminal); a blocking read would then hang the whole loop, clock and store
    // included, until the next key.
    withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
      bytes[Int(VMIN)] = 0
      bytes[Int(VTIME)] = 0
    }
    // Handlers first: from the moment the modes change, every exit path restores.
    SignalBridge.install(
      input: input.rawValue, output: output.rawValue, saved: saved,
      restore: TerminalModes.leave(mouse: options.mouse), wake: wakePipe.writeEnd.rawValue)
    isOpen = true
    do {
      try enterModes()
    } catch {
      close()
      throw error
    }
  }

  deinit { close() }

  package func close() {
    guard isOpen else { return }
    isOpen = false
    // Restore before the handlers go, so a signal arriving meanwhile still finds the
    // terminal restored (or restores it itself), never a half-restored one.
    SignalBridge.restoreNow()
    SignalBridge.uninstall()
    wakePipe.close()
  }

  /// The size from TIOCGWINSZ.
  package func size() -> TerminalSize? {
    TTYDevice.querySize(output)
  }

  /// The size of the terminal on `descriptor`, from TIOCGWINSZ.
  package static func querySize(_ descriptor: FileDescriptor) -> TerminalSize? {
    var window = winsize()
    guard ioctl(descriptor.rawValue, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0,
      window.ws_row > 0
    else { return nil }
    return TerminalSize(width: Int(window.ws_col), height: Int(window.ws_row))
  }

  package func wait(timeout: Duration?, watching extra: [FileDescriptor]) throws -> DeviceWake {
    var entries = [PollEntry(input), PollEntry(wakePipe.readEnd)] + extra.map { PollEntry($0) }
    do {
      try FileDescriptor.poll(&entries, timeout: timeout)
    } catch {
      throw SystemError("wait for the terminal", error)
    }
    var wake = DeviceWake()
    if entries[1].found.contains(.readable) { handleSignals(&wake) }
    let terminal = entries[0].found
    wake.input = terminal.contains(.readable)
    wake.hungUp = !terminal.isDisjoint(with: [.hungUp, .error, .invalid])
    wake.readable = entries.dropFirst(2).filter { !$0.found.isEmpty }.map(\.descriptor)
    return wake
  }

  package func read(into buffer: UnsafeMutableRawBufferPointer) throws -> DeviceRead {
    do {
      let count = try input.read(into: buffer)
      // With VMIN 0 an empty read means nothing there; whether the terminal hung up
      // is poll's to say.
      return count > 0 ? .bytes(count) : .nothing
    } catch let error where error.isWouldBlock {
      return .nothing
    } catch .ioError, .badDescriptor {
      // A terminal that hung up (a closed SSH connection) reads as EIO: the end.
      return .end
    } catch {
      throw SystemError("read the terminal", error)
    }
  }

  package func write(_ bytes: [UInt8]) throws {
    do {
      try output.writeAll(bytes)
    } catch {
      throw SystemError("write to the terminal", error)
    }
  }

  package func suspend() {
    raise(SIGTSTP)
  }

  package func handOver(_ body: () -> Void) {
    // The same two halves as a stop and a continue: the handler's restore, then the
    // modes entered again as on SIGCONT.
    SignalBridge.restoreNow()
    SignalBridge.ignoreInterrupts(true)
    body()
    SignalBridge.ignoreInterrupts(false)
    try? enterModes()
    SignalBridge.markActive(true)
  }

  package func now() -> UInt64 {
    MonotonicClock.now()
  }

  /// Reads what the signal handlers wrote: a resize, a continue after a stop (then
  /// takes the terminal again).
  private func handleSignals(_ wake: inout DeviceWake) {
    var bytes = [UInt8](repeating: 0, count: 64)
    while true {
      let count = bytes.withUnsafeMutableBytes { try? wakePipe.readEnd.read(into: $0) } ?? 0
      if count <= 0 { break }
      for byte in bytes[0..<count] {
        if byte == WakeReason.resize.rawValue { wake.resized = true }
        if byte == WakeReason.resume.rawValue { wake.resumed = true }
      }
    }
    if wake.resumed {
      // The terminal may be as the shell left it while we were stopped.
      try? enterModes()
      SignalBridge.markActive(true)
    }
  }

  private func enterModes() throws {
    // TCSANOW, not TCSAFLUSH: keys typed while the program was stopped (or before a
    // second SIGCONT) are input like any other and must not be thrown away.
    guard tcsetattr(input.rawValue, TCSANOW, &raw) == 0 else {
      throw SystemError("set the terminal's modes", .current)
    }
    try write(TerminalModes.enter(mouse: options.mouse))
  }
}
