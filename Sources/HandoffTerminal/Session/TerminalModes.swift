/// Escape sequences that switch the terminal's modes: alternate screen, hidden cursor,
/// bracketed paste and (if asked) mouse reporting. Written by us, never data.
package enum TerminalModes {
  /// What a device writes when it takes the terminal.
  package static func enter(mouse: Bool) -> [UInt8] {
    var bytes = Array("\u{1B}[?1049h\u{1B}[?25l\u{1B}[?2004h".utf8)
    if mouse { bytes += Array("\u{1B}[?1000h\u{1B}[?1002h\u{1B}[?1006h".utf8) }
    return bytes
  }

  /// What a device writes when it gives the terminal back.
  package static func leave(mouse: Bool) -> [UInt8] {
    var bytes = Array("\u{1B}[?2026l\u{1B}[0m".utf8)
    if mouse { bytes += Array("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8) }
    bytes += Array("\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l".utf8)
    return bytes
  }
}
