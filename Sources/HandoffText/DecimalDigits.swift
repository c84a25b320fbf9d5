extension Array where Element == UInt8 {
  /// Appends the decimal digits of `value`, after a `-` when it is negative: numbers
  /// written straight into byte buffers (JSON, the packed search text) without a
  /// `String` made for each.
  package mutating func appendDecimal(_ value: Int64) {
    if value < 0 { append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    let start = count
    repeat {
      append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    self[start...].reverse()
  }
}
