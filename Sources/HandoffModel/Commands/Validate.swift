/// Checks on text and numbers that enter the model, each failing with one clear line.
enum Validate {
  /// Trims surrounding whitespace and checks emptiness and length (in characters).
  static func text(_ raw: String, field: String, limit: Int, allowEmpty: Bool = false)
    throws(ModelError) -> String
  {
    let t = raw.trimmingWhitespace
    if t.isEmpty, !allowEmpty { throw .empty(field: field) }
    guard t.unicodeScalars.count <= limit, t.utf8.count <= limit * 4 else {
      throw .tooLong(field: field, limit: limit)
    }
    return t
  }

  /// A short label such as a source or segment: trimmed, lower-cased.
  static func label(_ raw: String, field: String, allowEmpty: Bool) throws(ModelError) -> String {
    try text(raw, field: field, limit: FieldLimits.label, allowEmpty: allowEmpty).lowercased()
  }

  /// An email address: empty, or something@something with no spaces.
  static func email(_ raw: String) throws(ModelError) -> String {
    let t = try text(raw, field: "email", limit: FieldLimits.email, allowEmpty: true)
    if t.isEmpty { return t }
    let parts = t.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
      !t.contains(where: {
        $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true
      })
    else {
      throw .invalidValue(field: "email", value: t, expected: "an address like name@example.com")
    }
    return t
  }

  /// A member handle: a lower-case letter, then letters, digits, `.`, `_` or `-`; ≤ 32.
  static func handle(_ h: String) throws(ModelError) {
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
    guard
      !a.unicodeScalars.contains(where: {
        $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) || $0 == " "
      })
    else {
      throw .invalidValue(
        field: "user", value: a, expected: "a name without spaces or control characters")
    }
  }

  static func score(_ s: Int) throws(ModelError) {
    guard (0...FieldLimits.maxScore).contains(s) else {
      throw .invalidValue(
        field: "score", value: String(s), expected: "a whole number from 0 to 100")
    }
  }

  static func value(_ v: Int64) throws(ModelError) {
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

extension String {
  /// The string without leading and trailing whitespace and newlines.
  var trimmingWhitespace: String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return String(s)
  }
}
