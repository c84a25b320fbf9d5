import HandoffText

/// Checks on text and numbers that enter the model, each failing with one clear line.
package enum Validate {
  /// Trims surrounding whitespace and checks emptiness, length (in characters) and that
  /// no character is one never stored (`isForbidden`; tab and newline are allowed in
  /// `multiline` text, such as notes). Every text a command stores passes here.
  package static func text(
    _ raw: String, field: String, limit: Int, allowEmpty: Bool = false, multiline: Bool = false
  ) throws(ModelError) -> String {
    let t = raw.trimmingWhitespace
    if t.isEmpty, !allowEmpty { throw .empty(field: field) }
    // A character is at least one byte: short text needs no counting.
    guard t.utf8.count <= limit || (t.unicodeScalars.count <= limit && t.utf8.count <= limit * 4)
    else {
      throw .tooLong(field: field, limit: limit)
    }
    try storable(t, field: field, multiline: multiline)
    return t
  }

  /// A short label such as a source or segment: trimmed, lower-cased.
  package static func label(_ raw: String, field: String, allowEmpty: Bool) throws(ModelError)
    -> String
  {
    try text(raw, field: field, limit: FieldLimits.label, allowEmpty: allowEmpty).lowercased()
  }

  /// An email address: empty, or something@something with no spaces.
  package static func email(_ raw: String) throws(ModelError) -> String {
    let t = try text(raw, field: "email", limit: FieldLimits.email, allowEmpty: true)
    if t.isEmpty { return t }
    var ats = 0
    var atIndex = -1
    var ok = true
    var count = 0
    for byte in t.utf8 {
      if byte == 0x40 {
        ats += 1
        atIndex = count
      }
      if byte <= 0x20 || byte == 0x7F { ok = false }
      count += 1
    }
    // Beyond ASCII, spaces and controls are whatever Unicode says they are.
    if ok, t.utf8.contains(where: { $0 >= 0x80 }) {
      // C1 controls (U+0085 among them) by value; Unicode's whitespace table is asked
      // only for the few code points past them that can be whitespace.
      ok = !t.unicodeScalars.contains {
        let v = $0.value
        if v < 0xA0 { return v >= 0x80 }
        return (v == 0xA0 || v == 0x1680 || v >= 0x2000) && $0.properties.isWhitespace
      }
    }
    guard ok, ats == 1, atIndex > 0, atIndex < count - 1 else {
      throw .invalidValue(field: "email", value: t, expected: "an address like name@example.com")
    }
    return t
  }

  /// A member handle: a lower-case letter, then letters, digits, `.`, `_` or `-`; ≤ 32.
  package static func handle(_ h: String) throws(ModelError) {
    let bytes = Array(h.utf8)
    let ok =
      (1...32).contains(bytes.count) && (0x61...0x7A).contains(bytes[0])
      && bytes.allSatisfy {
        (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x5F
          || $0 == 0x2D
      }
    guard ok else {
      throw .invalidValue(
        field: "handle", value: h,
        expected: "1–32 of a-z, 0-9, '.', '_', '-', starting with a letter")
    }
  }

  /// Who is acting: any non-empty name without control characters, ≤ 64 characters.
  static func actor(_ a: String) throws(ModelError) {
    guard !a.isEmpty else { throw .empty(field: "user") }
    guard a.unicodeScalars.count <= FieldLimits.handle else {
      throw .tooLong(field: "user", limit: FieldLimits.handle)
    }
    guard !a.unicodeScalars.contains(where: { $0 == " " || ControlCharacters.contains($0) })
    else {
      throw .invalidValue(
        field: "user", value: a, expected: "a name without spaces or control characters")
    }
  }

  package static func score(_ s: Int) throws(ModelError) {
    guard (0...FieldLimits.maxScore).contains(s) else {
      throw .invalidValue(
        field: "score", value: String(s), expected: "a whole number from 0 to 100")
    }
  }

  package static func value(_ v: Int64) throws(ModelError) {
    guard (0...FieldLimits.maxValue).contains(v) else {
      throw .invalidValue(
        field: "value", value: String(v), expected: "an amount from 0 up to a trillion")
    }
  }

  static func capacity(_ c: Int) throws(ModelError) {
    guard (0...100_000).contains(c) else {
      throw .invalidValue(
        field: "capacity", value: String(c), expected: "a whole number from 0 to 100000")
    }
  }
}

extension Validate {
  /// Whether a character may never be stored in text: any on the one list of
  /// `ControlCharacters` (C0, DEL, C1, line and paragraph separators, bidi overrides and
  /// isolates), except tab and newline in `multiline` text such as notes.
  package static func isForbidden(_ scalar: Unicode.Scalar, multiline: Bool = false) -> Bool {
    if multiline, scalar == "\t" || scalar == "\n" { return false }
    return ControlCharacters.contains(scalar)
  }

  /// The first character of `text` that may never be stored, if any.
  package static func forbiddenScalar(in text: String, multiline: Bool = false)
    -> Unicode.Scalar?
  {
    // Fast path: printable ASCII is always allowed.
    let printable: (UInt8) -> Bool = { $0 >= 0x20 && $0 < 0x7F }
    let ascii =
      text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(printable) }
      ?? text.utf8.allSatisfy(printable)
    if ascii { return nil }
    return text.unicodeScalars.first { isForbidden($0, multiline: multiline) }
  }

  /// Refuses text that holds a character never stored, naming the field.
  package static func storable(_ text: String, field: String, multiline: Bool = false)
    throws(ModelError)
  {
    if let bad = forbiddenScalar(in: text, multiline: multiline) {
      throw .controlCharacter(field: field, scalar: bad.value)
    }
  }

  /// `U+001B` for a code point.
  package static func codePoint(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}

extension String {
  /// The string without leading and trailing whitespace and newlines.
  package var trimmingWhitespace: String {
    // Fast path: nothing to trim when both ends are printable ASCII.
    if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20,
      last < 0x7F
    {
      return self
    }
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return String(s)
  }
}
