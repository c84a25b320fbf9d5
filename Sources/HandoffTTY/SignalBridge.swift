#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// State the signal handlers read. A handler may run at any instruction, so it can
// only use async-signal-safe calls (write, tcsetattr, sigaction, raise) on storage
// that needs no Swift allocation or locking: plain integers and pointers to memory
// allocated once, before any handler is installed. These globals are
// `nonisolated(unsafe)` because that is exactly their nature: shared with code that
// interrupts the main thread, written only by the main thread while handlers are
// blocked or not yet installed. For the same reason the handlers call write(2) and
// tcsetattr(3) themselves, not HandoffSystem's FileDescriptor, whose errors are Swift
// values.

/// Bytes that put the terminal back (leave alternate screen, show cursor, ...).
nonisolated(unsafe) private var restoreBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 128)
nonisolated(unsafe) private var restoreCount = 0
/// The termios the session found, put back on every exit path.
nonisolated(unsafe) private var savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
/// Handlers that were installed before ours, so fatal signals can chain to them.
nonisolated(unsafe) private var previousActions = UnsafeMutablePointer<sigaction>.allocate(
  capacity: 65)
nonisolated(unsafe) private var terminalInput: CInt = -1
nonisolated(unsafe) private var terminalOutput: CInt = -1
/// The write end of the self-pipe that wakes the event loop.
nonisolated(unsafe) private var wakeWrite: CInt = -1
/// 1 while the terminal is in the session's modes and must be restored.
nonisolated(unsafe) private var modesActive: CInt = 0
/// Whether the atexit hook is registered (main thread only).
nonisolated(unsafe) private var atexitRegistered = false

/// Bytes written to the self-pipe: what the event loop must do.
enum WakeReason: UInt8 {
  /// SIGWINCH: read the size again and redraw.
  case resize = 0x57
  /// SIGCONT: enter the modes again and redraw in full.
  case resume = 0x43
}

/// Installs and removes the session's signal handlers and restores the terminal
/// from them.
enum SignalBridge {
  static let terminating: [CInt] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
  static let fatal: [CInt] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

  /// Records what the handlers need, then installs them. Called once the terminal is
  /// in raw mode; `restore` must be under 128 bytes.
  static func install(
    input: CInt, output: CInt, saved: termios, restore: [UInt8], wake: CInt
  ) {
    blockAll {
      terminalInput = input
      terminalOutput = output
      savedModes.pointee = saved
      restoreCount = min(restore.count, 128)
      for (index, byte) in restore.prefix(128).enumerated() { restoreBytes[index] = byte }
      wakeWrite = wake
      modesActive = 1
    }
    for signal in terminating { setHandler(signal, terminateHandler, saveAs: signal) }
    for signal in fatal { setHandler(signal, fatalHandler, saveAs: signal) }
    setHandler(SIGTSTP, stopHandler, saveAs: SIGTSTP)
    setHandler(SIGCONT, continueHandler, saveAs: SIGCONT)
    setHandler(SIGWINCH, resizeHandler, saveAs: SIGWINCH)
    atexitOnce()
  }

  /// Puts the earlier handlers back and marks the modes as restored.
  static func uninstall() {
    for signal in terminating + fatal + [SIGTSTP, SIGCONT, SIGWINCH] {
      _ = sigaction(signal, previousActions + Int(signal), nil)
    }
    blockAll {
      modesActive = 0
      wakeWrite = -1
    }
  }

  /// Restores the terminal now, from the main thread, with signals held off.
  static func restoreNow() {
    blockAll { restoreFromAnywhere() }
  }

  /// Marks the modes as active again after a resume.
  static func markActive(_ active: Bool) {
    blockAll { modesActive = active ? 1 : 0 }
  }

  /// While another program has the terminal (`ignoreInterrupts(true)`), SIGINT and
  /// SIGQUIT are ignored: the keys are that program's (a shell waiting for a job does
  /// the same, and git while its editor runs). `false` puts the handlers back.
  static func ignoreInterrupts(_ ignore: Bool) {
    for signal in [SIGINT, SIGQUIT] {
      var action = sigaction()
      if ignore {
        #if canImport(Glibc)
          action.__sigaction_handler.sa_handler = SIG_IGN
        #else
          action.__sigaction_u.__sa_handler = SIG_IGN
        #endif
      } else {
        setHandlerField(&action, terminateHandler)
      }
      sigemptyset(&action.sa_mask)
      // Not saved over `previousActions`: those are what was there before the session.
      _ = sigaction(signal, &action, nil)
    }
  }

  /// Writes the restore bytes and the saved termios, if the modes are active.
  /// Async-signal-safe.
  static func restoreFromAnywhere() {
    guard modesActive == 1 else { return }
    modesActive = 0
    var remaining = restoreCount
    var pointer = UnsafeRawPointer(restoreBytes)
    while remaining > 0 {
      let written = write(terminalOutput, pointer, remaining)
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { break }
      remaining -= written
      pointer += written
    }
    _ = tcsetattr(terminalInput, TCSAFLUSH, savedModes)
  }

  /// Runs `body` with all signals blocked, so handlers never see half-written state.
  private static func blockAll(_ body: () -> Void) {
    var all = sigset_t()
    var old = sigset_t()
    sigfillset(&all)
    pthread_sigmask(SIG_BLOCK, &all, &old)
    body()
    pthread_sigmask(SIG_SETMASK, &old, nil)
  }

  private static func setHandler(
    _ signal: CInt, _ handler: @convention(c) (CInt) -> Void, saveAs slot: CInt
  ) {
    var action = sigaction()
    setHandlerField(&action, handler)
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    _ = sigaction(signal, &action, previousActions + Int(slot))
  }

  private static func atexitOnce() {
    guard !atexitRegistered else { return }
    atexitRegistered = true
    atexit { SignalBridge.restoreFromAnywhere() }
  }
}

/// Sets the handler of a `sigaction`, whose field differs between platforms.
private func setHandlerField(
  _ action: inout sigaction, _ handler: @convention(c) (CInt) -> Void
) {
  #if canImport(Glibc)
    action.__sigaction_handler.sa_handler = handler
  #else
    action.__sigaction_u.__sa_handler = handler
  #endif
}

/// Saves errno around a handler's body, as handlers must.
private func preservingErrno(_ body: () -> Void) {
  let saved = errno
  body()
  errno = saved
}

private func wake(_ reason: WakeReason) {
  var byte = reason.rawValue
  _ = write(wakeWrite, &byte, 1)
}

/// SIGINT, SIGTERM, SIGHUP, SIGQUIT: restore, then die of the same signal so the
/// exit status is the conventional one.
private func terminateHandler(_ signal: CInt) {
  SignalBridge.restoreFromAnywhere()
  var action = sigaction()
  sigemptyset(&action.sa_mask)
  _ = sigaction(signal, &action, nil)  // a zeroed action is SIG_DFL
  var set = sigset_t()
  sigemptyset(&set)
  sigaddset(&set, signal)
  pthread_sigmask(SIG_UNBLOCK, &set, nil)
  raise(signal)
}

/// Crashes: restore, then hand the signal to whoever handled it before (the Swift
/// runtime's backtracer, or the default action).
private func fatalHandler(_ signal: CInt) {
  SignalBridge.restoreFromAnywhere()
  _ = sigaction(signal, previousActions + Int(signal), nil)
  var set = sigset_t()
  sigemptyset(&set)
  sigaddset(&set, signal)
  pthread_sigmask(SIG_UNBLOCK, &set, nil)
  raise(signal)
}

/// SIGTSTP (Ctrl-Z from another process, or the app's own suspend): restore, stop
/// for real; when continued, put the handler back and let the loop re-enter.
private func stopHandler(_ signal: CInt) {
  preservingErrno {
    SignalBridge.restoreFromAnywhere()
    var action = sigaction()
    sigemptyset(&action.sa_mask)
    _ = sigaction(SIGTSTP, &action, nil)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGTSTP)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(SIGTSTP)
    // Execution continues here after SIGCONT.
    var again = sigaction()
    setHandlerField(&again, stopHandler)
    sigemptyset(&again.sa_mask)
    _ = sigaction(SIGTSTP, &again, nil)
    wake(.resume)
  }
}

private func continueHandler(_ signal: CInt) {
  preservingErrno { wake(.resume) }
}

private func resizeHandler(_ signal: CInt) {
  preservingErrno { wake(.resize) }
}
