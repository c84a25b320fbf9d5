import Foundation
import HandoffSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program running on a pseudo-terminal, for tests and the benchmark that drive an
/// interactive program: write keys, read what it draws (with timeouts, never sleeps),
/// resize, signal it, wait for it to stop or exit, and inspect the terminal modes it
/// leaves.
///
/// The child is started (`ChildProcess`) in a new session with the pty's slave as
/// its controlling terminal, so nothing runs in a forked copy of the test process.
package final class PseudoTerminal {
  /// Errors setting up the pty or the child.
  package struct Failure: Error, CustomStringConvertible {
    package var description: String
  }

  package let pid: pid_t
  /// The controlling side, where the test reads and writes.
  package let master: FileDescriptor
  /// The terminal side, kept open so its modes can be read after the child exits.
  package let slave: FileDescriptor
  /// The terminal modes before the child started.
  package let initialModes: termios
  /// Everything the child has written so far.
  package private(set) var output: [UInt8] = []
  private var exitStatus: CInt?

  /// Starts `executable` with `arguments` and exactly `environment` on a pty of the
  /// given size.
  package init(
    executable: String, arguments: [String] = [], environment: [String: String],
    width: Int = 80, height: Int = 24
  ) throws {
    var masterFD: CInt = -1
    var slaveFD: CInt = -1
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&masterFD, &slaveFD, nil, nil, &size) == 0 else {
      throw Failure(description: "openpty failed: errno \(errno)")
    }
    master = FileDescriptor(rawValue: masterFD)
    slave = FileDescriptor(rawValue: slaveFD)
    _ = fcntl(masterFD, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slaveFD, F_SETFD, FD_CLOEXEC)
    // ttyname_r, not ttyname: tests open terminals on several threads at once, and
    // ttyname's shared buffer would hand one test another's name.
    var nameBuffer = [CChar](repeating: 0, count: 256)
    let nameError = ttyname_r(slaveFD, &nameBuffer, nameBuffer.count)
    guard nameError == 0 else {
      throw Failure(description: "ttyname_r failed: errno \(nameError)")
    }
    let slavePath = String(
      decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var modes = termios()
    tcgetattr(slaveFD, &modes)
    initialModes = modes

    var options = ChildProcess.Options(
      environment: environment, input: .terminal(slavePath), output: .descriptor(0),
      error: .descriptor(0))
    options.newSession = true
    do {
      pid = try ChildProcess.spawn(executable, arguments, options).pid
    } catch {
      master.close()
      slave.close()
      throw Failure(description: error.description)
    }
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: CInt = 0
      waitpid(pid, &status, 0)
    }
    master.close()
    slave.close()
  }

  /// Sends bytes as if typed (a child that is gone takes nothing).
  package func send(_ bytes: [UInt8]) {
    try? master.writeAll(bytes)
  }

  /// Sends text as if typed.
  package func send(_ text: String) { send(Array(text.utf8)) }

  /// Reads output until `condition` holds for everything read so far, or the timeout
  /// passes. Returns whether the condition held.
  @discardableResult
  package func read(
    until condition: ([UInt8]) -> Bool, timeout: Duration = .seconds(10)
  ) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition(output) {
      let left = deadline - ContinuousClock.now
      guard left > .zero else { return false }
      if !readOnce(waitingMilliseconds: milliseconds(left)) && exitStatus != nil {
        return condition(output)
      }
    }
    return true
  }

  /// Reads whatever output is there now, without waiting (for a caller that polls many
  /// terminals' `master` at once). Returns whether there was any.
  @discardableResult
  package func readAvailable() -> Bool {
    var any = false
    while readOnce(waitingMilliseconds: 0) { any = true }
    return any
  }

  /// Reads output until the given text appears after byte `offset`.
  @discardableResult
  package func read(
    untilContains needle: String, after offset: Int = 0, timeout: Duration = .seconds(10)
  ) -> Bool {
    let bytes = Array(needle.utf8)
    return read(
      until: { output in
        output.count >= offset + bytes.count
          && output[offset...].firstRange(of: bytes) != nil
      }, timeout: timeout)
  }

  /// Changes the window size; the kernel sends the child SIGWINCH.
  package func resize(width: Int, height: Int) {
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master.rawValue, UInt(TIOCSWINSZ), &size)
  }

  /// Whether two sets of terminal modes are the same (flags and control characters).
  package static func sameModes(_ a: termios, _ b: termios) -> Bool {
    var left = a
    var right = b
    let sameControls = withUnsafeBytes(of: &left.c_cc) { l in
      withUnsafeBytes(of: &right.c_cc) { r in l.elementsEqual(r) }
    }
    return a.c_iflag == b.c_iflag && a.c_oflag == b.c_oflag && a.c_cflag == b.c_cflag
      && a.c_lflag == b.c_lflag && sameControls
  }

  /// Sends the child a signal.
  package func signal(_ number: CInt) { kill(pid, number) }

  /// The terminal modes as the child left (or set) them.
  package func modes() -> termios {
    var modes = termios()
    tcgetattr(slave.rawValue, &modes)
    return modes
  }

  /// Waits until the child is stopped (by SIGSTOP, say), reading its output meanwhile.
  /// Returns whether it stopped within the timeout.
  package func waitForStop(timeout: Duration = .seconds(10)) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while exitStatus == nil {
      var status: CInt = 0
      if waitpid(pid, &status, WNOHANG | WUNTRACED) == pid {
        // WIFSTOPPED by hand: the low byte is 0x7F.
        if status & 0xFF == 0x7F { return true }
        exitStatus = status
        return false
      }
      let left = deadline - ContinuousClock.now
      guard left > .zero else { return false }
      _ = readOnce(waitingMilliseconds: min(20, milliseconds(left)))
    }
    return false
  }

  /// Waits for the child to exit, reading its output meanwhile. Returns the raw wait
  /// status, or nil on timeout.
  package func waitForExit(timeout: Duration = .seconds(10)) -> CInt? {
    let deadline = ContinuousClock.now + timeout
    while exitStatus == nil {
      var status: CInt = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        exitStatus = status
        break
      }
      let left = deadline - ContinuousClock.now
      guard left > .zero else { return nil }
      _ = readOnce(waitingMilliseconds: min(20, milliseconds(left)))
    }
    // Drain what the child wrote before exiting.
    while readOnce(waitingMilliseconds: 0) {}
    return exitStatus
  }

  /// Waits up to the given time for output and reads it; false if none came.
  private func readOnce(waitingMilliseconds: Int) -> Bool {
    var entries = [PollEntry(master)]
    guard (try? FileDescriptor.poll(&entries, timeout: .milliseconds(waitingMilliseconds))) == 1
    else { return false }
    var buffer = [UInt8](repeating: 0, count: 65536)
    // EIO once the child has closed its side: nothing more to read.
    let count = (try? buffer.withUnsafeMutableBytes { try master.read(into: $0) }) ?? 0
    guard count > 0 else { return false }
    output += buffer[0..<count]
    return true
  }

  private func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
  }

  /// Whether the wait status says the child exited normally with this code.
  package static func exited(_ status: CInt, code: CInt) -> Bool {
    status & 0x7F == 0 && (status >> 8) & 0xFF == code
  }

  /// Whether the wait status says the child was killed by this signal.
  package static func killed(_ status: CInt, by signal: CInt) -> Bool {
    status & 0x7F == signal
  }
}
