/// Builds JSON as UTF-8 bytes: the one JSON writer, for the store's log lines and for
/// every `--json` output.
///
/// Keys are written in the order given, commas where they belong. Strings are escaped
/// so that the output never holds a listed control character raw (`ControlCharacters`:
/// C0, DEL, C1, line separators, bidi controls become `\n`, `\t` or `\uXXXX`): a log
/// line never contains a newline except its end, and JSON printed to a terminal or a
/// log shown with `cat` cannot drive it.
package struct JSONWriter {
  package private(set) var bytes: [UInt8] = []
  /// Whether the next value in the current object or array needs a comma before it.
  private var needsComma = false
  /// How deep in objects and arrays the writer is.
  private var depth = 0
  /// The depth of the array whose items go one per line, or -1.
  private var linedDepth = -1

  package init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

  /// The JSON written so far, as text.
  package var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Ends a line of JSON lines: a newline, after which a new top-level value starts.
  package mutating func endLine() {
    bytes.append(0x0A)
    needsComma = false
  }

  /// Forgets what was written but keeps the room: one buffer for line after line.
  package mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    needsComma = false
    depth = 0
    linedDepth = -1
  }

  /// Starts an object (after a key, in an array, or at the top).
  package mutating func open() {
    beginValue()
    bytes.append(UInt8(ascii: "{"))
    depth += 1
    needsComma = false
  }

  /// Ends the object started last.
  package mutating func close() {
    bytes.append(UInt8(ascii: "}"))
    depth -= 1
    needsComma = true
  }

  /// Starts an array; with `onePerLine`, its items each go on a line of their own
  /// (`[\n{…},\n{…}\n]`, `[]` when empty), for output a person scans. Arrays inside a
  /// one-per-line array are written on one line.
  package mutating func beginArray(onePerLine: Bool = false) {
    beginValue()
    bytes.append(UInt8(ascii: "["))
    depth += 1
    if onePerLine && linedDepth < 0 { linedDepth = depth }
    needsComma = false
  }

  /// Starts an array as the value of a key.
  package mutating func beginArray(_ name: StaticString) {
    key(name)
    beginArray()
  }

  /// Ends the array started last.
  package mutating func endArray() {
    if depth == linedDepth {
      if needsComma { bytes.append(0x0A) }
      linedDepth = -1
    }
    bytes.append(UInt8(ascii: "]"))
    depth -= 1
    needsComma = true
  }

  /// A key of the current object; a value must follow.
  package mutating func key(_ name: StaticString) {
    beginValue()
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  /// A key that comes from data (a source, a stage, a setting), escaped like any string.
  package mutating func key(_ name: String) {
    string(name)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  package mutating func field(_ name: StaticString, _ value: String) {
    key(name)
    string(value)
  }

  package mutating func field(_ name: StaticString, _ value: Int64) {
    key(name)
    integer(value)
  }

  package mutating func field(_ name: StaticString, _ value: Int) { field(name, Int64(value)) }

  package mutating func field(_ name: StaticString, _ value: Bool) {
    key(name)
    bool(value)
  }

  /// Writes the field only when there is a value.
  package mutating func optional(_ name: StaticString, _ value: String?) {
    if let value { field(name, value) }
  }

  package mutating func optional(_ name: StaticString, _ value: Int64?) {
    if let value { field(name, value) }
  }

  /// Writes a string, or `null` for nil.
  package mutating func nullable(_ name: StaticString, _ value: String?) {
    key(name)
    if let value { string(value) } else { null() }
  }

  /// Writes a whole number, or `null` for nil.
  package mutating func nullable(_ name: StaticString, _ value: Int64?) {
    key(name)
    if let value { integer(value) } else { null() }
  }

  package mutating func null() {
    beginValue()
    bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    needsComma = true
  }

  package mutating func bool(_ value: Bool) {
    beginValue()
    bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    needsComma = true
  }

  package mutating func integer(_ value: Int64) {
    beginValue()
    bytes.appendDecimal(value)
    needsComma = true
  }

  /// A fraction (a rate, a pace) with at most four decimals; `null` for nil and for
  /// infinity, which JSON cannot write.
  package mutating func fraction(_ value: Double?) {
    guard let value, value.isFinite else { return null() }
    beginValue()
    bytes.append(contentsOf: String((value * 10_000).rounded() / 10_000).utf8)
    needsComma = true
  }

  package mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { string(utf8: $0) }
  }

  /// A string given as its UTF-8 bytes (valid UTF-8, as a Swift string's are), escaped
  /// as `string(_:)` escapes it.
  package mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
    beginValue()
    bytes.append(UInt8(ascii: "\""))
    var start = 0
    var index = 0
    while index < utf8.count {
      let byte = utf8[index]
      guard byte == 0x22 || byte == 0x5C || ControlCharacters.mayStart(byte) else {
        index += 1
        continue
      }
      // Quotes, backslashes, C0 and DEL are always escaped; a 0xC2 or 0xE2 lead only
      // when its scalar is on the list (most such scalars are ordinary: `£`, `…`).
      let (scalar, length) = Self.scalar(in: utf8, at: index)
      guard byte < 0x80 || ControlCharacters.contains(scalar) else {
        index += length
        continue
      }
      if start < index {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
      }
      escape(scalar)
      index += length
      start = index
    }
    if start < utf8.count {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(UInt8(ascii: "\""))
    needsComma = true
  }

  /// The comma (and, in a one-per-line array, the line break) before a value.
  private mutating func beginValue() {
    if depth == linedDepth {
      if needsComma { bytes.append(UInt8(ascii: ",")) }
      bytes.append(0x0A)
    } else if needsComma {
      bytes.append(UInt8(ascii: ","))
    }
  }

  /// The scalar whose UTF-8 starts at `index` (valid UTF-8: a Swift string's), and
  /// how many bytes it takes. Only ASCII and two- and three-byte leads are asked for.
  private static func scalar(in utf8: UnsafeBufferPointer<UInt8>, at index: Int)
    -> (Unicode.Scalar, Int)
  {
    let lead = UInt32(utf8[index])
    if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
    if lead < 0xE0 {
      let value = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
      return (Unicode.Scalar(value) ?? "\u{FFFD}", 2)
    }
    let value =
      (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
    return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
  }

  private mutating func escape(_ scalar: Unicode.Scalar) {
    bytes.append(UInt8(ascii: "\\"))
    switch scalar {
    case "\"": bytes.append(0x22)
    case "\\": bytes.append(0x5C)
    case "\n": bytes.append(UInt8(ascii: "n"))
    case "\r": bytes.append(UInt8(ascii: "r"))
    case "\t": bytes.append(UInt8(ascii: "t"))
    default:
      let hex = Array("0123456789abcdef".utf8)
      let v = scalar.value
      bytes.append(contentsOf: [
        UInt8(ascii: "u"), hex[Int(v >> 12 & 0xF)], hex[Int(v >> 8 & 0xF)],
        hex[Int(v >> 4 & 0xF)], hex[Int(v & 0xF)],
      ])
    }
  }
}
