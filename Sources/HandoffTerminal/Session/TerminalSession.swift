#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `close(2)`, named apart from `TerminalSession.close()`.
private func closeDescriptor(_ fd: CInt) {
  _ = close(fd)
}

/// The interactive terminal: raw mode, alternate screen, hidden cursor, bracketed
/// paste and (if asked) mouse reporting, all undone by `close()`, on SIGINT, SIGTERM,
/// SIGHUP, at exit and on crashes. One per process.
///
/// The event loop calls `wait` (one `poll` over the terminal, a self-pipe for
/// signals and the caller's descriptors) and `draw` (one `write` per frame).
public final class TerminalSession {
  /// Options for `open`.
  public struct Options: Sendable {
    /// Report mouse clicks and the wheel (SGR 1006 mode).
    public var mouse: Bool
    /// The environment, for TERM, COLORTERM and NO_COLOR.
    public var environment: [String: String]

    public init(mouse: Bool = false, environment: [String: String]) {
      self.mouse = mouse
      self.environment = environment
    }
  }

  /// The terminal's size, updated on resize.
  public private(set) var size: TerminalSize
  /// The colour depth frames are drawn with.
  public var colorDepth: ColorDepth { renderer.depth }

  private let input: CInt = 0
  private let output: CInt = 1
  private let options: Options
  private var saved = termios()
  private var raw = termios()
  private var wakeRead: CInt = -1
  private var wakeWrite: CInt = -1
  private var decoder = InputDecoder()
  private var renderer: Renderer
  private var frameBytes: [UInt8] = []
  private var readBuffer = [UInt8](repeating: 0, count: 4096)
  private var isOpen = false

  /// Checks that the environment can show an interactive screen: standard input
  /// and output are terminals and TERM is not dumb.
  public static func checkInteractive(environment: [String: String]) throws {
    guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
    let term = environment["TERM"] ?? ""
    guard !term.isEmpty, term != "dumb" else { throw TerminalError.dumbTerminal }
  }

  /// Takes over the terminal.
  public init(options: Options) throws {
    try TerminalSession.checkInteractive(environment: options.environment)
    self.options = options
    renderer = Renderer(depth: ColorDepth.detect(environment: options.environment))
    size = TerminalSession.querySize(1) ?? TerminalSize(width: 80, height: 24)
    frameBytes.reserveCapacity(64 * 1024)
    guard tcgetattr(input, &saved) == 0 else {
      throw TerminalError.system(call: "tcgetattr", errno: errno)
    }
    var pipeEnds: [CInt] = [-1, -1]
    guard pipe(&pipeEnds) == 0 else { throw TerminalError.system(call: "pipe", errno: errno) }
    wakeRead = pipeEnds[0]
    wakeWrite = pipeEnds[1]
    for fd in pipeEnds {
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    raw = saved
    cfmakeraw(&raw)
    // VMIN 0, VTIME 0: a read returns what is there, even nothing, and never blocks.
    // The loop reads only after poll says the terminal is readable, but input can go
    // between the two (a mode change that flushes it, another reader of the terminal);
    // a blocking read would then hang the whole loop, clock and store included, until
    // the next key.
    withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
      bytes[Int(VMIN)] = 0
      bytes[Int(VTIME)] = 0
    }
    // Handlers first: from the moment the modes change, every exit path restores.
    SignalBridge.install(
      input: input, output: output, saved: saved,
      restore: TerminalModes.leave(mouse: options.mouse),
      wake: wakeWrite)
    isOpen = true
    do {
      try enterModes()
    } catch {
      close()
      throw error
    }
  }

  deinit { close() }

  /// Gives the terminal back exactly as it was found. Safe to call twice.
  public func close() {
    guard isOpen else { return }
    isOpen = false
    // Restore before the handlers go, so a signal arriving meanwhile still finds the
    // terminal restored (or restores it itself), never a half-restored one.
    SignalBridge.restoreNow()
    SignalBridge.uninstall()
    closeDescriptor(wakeRead)
    closeDescriptor(wakeWrite)
  }

  /// Draws a frame: only what changed since the last one, in one write. `cursor`
  /// shows the text cursor there (for a prompt); otherwise it stays hidden.
  public func draw(_ frame: CellBuffer, cursor: (x: Int, y: Int)? = nil) throws {
    frameBytes.removeAll(keepingCapacity: true)
    renderer.render(frame, cursor: cursor, into: &frameBytes)
    if !frameBytes.isEmpty { try FileDescriptorIO.writeAll(output, frameBytes) }
  }

  /// Makes the next frame clear the screen and draw everything (Ctrl-L).
  public func redrawAll() {
    renderer.invalidate()
  }

  /// Suspends like Ctrl-Z in a shell: restores the terminal and stops; when the
  /// shell continues the program, `wait` reports `.resumed`.
  public func suspend() {
    raise(SIGTSTP)
  }

  /// Waits until there is input, a signal, a readable extra descriptor, or the
  /// timeout passes (nil: no timeout), and returns what happened (possibly
  /// nothing). A pending Esc shortens the wait to its deadline.
  public func wait(timeout: Duration?, watching extra: [Int32] = []) throws -> [TerminalInput] {
    var limit = timeout.map(TerminalSession.milliseconds) ?? -1
    if let deadline = decoder.deadline {
      let now = MonotonicClock.now()
      let left = deadline > now ? Int((deadline - now + 999_999) / 1_000_000) : 0
      limit = limit < 0 ? left : min(limit, left)
    }
    var entries = [pollfd(fd: input, events: Int16(POLLIN), revents: 0)]
    entries.append(pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0))
    for fd in extra { entries.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
    let ready = poll(&entries, nfds_t(entries.count), Int32(clamping: limit))
    if ready < 0 {
      if errno == EINTR { return [] }
      throw TerminalError.system(call: "poll", errno: errno)
    }
    var results: [TerminalInput] = []
    if entries[1].revents & Int16(POLLIN) != 0 { results += handleWake() }
    let terminal = entries[0].revents
    if terminal & Int16(POLLNVAL) != 0 {
      results.append(.hangup)
    } else if terminal & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
      // Nothing read (the input poll saw has gone) means wait again.
      switch try FileDescriptorIO.readAvailable(
        input, into: &readBuffer, hungUp: terminal & Int16(POLLHUP | POLLERR) != 0)
      {
      case .end: results.append(.hangup)
      case .nothing: break
      case .bytes(let count):
        let events = decoder.feed(readBuffer[0..<count], now: MonotonicClock.now())
        results += events.map(TerminalInput.event)
      }
    }
    results += decoder.expire(now: MonotonicClock.now()).map(TerminalInput.event)
    for entry in entries.dropFirst(2) where entry.revents != 0 {
      results.append(.readable(entry.fd))
    }
    return results
  }

  private func handleWake() -> [TerminalInput] {
    var bytes = [UInt8](repeating: 0, count: 64)
    var results: [TerminalInput] = []
    var resized = false
    var resumed = false
    while true {
      let count = bytes.withUnsafeMutableBytes { read(wakeRead, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      for byte in bytes[0..<count] {
        if byte == WakeReason.resize.rawValue { resized = true }
        if byte == WakeReason.resume.rawValue { resumed = true }
      }
    }
    if resumed {
      try? enterModes()
      SignalBridge.markActive(true)
      renderer.invalidate()
      results.append(.resumed)
    }
    if resized {
      // Even a resize back to the same size may have reflowed or cut the screen.
      renderer.invalidate()
    }
    if resized || resumed, let newSize = TerminalSession.querySize(output) {
      if resized || newSize != size { results.append(.resize(newSize)) }
      size = newSize
    }
    return results
  }

  private func enterModes() throws {
    // TCSANOW, not TCSAFLUSH: keys typed while the program was stopped (or before a
    // second SIGCONT) are input like any other and must not be thrown away.
    guard tcsetattr(input, TCSANOW, &raw) == 0 else {
      throw TerminalError.system(call: "tcsetattr", errno: errno)
    }
    try FileDescriptorIO.writeAll(output, TerminalModes.enter(mouse: options.mouse))
    renderer.invalidate()
  }

  /// The size of the terminal on `fd`, from TIOCGWINSZ.
  public static func querySize(_ fd: Int32) -> TerminalSize? {
    var window = winsize()
    guard ioctl(fd, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 else {
      return nil
    }
    return TerminalSize(width: Int(window.ws_col), height: Int(window.ws_row))
  }

  private static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    // Capped at a day: poll takes an Int32 of milliseconds.
    let whole = min(max(0, seconds), 86_400)
    return Int(whole) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
  }
}
