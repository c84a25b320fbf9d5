/// The character encoding an import file was written in, as recognised from its bytes.
package enum SourceEncoding: String, Sendable, Hashable {
  /// UTF-8 without a byte-order mark.
  case utf8
  /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
  case utf8WithBOM
  /// UTF-16 little-endian (Excel's "Unicode text" on Windows).
  case utf16LittleEndian
  /// UTF-16 big-endian.
  case utf16BigEndian
  /// Windows-1252, the "ANSI" code page Excel uses for CSV on Western Windows machines.
  case windows1252
  /// Windows-1252 behind a UTF-8 byte-order mark (a tool marked an "ANSI" file as UTF-8).
  case windows1252WithBOM

  /// How the report names it.
  package var name: String {
    switch self {
    case .utf8: return "UTF-8"
    case .utf8WithBOM: return "UTF-8 with BOM"
    case .utf16LittleEndian: return "UTF-16 LE"
    case .utf16BigEndian: return "UTF-16 BE"
    case .windows1252: return "Windows-1252"
    case .windows1252WithBOM: return "Windows-1252 behind a UTF-8 mark"
    }
  }

  /// Whether the text was converted to UTF-8 on the way in (worth saying in the report).
  package var isConverted: Bool {
    switch self {
    case .utf8, .utf8WithBOM: return false
    case .utf16LittleEndian, .utf16BigEndian, .windows1252, .windows1252WithBOM: return true
    }
  }
}
