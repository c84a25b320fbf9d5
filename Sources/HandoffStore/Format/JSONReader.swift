import HandoffModel

/// Why a line could not be read, with the column where reading stopped.
struct LineError: Error {
  var message: String
  var column: Int
}

/// A cursor over one line's bytes that reads the JSON the log format uses: objects,
/// arrays, strings, integers, booleans and null. It never allocates except for the
/// strings it returns, so loading stays close to the speed of reading the file.
struct JSONReader {
  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var index = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  var atEnd: Bool {
    mutating get {
      skipSpace()
      return index >= bytes.count
    }
  }

  mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D, 0x0A: index += 1
      default: return
      }
    }
  }

  func fail(_ message: String) -> LineError { LineError(message: message, column: index + 1) }

  mutating func expect(_ byte: UInt8, _ what: String) throws(LineError) {
    skipSpace()
    guard index < bytes.count, bytes[index] == byte else { throw fail("expected \(what)") }
    index += 1
  }

  /// Whether the next byte is `byte`; consumes it when it is.
  mutating func take(_ byte: UInt8) -> Bool {
    skipSpace()
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  /// Reads an object, calling `field` with each key; `field` must consume the value.
  mutating func object(_ field: (LogKey?, inout JSONReader) throws(LineError) -> Void)
    throws(LineError)
  {
    try expect(UInt8(ascii: "{"), "an object")
    if take(UInt8(ascii: "}")) { return }
    repeat {
      skipSpace()
      let key = try rawString()
      try expect(UInt8(ascii: ":"), "':' after a key")
      try field(LogKey(key), &self)
    } while take(UInt8(ascii: ","))
    try expect(UInt8(ascii: "}"), "',' or '}'")
  }

  /// Reads an array, calling `element` for each element; `element` must consume it.
  mutating func array(_ element: (inout JSONReader) throws(LineError) -> Void) throws(LineError) {
    try expect(UInt8(ascii: "["), "an array")
    if take(UInt8(ascii: "]")) { return }
    repeat { try element(&self) } while take(UInt8(ascii: ","))
    try expect(UInt8(ascii: "]"), "',' or ']'")
  }

  /// The bytes of a string without its quotes, when it has no escapes; the cheap path.
  private mutating func rawString() throws(LineError) -> UnsafeBufferPointer<UInt8> {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      throw fail("expected a string")
    }
    let start = index + 1
    var end = start
    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
      if bytes[end] == UInt8(ascii: "\\") { throw fail("escapes are not allowed in keys") }
      end += 1
    }
    guard end < bytes.count else { throw fail("unterminated string") }
    index = end + 1
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  mutating func string() throws(LineError) -> String {
    skipSpace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      throw fail("expected a string")
    }
    var end = index + 1
    while end < bytes.count {
      let byte = bytes[end]
      if byte == UInt8(ascii: "\"") {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)
        index = end + 1
        return text
      }
      if byte == UInt8(ascii: "\\") { return try escapedString() }
      if byte < 0x20 { throw fail("a raw control character inside a string") }
      end += 1
    }
    throw fail("unterminated string")
  }

  /// A string with escapes, decoded byte by byte.
  private mutating func escapedString() throws(LineError) -> String {
    index += 1
    var out: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { throw fail("unterminated escape") }
        let code = bytes[index]
        index += 1
        switch code {
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""): out.append(code)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
            bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
          {
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw fail("a broken surrogate pair") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
          out.append(contentsOf: Array(String(character).utf8))
        default:
          throw fail("an unknown escape")
        }
      default:
        if byte < 0x20 { throw fail("a raw control character inside a string") }
        out.append(byte)
      }
    }
    throw fail("unterminated string")
  }

  private mutating func hex4() throws(LineError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("a short \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw fail("a bad \\u escape")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  mutating func integer() throws(LineError) -> Int64 {
    skipSpace()
    var negative = false
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    var value: Int64 = 0
    let start = index
    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9")
    {
      let (times, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times.addingReportingOverflow(Int64(bytes[index] - UInt8(ascii: "0")))
      guard !o1, !o2 else { throw fail("a number too large") }
      value = sum
      index += 1
    }
    guard index > start else { throw fail("expected a whole number") }
    if index < bytes.count,
      [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index])
    {
      throw fail("expected a whole number")
    }
    return negative ? -value : value
  }

  mutating func int() throws(LineError) -> Int {
    let value = try integer()
    guard let small = Int(exactly: value), abs(small) < Int(Int32.max) else {
      throw fail("a number out of range")
    }
    return small
  }

  mutating func bool() throws(LineError) -> Bool {
    if literal("true") { return true }
    if literal("false") { return false }
    throw fail("expected true or false")
  }

  /// Consumes `null` when it is next.
  mutating func null() -> Bool { literal("null") }

  mutating func timestamp() throws(LineError) -> Timestamp {
    skipSpace()
    let start = index
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      throw fail("expected a time")
    }
    var end = index + 1
    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
    guard end < bytes.count,
      let moment = Timestamp.parse(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]))
    else {
      index = start
      throw fail("expected a time such as 2026-11-22T14:15:07.123Z")
    }
    index = end + 1
    return moment
  }

  /// Skips any value (for keys this version does not know, so newer logs still load).
  mutating func skipValue() throws(LineError) {
    skipSpace()
    guard index < bytes.count else { throw fail("expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "{"): try object { (_, reader) throws(LineError) in try reader.skipValue() }
    case UInt8(ascii: "["): try array { (reader) throws(LineError) in try reader.skipValue() }
    case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
    case UInt8(ascii: "n"):
      guard null() else { throw fail("expected a value") }
    default:
      _ = try integer()
    }
  }

  private mutating func literal(_ word: StaticString) -> Bool {
    skipSpace()
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let matches = word.withUTF8Buffer { expected in
      (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
    }
    if matches { index += count }
    return matches
  }
}

extension JSONReader {
  /// Steps back over the byte just taken (used to peek at a value's first byte).
  mutating func rewindOne() { index -= 1 }
}
