/// Lowercase hexadecimal digits of `bytes`.
package func hexadecimal(_ bytes: some Collection<UInt8>) -> String {
  let digits: [UInt8] = Array("0123456789abcdef".utf8)
  return String(unsafeUninitializedCapacity: bytes.count * 2) { text in
    var at = 0
    for byte in bytes {
      text[at] = digits[Int(byte >> 4)]
      text[at + 1] = digits[Int(byte & 0x0F)]
      at += 2
    }
    return at
  }
}

/// The value of one hexadecimal digit (either case), or nil.
package func hexValue(_ byte: UInt8) -> UInt8? {
  switch byte {
  case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
  case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
  case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
  default: nil
  }
}

/// `bytea` values in text format, PostgreSQL's hex form: `\x` and two digits a byte.
package enum Bytea {
  /// The text of a `bytea` parameter holding `bytes`.
  package static func parameter(_ bytes: some Collection<UInt8>) -> String {
    "\\x" + hexadecimal(bytes)
  }

  /// The bytes a `bytea` value in text format holds; nil when it is not in the hex form.
  package static func bytes(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
    guard text.count >= 2, text.count % 2 == 0, text[0] == UInt8(ascii: "\\"),
      text[1] == UInt8(ascii: "x")
    else { return nil }
    let count = text.count / 2 - 1
    var valid = true
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      for i in 0..<count {
        guard let high = hexValue(text[2 + 2 * i]), let low = hexValue(text[3 + 2 * i]) else {
          valid = false
          break
        }
        buffer[i] = high << 4 | low
        initialized = i + 1
      }
    }
    return valid ? bytes : nil
  }
}

extension PostgresRow {
  /// The value of a `bytea` column (nil for NULL, or a value not in the hex form).
  package func bytea(_ column: Int) -> [UInt8]? {
    withBytes(column) { $0.flatMap(Bytea.bytes) }
  }
}
