/// A column header reduced to what identifies it: case, spacing, underscores and a
/// byte-order mark do not count, so `First Name`, `FirstName`, `first_name` and
/// `\u{FEFF}first name` are the same column.
package struct HeaderKey: Sendable, Hashable, CustomStringConvertible {
  /// The reduced form.
  package let text: String

  /// The key of a header as written in a file or an option.
  package init(_ header: some StringProtocol) {
    var out = String.UnicodeScalarView()
    for scalar in header.unicodeScalars {
      if scalar == "\u{FEFF}" || scalar == "_" || scalar.properties.isWhitespace { continue }
      if scalar.value == 0x200B { continue }
      for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
    }
    text = String(out)
  }

  package var description: String { text }
}

/// A value from a mapped column reduced for looking it up in a table: only letters and
/// digits count, lower-cased, so `Marketing Qualified Lead`, `marketingqualifiedlead`
/// and `MARKETING_QUALIFIED_LEAD` are the same value.
package struct ValueKey: Sendable, Hashable, CustomStringConvertible {
  /// The reduced form.
  package let text: String

  /// The key of a value as written in a file or an option.
  package init(_ value: some StringProtocol) {
    if value.utf8.allSatisfy({ $0 < 0x80 }) {
      var bytes: [UInt8] = []
      for b in value.utf8 {
        switch b {
        case 0x30...0x39, 0x61...0x7A: bytes.append(b)
        case 0x41...0x5A: bytes.append(b | 0x20)
        default: break
        }
      }
      text = String(decoding: bytes, as: UTF8.self)
      return
    }
    var out = String.UnicodeScalarView()
    for scalar in value.unicodeScalars
    where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
      for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
    }
    text = String(out)
  }

  package var description: String { text }
}
