/// Something the terminal is asked to tell its user outside the frame: the bell, or a
/// desktop notification. Its bytes are made here, like every escape sequence the
/// engine writes; a notification's text is data and goes through `UntrustedText` and
/// a length cap first, so it can neither end the sequence early nor start another.
public enum TerminalAlert: Equatable, Sendable {
  /// The terminal's bell (BEL).
  case bell
  /// A desktop notification with a title and a body, in the terminal's dialect.
  case desktop(title: String, body: String, dialect: DesktopNotificationDialect)

  /// The most characters of a title or body sent: a notification is a line, and some
  /// terminals drop an OSC sequence longer than a few hundred bytes.
  public static let maximumLength = 200

  /// Appends the alert's bytes to `out`.
  public func append(to out: inout [UInt8]) {
    switch self {
    case .bell:
      out.append(0x07)
    case .desktop(let title, let body, .osc9):
      // iTerm2's `OSC 9 ; text BEL` has one field: the title leads the text.
      out.appendASCII("\u{1B}]9;")
      out.append(contentsOf: TerminalAlert.payload(title + ": " + body).utf8)
      out.append(0x07)
    case .desktop(let title, let body, .osc777):
      // rxvt-unicode's `OSC 777 ; notify ; title ; body BEL`: a `;` in the title would
      // start the body, so it becomes a comma there.
      out.appendASCII("\u{1B}]777;notify;")
      let safeTitle = String(TerminalAlert.payload(title).map { $0 == ";" ? "," : $0 })
      out.append(contentsOf: safeTitle.utf8)
      out.append(0x3B)
      out.append(contentsOf: TerminalAlert.payload(body).utf8)
      out.append(0x07)
    }
  }

  /// The bytes of the alert.
  public var bytes: [UInt8] {
    var out: [UInt8] = []
    append(to: &out)
    return out
  }

  /// Text from data made safe for the inside of an OSC sequence: every control
  /// character made visible (so no BEL or ESC can end it), at most `maximumLength`
  /// characters, an ellipsis where it was cut.
  static func payload(_ text: String) -> String {
    let safe = UntrustedText.sanitized(text)
    guard safe.count > maximumLength else { return safe }
    return String(safe.prefix(maximumLength - 1)) + "…"
  }
}

/// Which desktop notification sequence a terminal understands.
public enum DesktopNotificationDialect: Equatable, Sendable {
  /// `OSC 9` (iTerm2, WezTerm, kitty, Windows Terminal, Ghostty, and most others).
  case osc9
  /// `OSC 777 ; notify` (rxvt-unicode, foot, GNOME Terminal and other VTE terminals).
  case osc777

  /// The dialect of the terminal the environment names: OSC 777 for VTE terminals
  /// (`VTE_VERSION`), rxvt and foot, OSC 9 otherwise. One is sent, never both: a
  /// terminal that knows both (WezTerm) would pop up every notice twice.
  public static func detect(environment: [String: String]) -> DesktopNotificationDialect {
    let term = environment["TERM"] ?? ""
    if environment["VTE_VERSION"].map({ !$0.isEmpty }) ?? false { return .osc777 }
    if term.hasPrefix("rxvt") || term.hasPrefix("foot") { return .osc777 }
    return .osc9
  }
}
