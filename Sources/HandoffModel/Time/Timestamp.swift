/// A moment in time: milliseconds since 1970-01-01T00:00:00Z.
///
/// The model measures time as an integer so that folding, comparing and storing
/// events never rounds; formatting to and from ISO 8601 lives in this file.
package struct Timestamp: Hashable, Comparable, Sendable {
  /// Milliseconds since the Unix epoch (UTC).
  package var milliseconds: Int64

  /// Creates a timestamp from milliseconds since the Unix epoch.
  package init(milliseconds: Int64) { self.milliseconds = milliseconds }

  /// Creates a timestamp from whole seconds since the Unix epoch.
  package init(seconds: Int64) { self.milliseconds = seconds * 1000 }

  package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.milliseconds < rhs.milliseconds
  }

  /// This moment moved by a duration.
  package static func + (lhs: Timestamp, rhs: Duration) -> Timestamp {
    Timestamp(milliseconds: lhs.milliseconds + rhs.milliseconds)
  }

  /// This moment moved back by a duration.
  package static func - (lhs: Timestamp, rhs: Duration) -> Timestamp {
    Timestamp(milliseconds: lhs.milliseconds - rhs.milliseconds)
  }

  /// The time between two moments.
  package static func - (lhs: Timestamp, rhs: Timestamp) -> Duration {
    Duration(milliseconds: lhs.milliseconds - rhs.milliseconds)
  }
}

/// A length of time in milliseconds (named so as not to clash with Swift's `Duration`).
package typealias Duration = Milliseconds

/// A signed length of time, in milliseconds.
package struct Milliseconds: Hashable, Comparable, Sendable {
  /// The length in milliseconds.
  package var milliseconds: Int64

  /// Creates a length of time from milliseconds.
  package init(milliseconds: Int64) { self.milliseconds = milliseconds }

  /// A length of whole seconds.
  package static func seconds(_ n: Int64) -> Milliseconds { Milliseconds(milliseconds: n * 1000) }
  /// A length of whole minutes.
  package static func minutes(_ n: Int64) -> Milliseconds { .seconds(n * 60) }
  /// A length of whole hours.
  package static func hours(_ n: Int64) -> Milliseconds { .minutes(n * 60) }
  /// A length of whole days of 24 hours.
  package static func days(_ n: Int64) -> Milliseconds { .hours(n * 24) }

  package static func < (lhs: Milliseconds, rhs: Milliseconds) -> Bool {
    lhs.milliseconds < rhs.milliseconds
  }

  /// The sum of two lengths.
  package static func + (lhs: Milliseconds, rhs: Milliseconds) -> Milliseconds {
    Milliseconds(milliseconds: lhs.milliseconds + rhs.milliseconds)
  }

  /// The difference of two lengths.
  package static func - (lhs: Milliseconds, rhs: Milliseconds) -> Milliseconds {
    Milliseconds(milliseconds: lhs.milliseconds - rhs.milliseconds)
  }
}

extension Timestamp {
  /// Formats as ISO 8601 in UTC with milliseconds, e.g. `2026-11-22T14:15:07.123Z`.
  package var iso8601: String {
    withISO8601 { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the ISO 8601 text of `iso8601` as ASCII bytes, built on the stack
  /// (the store writes several moments an event: no string is made for them).
  package func withISO8601<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let (days, msOfDay) = milliseconds.floorDivided(by: 86_400_000)
    let (year, month, day) = CivilDate.from(daysSinceEpoch: days)
    guard (0...9999).contains(year) else {
      // Years of more or fewer than four digits, as rare as they are: the general path.
      var text =
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(msOfDay / 3_600_000, 2)):"
        + "\(pad(msOfDay / 60_000 % 60, 2)):\(pad(msOfDay / 1000 % 60, 2)).\(pad(msOfDay % 1000, 3))Z"
      return try text.withUTF8(body)
    }
    return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { b in
      func put(_ value: Int64, _ width: Int, at offset: Int) {
        var v = value
        for i in stride(from: offset + width - 1, through: offset, by: -1) {
          b[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
          v /= 10
        }
      }
      put(year, 4, at: 0)
      b[4] = UInt8(ascii: "-")
      put(month, 2, at: 5)
      b[7] = UInt8(ascii: "-")
      put(day, 2, at: 8)
      b[10] = UInt8(ascii: "T")
      put(msOfDay / 3_600_000, 2, at: 11)
      b[13] = UInt8(ascii: ":")
      put(msOfDay / 60_000 % 60, 2, at: 14)
      b[16] = UInt8(ascii: ":")
      put(msOfDay / 1000 % 60, 2, at: 17)
      b[19] = UInt8(ascii: ".")
      put(msOfDay % 1000, 3, at: 20)
      b[23] = UInt8(ascii: "Z")
      return try body(UnsafeBufferPointer(b))
    }
  }

  /// Parses ISO 8601 as written by `iso8601`, and also without milliseconds, with a
  /// numeric offset (`+02:00`), or a date alone (`2026-11-22`, midnight UTC).
  package init?(iso8601 text: String) {
    var text = text
    guard let parsed = text.withUTF8({ Timestamp.parse($0) }) else { return nil }
    self = parsed
  }

  /// Parses ISO 8601 bytes; the fast path used by the store's line parser.
  package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
    var reader = DigitReader(bytes: bytes)
    guard let year = reader.number(digits: 4), reader.expect(UInt8(ascii: "-")),
      let month = reader.number(digits: 2), reader.expect(UInt8(ascii: "-")),
      let day = reader.number(digits: 2), (1...12).contains(month),
      (1...CivilDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
    if reader.atEnd { return Timestamp(milliseconds: days * 86_400_000) }
    guard reader.expect(UInt8(ascii: "T")) || reader.expect(UInt8(ascii: " ")),
      let hour = reader.number(digits: 2), reader.expect(UInt8(ascii: ":")),
      let minute = reader.number(digits: 2), hour < 24, minute < 60
    else { return nil }
    var second: Int64 = 0
    var millis: Int64 = 0
    if reader.expect(UInt8(ascii: ":")) {
      guard let s = reader.number(digits: 2), s < 61 else { return nil }
      second = s
      if reader.expect(UInt8(ascii: ".")) {
        guard let fraction = reader.fraction() else { return nil }
        millis = fraction
      }
    }
    var offsetMinutes: Int64 = 0
    if reader.expect(UInt8(ascii: "Z")) || reader.expect(UInt8(ascii: "z")) {
    } else if let sign = reader.sign() {
      guard let oh = reader.number(digits: 2) else { return nil }
      _ = reader.expect(UInt8(ascii: ":"))
      guard let om = reader.number(digits: 2), oh < 24, om < 60 else { return nil }
      offsetMinutes = sign * (oh * 60 + om)
    } else {
      return nil
    }
    guard reader.atEnd else { return nil }
    let ms =
      days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis
      - offsetMinutes * 60_000
    return Timestamp(milliseconds: ms)
  }
}

/// Reads fixed-width decimal fields from ISO 8601 text.
private struct DigitReader {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  var atEnd: Bool { index == bytes.count }

  mutating func number(digits: Int) -> Int64? {
    guard index + digits <= bytes.count else { return nil }
    var value: Int64 = 0
    for _ in 0..<digits {
      let byte = bytes[index]
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      value = value * 10 + Int64(byte - 0x30)
      index += 1
    }
    return value
  }

  /// Reads 1–9 fraction digits and returns them as milliseconds (truncated).
  mutating func fraction() -> Int64? {
    var value: Int64 = 0
    var count = 0
    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
      if count < 3 { value = value * 10 + Int64(bytes[index] - 0x30) }
      count += 1
      index += 1
    }
    guard count > 0, count <= 9 else { return nil }
    // `count..<3` would trap for 4–9 digits, so scale only when fewer than 3 came.
    if count < 3 { for _ in count..<3 { value *= 10 } }
    return value
  }

  mutating func expect(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  mutating func sign() -> Int64? {
    if expect(UInt8(ascii: "+")) { return 1 }
    if expect(UInt8(ascii: "-")) { return -1 }
    return nil
  }
}

private func pad(_ value: Int64, _ width: Int) -> String {
  let digits = String(value)
  return digits.count >= width
    ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension Int64 {
  /// Division rounding toward negative infinity, with the matching non-negative remainder.
  func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
    var q = self / divisor
    var r = self % divisor
    if r < 0 {
      q -= 1
      r += divisor
    }
    return (q, r)
  }
}
