import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The built `handoff` running on a pseudo-terminal: the test types into the master
/// side and reads what the program draws.
final class PseudoTerminalRun {
  private var master: Int32 = -1
  private let process = Process()
  /// Everything the program wrote so far.
  private(set) var output: [UInt8] = []
  /// Set once the program's side of the terminal is closed (it has exited).
  private(set) var closed = false

  init(executable: String, arguments: [String], environment: [String: String]) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: 30, ws_col: 110, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw RunError("openpty failed: errno \(errno)")
    }
    self.master = master
    let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    process.standardInput = handle
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    try? handle.close()
  }

  deinit {
    if process.isRunning { process.terminate() }
    if master >= 0 { close(master) }
  }

  /// Types bytes as keys.
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Reads output until `condition` holds or `seconds` pass; returns whether it held.
  @discardableResult
  func waitUntil(seconds: Double = 10, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      var entry = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      if poll(&entry, 1, 20) > 0 {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if n > 0 {
          output += buffer[0..<n]
        } else if n == 0 || errno != EINTR {
          // EOF or EIO: every copy of the program's side is closed.
          closed = true
          return condition()
        }
      }
    }
    return condition()
  }

  /// Whether the output so far contains a byte sequence.
  func shows(_ text: String) -> Bool {
    let needle = Array(text.utf8)
    guard output.count >= needle.count else { return false }
    return (0...(output.count - needle.count)).contains { i in
      output[i..<(i + needle.count)].elementsEqual(needle)
    }
  }

  /// The output with escape sequences removed, for failure messages.
  var visibleText: String {
    let text = String(decoding: output, as: UTF8.self)
    return text.replacingOccurrences(
      of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: " ", options: .regularExpression)
  }

  /// Waits for the program to end and returns its status (reading output meanwhile).
  func finish(seconds: Double = 10) -> Int32? {
    guard waitUntil(seconds: seconds, { closed }) else { return nil }
    // The program closed the terminal on its way out; reap it.
    process.waitUntilExit()
    return process.terminationStatus
  }

  struct RunError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }
}
