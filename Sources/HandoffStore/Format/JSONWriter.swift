import HandoffModel

/// Builds one JSON object as UTF-8 bytes: the writing half of the log format.
///
/// Keys are written in the order given; strings are escaped so that the line holds no
/// raw control character (a log line never contains a newline except its end).
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  private var needsComma = false

  init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

  mutating func open() {
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
  }

  mutating func close() {
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  mutating func key(_ name: StaticString) {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    needsComma = true
  }

  mutating func field(_ name: StaticString, _ value: String) {
    key(name)
    string(value)
  }

  mutating func field(_ name: StaticString, _ value: Int64) {
    key(name)
    integer(value)
  }

  mutating func field(_ name: StaticString, _ value: Int) { field(name, Int64(value)) }

  mutating func field(_ name: StaticString, _ value: Bool) {
    key(name)
    literal(value ? "true" : "false")
  }

  mutating func field(_ name: StaticString, _ value: Timestamp) {
    key(name)
    string(value.iso8601)
  }

  /// Writes the field only when there is a value.
  mutating func optional(_ name: StaticString, _ value: String?) {
    if let value { field(name, value) }
  }

  mutating func optional(_ name: StaticString, _ value: Timestamp?) {
    if let value { field(name, value) }
  }

  mutating func optional(_ name: StaticString, _ value: Int64?) {
    if let value { field(name, value) }
  }

  /// Writes a string, or `null` for nil.
  mutating func nullable(_ name: StaticString, _ value: String?) {
    key(name)
    if let value { string(value) } else { literal("null") }
  }

  mutating func literal(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func beginArray(_ name: StaticString) {
    key(name)
    bytes.append(UInt8(ascii: "["))
    needsComma = false
  }

  mutating func endArray() {
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  mutating func integer(_ value: Int64) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    let start = bytes.count
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    bytes[start...].reverse()
  }

  mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      var start = 0
      for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        if start < index {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        }
        escape(byte)
        start = index + 1
      }
      if start < utf8.count {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func escape(_ byte: UInt8) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case 0x22: bytes.append(0x22)
    case 0x5C: bytes.append(0x5C)
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    default:
      let hex = Array("0123456789abcdef".utf8)
      bytes.append(contentsOf: [
        UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
      ])
    }
  }
}
