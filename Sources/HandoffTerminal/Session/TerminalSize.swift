/// A terminal's size in cells.
public struct TerminalSize: Hashable, Sendable {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}

/// Something the event loop should react to.
public enum TerminalInput: Hashable, Sendable {
  /// A key, paste or mouse event.
  case event(InputEvent)
  /// The window changed size; draw a frame of the new size.
  case resize(TerminalSize)
  /// The program was continued after a stop; the next frame redraws in full.
  case resumed
  /// One of the extra descriptors passed to `wait` is readable.
  case readable(Int32)
  /// The terminal went away (end of input, hang-up).
  case hangup
}

/// Escape sequences that switch the terminal's modes. Written by us, never data.
enum TerminalModes {
  static func enter(mouse: Bool) -> [UInt8] {
    var bytes = Array("\u{1B}[?1049h\u{1B}[?25l\u{1B}[?2004h".utf8)
    if mouse { bytes += Array("\u{1B}[?1000h\u{1B}[?1002h\u{1B}[?1006h".utf8) }
    return bytes
  }

  static func leave(mouse: Bool) -> [UInt8] {
    var bytes = Array("\u{1B}[?2026l\u{1B}[0m".utf8)
    if mouse { bytes += Array("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8) }
    bytes += Array("\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l".utf8)
    return bytes
  }
}
