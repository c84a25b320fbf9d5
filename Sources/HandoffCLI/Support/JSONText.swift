/// A small writer of JSON values for the CLI's own `--json` outputs (figures, targets,
/// settings); leads and members use the store's `LogFormat`. Control characters in
/// strings are escaped, never written raw.
enum JSONText {
  /// A JSON string literal.
  static func string(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || needsEscape(scalar) {
          out += escaped(scalar)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// A JSON object from keys and already-encoded values, in order.
  static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  /// A JSON array of already-encoded values, one per line.
  static func array(_ items: [String]) -> String {
    items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n]"
  }

  /// A number, or `null`.
  static func number(_ n: (some BinaryInteger)?) -> String { n.map { String($0) } ?? "null" }

  /// A fraction with up to four decimals, or `null` (also for infinity).
  static func number(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "null" }
    return String((x * 10_000).rounded() / 10_000)
  }

  /// JSON text (from the store's writer) with the characters a terminal might obey
  /// escaped as well: DEL, C1 controls, bidirectional overrides, line separators.
  /// They can only stand inside strings, where `\uXXXX` means the same.
  static func terminalSafe(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: needsEscape) else { return json }
    var out = String.UnicodeScalarView()
    for scalar in json.unicodeScalars {
      if needsEscape(scalar) {
        out.append(contentsOf: escaped(scalar).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x7F, 0x80...0x9F, 0x2028...0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  private static func escaped(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
