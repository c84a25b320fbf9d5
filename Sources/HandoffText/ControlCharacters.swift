/// The one list of characters that text from data must never carry raw: what a
/// terminal would obey instead of draw, or what would make the text read as something
/// it is not.
///
/// One definition for every layer, which is why it sits in this tiny target below all
/// the others (it knows nothing of leads, terminals or files): the terminal engine
/// shows these characters as visible stand-ins (`UntrustedText`), the JSON writer
/// escapes them as `\uXXXX` so no output or log line holds one raw, and the model's
/// validation refuses them on every write path. A character added here is shown,
/// escaped and refused everywhere at once.
package enum ControlCharacters {
  /// Why a character is on the list.
  package enum Kind: Hashable, Sendable {
    /// C0 controls U+0000–U+001F: ESC starts every escape sequence, BEL rings, CR and
    /// LF move the cursor. (Tab and newline are C0 too: a field that may hold them,
    /// such as a note, says so where it checks.)
    case c0
    /// DEL, U+007F.
    case delete
    /// C1 controls U+0080–U+009F, which some terminals obey as 8-bit CSI and OSC.
    case c1
    /// Line and paragraph separators U+2028–U+2029: JavaScript and some editors break
    /// a line at them, so a name holding one could start a false new line.
    case separator
    /// Bidirectional embeddings and overrides U+202A–U+202E and isolates
    /// U+2066–U+2069: they reorder what is drawn around them (`evil\u{202E}txt.exe`).
    case bidirectional
  }

  /// Why the scalar is on the list, or nil when it is an ordinary character.
  package static func kind(of scalar: Unicode.Scalar) -> Kind? {
    switch scalar.value {
    case 0x00...0x1F: return .c0
    case 0x7F: return .delete
    case 0x80...0x9F: return .c1
    case 0x2028...0x2029: return .separator
    case 0x202A...0x202E, 0x2066...0x2069: return .bidirectional
    default: return nil
    }
  }

  /// Whether the scalar is on the list.
  package static func contains(_ scalar: Unicode.Scalar) -> Bool { kind(of: scalar) != nil }

  /// Whether the text holds none of the listed characters.
  package static func isFree(_ text: some StringProtocol) -> Bool {
    // Printable ASCII is by far the common case and holds none.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return true }
    return !text.unicodeScalars.contains(where: contains)
  }

  /// Whether a UTF-8 byte can start the encoding of a listed character: every one is
  /// ASCII (C0, DEL), or starts with 0xC2 (C1) or 0xE2 (the separators and the bidi
  /// controls). Byte scanners (the JSON writer) look closer only at these.
  @inline(__always)
  static func mayStart(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2
  }
}
