#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terminal on standard output, if it is one.
enum TerminalWidth {
  /// Whether standard output is a terminal.
  static var isTerminal: Bool { isatty(1) == 1 }

  /// How many columns the terminal on standard output has; nil when standard output
  /// is not a terminal or does not say.
  static func ofStandardOutput() -> Int? {
    guard isTerminal else { return nil }
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
