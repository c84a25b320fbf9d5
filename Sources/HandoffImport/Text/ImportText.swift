/// An import file's text as UTF-8 bytes, whatever encoding it came in, with the encoding
/// it was recognised as.
///
/// A byte-order mark decides first (UTF-8, UTF-16 LE/BE). Without one, bytes that are
/// valid UTF-8 are taken as they are; UTF-16 without a mark is recognised by its zero
/// bytes; anything else is read as Windows-1252 (every byte means something there), and
/// the report says so (also when a UTF-8 mark sits on bytes that are not UTF-8).
package struct ImportText: Sendable {
  /// The text, UTF-8, without any byte-order mark.
  package let utf8: [UInt8]
  /// What the file was written in.
  package let encoding: SourceEncoding

  /// Recognises the encoding of `bytes` and converts them to UTF-8.
  package init(decoding bytes: [UInt8]) throws(ImportError) {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      let body = Array(bytes[3...])
      if Self.firstInvalidUTF8(body) == nil {
        self.init(utf8: body, encoding: .utf8WithBOM)
      } else {
        // A UTF-8 mark on Windows-1252 text: a tool added the mark to an "ANSI" file.
        self.init(utf8: Windows1252.utf8(body), encoding: .windows1252WithBOM)
      }
      return
    }
    if bytes.starts(with: [0xFF, 0xFE]) {
      self.init(utf8: try Self.utf16(bytes[2...], littleEndian: true), encoding: .utf16LittleEndian)
      return
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      self.init(utf8: try Self.utf16(bytes[2...], littleEndian: false), encoding: .utf16BigEndian)
      return
    }
    if let littleEndian = Self.looksLikeUTF16(bytes) {
      self.init(
        utf8: try Self.utf16(bytes[...], littleEndian: littleEndian),
        encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian)
      return
    }
    if Self.firstInvalidUTF8(bytes) == nil {
      self.init(utf8: bytes, encoding: .utf8)
      return
    }
    self.init(utf8: Windows1252.utf8(bytes), encoding: .windows1252)
  }

  private init(utf8: [UInt8], encoding: SourceEncoding) {
    self.utf8 = utf8
    self.encoding = encoding
  }

  /// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and
  /// code points past U+10FFFF included), or nil when all of it is valid.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { b -> Int? in
      var i = 0
      let n = b.count
      while i < n {
        let lead = b[i]
        if lead < 0x80 {
          i += 1
          continue
        }
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
          length = 3
          lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
          length = 3
          upper = 0x9F
        case 0xF0:
          length = 4
          lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
          length = 4
          upper = 0x8F
        default: return i
        }
        guard i + length <= n else { return i }
        guard (lower...upper).contains(b[i + 1]) else { return i }
        var k = 2
        while k < length {
          guard (0x80...0xBF).contains(b[i + k]) else { return i }
          k += 1
        }
        i += length
      }
      return nil
    }
  }

  /// Whether unmarked bytes look like UTF-16 text: most of the first ones have a zero
  /// in the high byte, as Latin text in UTF-16 does. Returns the byte order, or nil.
  private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool? {
    let sample = min(bytes.count, 512) & ~1
    guard sample >= 4 else { return nil }
    var evenZeros = 0
    var oddZeros = 0
    for i in stride(from: 0, to: sample, by: 2) {
      if bytes[i] == 0 { evenZeros += 1 }
      if bytes[i + 1] == 0 { oddZeros += 1 }
    }
    let pairs = sample / 2
    if oddZeros * 10 >= pairs * 7, evenZeros * 10 < pairs { return true }
    if evenZeros * 10 >= pairs * 7, oddZeros * 10 < pairs { return false }
    return nil
  }

  /// UTF-16 code units converted to UTF-8; refused when a surrogate is unpaired or a
  /// byte is left over.
  private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) throws(ImportError)
    -> [UInt8]
  {
    guard bytes.count % 2 == 0 else {
      throw .undecodable("it is UTF-16 but has an odd number of bytes")
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count / 2 + bytes.count / 8)
    var i = bytes.startIndex
    func unit(at index: Int) -> UInt32 {
      let a = UInt32(bytes[index])
      let b = UInt32(bytes[index + 1])
      return littleEndian ? a | b << 8 : a << 8 | b
    }
    while i < bytes.endIndex {
      var scalar = unit(at: i)
      let at = i
      i += 2
      if (0xD800...0xDBFF).contains(scalar) {
        guard i < bytes.endIndex else {
          throw .undecodable("it is UTF-16 but ends inside a character (byte \(at))")
        }
        let low = unit(at: i)
        guard (0xDC00...0xDFFF).contains(low) else {
          throw .undecodable("it is UTF-16 but byte \(at) starts a broken character")
        }
        i += 2
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00...0xDFFF).contains(scalar) {
        throw .undecodable("it is UTF-16 but byte \(at) starts a broken character")
      }
      UTF8Bytes.append(scalar, to: &out)
    }
    return out
  }
}

/// Appends code points to a UTF-8 byte array.
enum UTF8Bytes {
  /// Appends one code point (assumed valid) as UTF-8.
  static func append(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      out.append(UInt8(scalar))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | scalar >> 6))
      out.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | scalar >> 12))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    default:
      out.append(UInt8(0xF0 | scalar >> 18))
      out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    }
  }
}
