import HandoffText

/// Makes text from data safe to show on a terminal.
///
/// Names, notes, imports and paste can hold anything. Before such text reaches a
/// terminal (through the cell buffer or printed by the CLI) every character of the one
/// list in `ControlCharacters` is replaced by a visible stand-in, so no data can emit
/// an escape sequence, move the cursor, set the title, write the clipboard, ring the
/// bell or reorder what is drawn around it:
/// - C0 controls U+0000–U+001F become their Control Pictures (U+2400–U+241F),
///   so ESC shows as `␛` and a newline as `␊`;
/// - DEL (U+007F) becomes `␡`;
/// - C1 controls, line and paragraph separators, and bidirectional overrides and
///   isolates become `�`.
public enum UntrustedText {
  /// The text with every control character replaced by a visible symbol.
  public static func sanitized(_ text: some StringProtocol) -> String {
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(text) }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      result.append(visible(scalar))
    }
    return String(result)
  }

  /// Whether the text would pass through `sanitized` unchanged.
  public static func isSafe(_ text: some StringProtocol) -> Bool {
    ControlCharacters.isFree(text)
  }

  /// The visible stand-in for one scalar; the scalar itself when it is safe.
  public static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch ControlCharacters.kind(of: scalar) {
    case nil: return scalar
    case .c0: return Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
    case .delete: return "\u{2421}"
    case .c1, .separator, .bidirectional: return "\u{FFFD}"
    }
  }
}
