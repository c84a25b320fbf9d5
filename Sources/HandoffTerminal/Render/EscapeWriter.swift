/// Appends escape sequences and numbers to a byte array without building strings.
extension [UInt8] {
  /// Appends `ESC [`.
  mutating func appendCSI() {
    append(0x1B)
    append(0x5B)
  }

  /// Appends a decimal number.
  mutating func appendDecimal(_ value: Int) {
    if value < 10 {
      append(UInt8(0x30 + value))
      return
    }
    var divisor = 1
    while divisor * 10 <= value { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      append(UInt8(0x30 + rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }

  /// Appends ASCII text (escape sequences written by this module, never data).
  mutating func appendASCII(_ text: StaticString) {
    text.withUTF8Buffer { append(contentsOf: $0) }
  }
}

/// The number of decimal digits of a non-negative number.
func decimalDigits(_ value: Int) -> Int {
  var digits = 1
  var rest = value
  while rest >= 10 {
    rest /= 10
    digits += 1
  }
  return digits
}
