import HandoffTerminal

/// Terminal cells for the CLI's columns, measured with the terminal engine's width
/// table so that a table printed here lines up like one drawn by the dashboard.
enum Cells {
  /// How many cells text takes.
  static func width(_ text: some StringProtocol) -> Int { DisplayWidth.of(text) }

  /// The text cut to at most `width` cells, ending in `…` when cut (and sanitized).
  static func truncated(_ text: String, to width: Int) -> String {
    Truncation.fit(text, width: width)
  }

  /// The text padded with spaces to `width` cells, on the right or (for numbers) the left.
  static func padded(_ text: String, to width: Int, right: Bool = false) -> String {
    let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    return right ? pad + text : text + pad
  }
}
