import HandoffTerminal

/// The CLI's one door for data text on its way to a terminal.
enum UntrustedTextCLI {
  /// Text from data (names, notes, reasons, handles) made safe to print.
  static func safe(_ text: some StringProtocol) -> String { UntrustedText.sanitized(text) }
}
