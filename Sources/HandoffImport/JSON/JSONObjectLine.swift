/// One line of `--from jsonl`: a JSON object whose members are read as text, the way a
/// CSV row's cells are, so the same validation applies.
///
/// The store's own reader knows only the log's keys; a script or a web-form relay may
/// send any, so this reads any key. Strings are unescaped (surrogate pairs included);
/// numbers keep their written digits; `true`/`false` become text; `null` is empty;
/// arrays and objects are skipped (their keys — `notes`, `recycled` — are not fields).
enum JSONObjectLine {
  /// A member's value: text, or a nested array or object the import does not read.
  enum Value: Equatable {
    case text(String)
    case number(String)
    case nested
  }

  /// Why a line is not an object.
  struct Failure: Error, Equatable {
    var message: String
  }

  /// The members of the object on `line`, in order.
  static func members(_ line: ArraySlice<UInt8>) throws(Failure) -> [(key: String, value: Value)] {
    var r = Reader(bytes: Array(line))
    r.skipSpace()
    guard r.take(0x7B) else { throw Failure(message: "not a JSON object") }
    var out: [(String, Value)] = []
    r.skipSpace()
    if r.take(0x7D) {
      r.skipSpace()
      guard r.atEnd else { throw Failure(message: "text after the object") }
      return []
    }
    repeat {
      r.skipSpace()
      let key = try r.string()
      r.skipSpace()
      guard r.take(0x3A) else { throw r.fail("expected ':' after a key") }
      r.skipSpace()
      out.append((key, try r.value()))
      r.skipSpace()
    } while r.take(0x2C)
    guard r.take(0x7D) else { throw r.fail("expected ',' or '}'") }
    r.skipSpace()
    guard r.atEnd else { throw Failure(message: "text after the object") }
    return out
  }

  private struct Reader {
    let bytes: [UInt8]
    var i = 0

    var atEnd: Bool { i >= bytes.count }

    func fail(_ message: String) -> Failure { Failure(message: "\(message) at column \(i + 1)") }

    mutating func skipSpace() {
      while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
      guard i < bytes.count, bytes[i] == byte else { return false }
      i += 1
      return true
    }

    mutating func value() throws(Failure) -> Value {
      guard i < bytes.count else { throw fail("expected a value") }
      switch bytes[i] {
      case 0x22: return .text(try string())
      case 0x7B, 0x5B:
        try skipNested()
        return .nested
      case 0x74: return try literal("true", .text("true"))
      case 0x66: return try literal("false", .text("false"))
      case 0x6E: return try literal("null", .text(""))
      default: return .number(try number())
      }
    }

    mutating func literal(_ word: String, _ value: Value) throws(Failure) -> Value {
      let w = Array(word.utf8)
      guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
        throw fail("expected a value")
      }
      i += w.count
      return value
    }

    /// A JSON number, as written.
    mutating func number() throws(Failure) -> String {
      let start = i
      if i < bytes.count, bytes[i] == 0x2D { i += 1 }
      let digits = i
      while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
      guard i > digits else { throw fail("expected a value") }
      if i < bytes.count, bytes[i] == 0x2E {
        i += 1
        let f = i
        while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
        guard i > f else { throw fail("expected digits after '.'") }
      }
      if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
        i += 1
        if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
        let e = i
        while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
        guard i > e else { throw fail("expected digits in the exponent") }
      }
      return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    /// A string, unescaped.
    mutating func string() throws(Failure) -> String {
      guard take(0x22) else { throw fail("expected a string") }
      var out: [UInt8] = []
      while i < bytes.count {
        let c = bytes[i]
        i += 1
        switch c {
        case 0x22:
          return String(decoding: out, as: UTF8.self)
        case 0x5C:
          guard i < bytes.count else { throw fail("unfinished escape") }
          let e = bytes[i]
          i += 1
          switch e {
          case 0x22, 0x5C, 0x2F: out.append(e)
          case 0x62: out.append(0x08)
          case 0x66: out.append(0x0C)
          case 0x6E: out.append(0x0A)
          case 0x72: out.append(0x0D)
          case 0x74: out.append(0x09)
          case 0x75:
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
              guard take(0x5C), take(0x75) else { throw fail("a lone surrogate") }
              let low = try hex4()
              guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone surrogate") }
              scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
              throw fail("a lone surrogate")
            }
            UTF8Bytes.append(scalar, to: &out)
          default:
            throw fail("an unknown escape")
          }
        default:
          // Raw control characters are not JSON; they stay, for validation to name.
          out.append(c)
        }
      }
      throw fail("a string that never closes")
    }

    mutating func hex4() throws(Failure) -> UInt32 {
      guard i + 4 <= bytes.count else { throw fail("a short \\u escape") }
      var v: UInt32 = 0
      for _ in 0..<4 {
        let c = bytes[i]
        i += 1
        switch c {
        case 0x30...0x39: v = v << 4 | UInt32(c - 0x30)
        case 0x41...0x46: v = v << 4 | UInt32(c - 0x41 + 10)
        case 0x61...0x66: v = v << 4 | UInt32(c - 0x61 + 10)
        default: throw fail("a bad \\u escape")
        }
      }
      return v
    }

    /// Skips a nested array or object (strings inside may hold brackets).
    mutating func skipNested() throws(Failure) {
      var depth = 0
      while i < bytes.count {
        let c = bytes[i]
        switch c {
        case 0x22:
          _ = try string()
          continue
        case 0x7B, 0x5B: depth += 1
        case 0x7D, 0x5D:
          depth -= 1
          if depth == 0 {
            i += 1
            return
          }
        default: break
        }
        i += 1
      }
      throw fail("an array or object that never closes")
    }
  }
}
