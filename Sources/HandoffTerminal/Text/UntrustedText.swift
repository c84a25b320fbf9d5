/// Makes text from data safe to show on a terminal.
///
/// Names, notes, imports and paste can hold anything. Before such text reaches a
/// terminal (through the cell buffer or printed by the CLI) every character that a
/// terminal would act on instead of draw is replaced by a visible stand-in, so no
/// data can emit an escape sequence, move the cursor, set the title, write the
/// clipboard or ring the bell:
/// - C0 controls U+0000–U+001F become their Control Pictures (U+2400–U+241F),
///   so ESC shows as `␛` and a newline as `␊`;
/// - DEL (U+007F) becomes `␡`;
/// - C1 controls U+0080–U+009F, which some terminals obey as 8-bit CSI/OSC, become `�`;
/// - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) become `�`,
///   so data cannot reorder what is drawn around it.
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
    text.unicodeScalars.allSatisfy { visible($0) == $0 }
  }

  /// The visible stand-in for one scalar; the scalar itself when it is safe.
  public static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x00...0x1F: return Unicode.Scalar(0x2400 + scalar.value)!
    case 0x7F: return "\u{2421}"
    case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"
    default: return scalar
    }
  }
}
