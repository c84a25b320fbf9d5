import HandoffModel

/// A date (and time) as an export writes it, read but not yet placed in time: the file
/// decides whether `3/5/2024` is March or May, and the team's zone places times that
/// carry no offset.
///
/// Notations: ISO 8601 (`2024-03-05`, `2024-03-05T14:22:07.123Z`, `2024-03-05 14:22`,
/// offsets `+02:00`, `+0200`, `Z`, ` UTC`), `2024/03/05`, numeric day-month-year in
/// either order (`3/5/2024 2:22 PM`, `05.03.2024 14:22`, `05-03-24`), and English month
/// names (`5 Mar 2024`, `Mar 5, 2024`, `5-Mar-24`). Two-digit years follow Excel: 00–29
/// are 2000–2029, 30–99 are 1930–1999.
package enum DateReading: Sendable, Hashable {
  /// A moment: the text carried its offset from UTC.
  case instant(Timestamp)
  /// A local calendar date and time of day, in no particular zone.
  case local(day: Int64, millisecond: Int64)
  /// Two numbers either of which may be the day, then a year, and a local time of day.
  case numeric(first: Int64, second: Int64, year: Int64, millisecond: Int64)

  /// Reads `text` (surrounding spaces ignored); nil when it is no date these notations
  /// cover.
  package init?(_ text: String) {
    var scanner = DateScanner(Array(text.utf8))
    scanner.skipSpaces()
    guard let reading = scanner.reading() else { return nil }
    self = reading
  }

  /// Which of the two numbers of a numeric date is the day, decided for the file.
  package enum Order: String, Sendable, Hashable {
    /// `05/03/2024` is 5 March.
    case dayFirst = "dmy"
    /// `03/05/2024` is 5 March.
    case monthFirst = "mdy"

    /// How the report says it.
    package var phrase: String { self == .dayFirst ? "day/month/year" : "month/day/year" }
  }

  /// Whether the day/month order matters for this reading, and if so what it allows:
  /// nil for unambiguous readings, otherwise the orders that give a real date.
  package var possibleOrders: Set<Order>? {
    guard case .numeric(let a, let b, let year, _) = self else { return nil }
    var orders: Set<Order> = []
    if DateReading.isDate(year: year, month: b, day: a) { orders.insert(.dayFirst) }
    if DateReading.isDate(year: year, month: a, day: b) { orders.insert(.monthFirst) }
    return orders
  }

  /// The moment this reading stands for, with numeric dates in `order` and local times
  /// in `zone`; nil when the numbers make no date in that order.
  package func moment(order: Order, zone: Zone) -> Timestamp? {
    switch self {
    case .instant(let t):
      return t
    case .local(let day, let ms):
      return DateReading.place(day: day, millisecond: ms, zone: zone)
    case .numeric(let a, let b, let year, let ms):
      let (day, month) = order == .dayFirst ? (a, b) : (b, a)
      guard DateReading.isDate(year: year, month: month, day: day) else { return nil }
      let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
      return DateReading.place(day: days, millisecond: ms, zone: zone)
    }
  }

  static func isDate(year: Int64, month: Int64, day: Int64) -> Bool {
    (1...12).contains(month) && day >= 1 && day <= CivilDate.daysIn(month: month, year: year)
  }

  /// The UTC moment of a local time in `zone` (a time skipped by a daylight-saving
  /// change lands an hour later, as clocks do).
  static func place(day: Int64, millisecond: Int64, zone: Zone) -> Timestamp {
    let local = day * 86_400_000 + millisecond
    var guess = local - zone.offsetSeconds(at: Timestamp(milliseconds: local)) * 1000
    guess = local - zone.offsetSeconds(at: Timestamp(milliseconds: guess)) * 1000
    return Timestamp(milliseconds: guess)
  }
}

/// Reads the notations of `DateReading` from bytes.
private struct DateScanner {
  let bytes: [UInt8]
  var i = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var atEnd: Bool { i >= bytes.count }
  var peek: UInt8? { atEnd ? nil : bytes[i] }

  mutating func skipSpaces() {
    while let c = peek, c == 0x20 || c == 0x09 || c == 0xA0 { i += 1 }
    // A no-break space arrives as UTF-8 C2 A0.
    while i + 1 < bytes.count, bytes[i] == 0xC2, bytes[i + 1] == 0xA0 {
      i += 2
      while let c = peek, c == 0x20 || c == 0x09 { i += 1 }
    }
  }

  mutating func number(maxDigits: Int = 9) -> (value: Int64, digits: Int)? {
    var value: Int64 = 0
    var digits = 0
    while let c = peek, c >= 0x30, c <= 0x39, digits < maxDigits {
      value = value * 10 + Int64(c - 0x30)
      digits += 1
      i += 1
    }
    return digits == 0 ? nil : (value, digits)
  }

  mutating func accept(_ c: UInt8) -> Bool {
    guard peek == c else { return false }
    i += 1
    return true
  }

  mutating func word() -> String {
    let start = i
    while let c = peek, (c | 0x20) >= 0x61, (c | 0x20) <= 0x7A { i += 1 }
    return String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
  }

  mutating func reading() -> DateReading? {
    let start = i
    if let (first, digits) = number() {
      if digits == 4 {
        return yearFirst(year: first)
      }
      guard digits <= 2 else { return nil }
      if let sep = peek, sep == 0x2F || sep == 0x2E || sep == 0x2D {
        i += 1
        if let month = monthName() {
          // 5-Mar-2024
          guard accept(sep) || accept(0x20), let year = year() else { return nil }
          return local(year: year, month: month, day: first)
        }
        guard let (second, d2) = number(), d2 <= 2, accept(sep), let year = year() else {
          return nil
        }
        guard let ms = timeOfDay(), endsHere() else { return nil }
        return .numeric(first: first, second: second, year: year, millisecond: ms)
      }
      // 5 Mar 2024
      skipSpaces()
      guard let month = monthName() else { return nil }
      _ = accept(0x2C)
      skipSpaces()
      guard let year = year() else { return nil }
      return local(year: year, month: month, day: first)
    }
    i = start
    // Mar 5, 2024
    guard let month = monthName() else { return nil }
    _ = accept(0x2E)
    skipSpaces()
    guard let (day, _) = number(maxDigits: 2) else { return nil }
    _ = accept(0x2C)
    skipSpaces()
    guard let year = year() else { return nil }
    return local(year: year, month: month, day: day)
  }

  /// The rest of `2024-03-05…` or `2024/03/05…` after the year.
  mutating func yearFirst(year: Int64) -> DateReading? {
    guard let sep = peek, sep == 0x2D || sep == 0x2F || sep == 0x2E else { return nil }
    i += 1
    guard let (month, _) = number(maxDigits: 2), accept(sep), let (day, _) = number(maxDigits: 2),
      DateReading.isDate(year: year, month: month, day: day)
    else { return nil }
    let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
    if atEnd { return .local(day: days, millisecond: 0) }
    guard accept(0x54) || accept(0x74) || peek == 0x20 || peek == 0x2C else { return nil }
    _ = accept(0x2C)
    guard let ms = timeOfDay() else { return nil }
    skipSpaces()
    if atEnd { return .local(day: days, millisecond: ms) }
    guard let offset = offsetMinutes() else { return nil }
    return .instant(Timestamp(milliseconds: days * 86_400_000 + ms - offset * 60_000))
  }

  /// A year of four digits, or two (Excel's pivot).
  mutating func year() -> Int64? {
    guard let (y, digits) = number(maxDigits: 4) else { return nil }
    if digits == 4 { return y }
    if digits == 2 { return y < 30 ? 2000 + y : 1900 + y }
    return nil
  }

  /// An English month name or its three-letter abbreviation.
  mutating func monthName() -> Int64? {
    let start = i
    let w = word()
    let names = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ]
    if w.count >= 3, let index = names.firstIndex(where: { $0.hasPrefix(w) }),
      w.count == 3 || w == names[index] || (w == "sept" && index == 8)
    {
      return Int64(index + 1)
    }
    i = start
    return nil
  }

  mutating func local(year: Int64, month: Int64, day: Int64) -> DateReading? {
    guard DateReading.isDate(year: year, month: month, day: day),
      let ms = timeOfDay(), endsHere()
    else { return nil }
    return .local(
      day: CivilDate.daysSinceEpoch(year: year, month: month, day: day), millisecond: ms)
  }

  /// Whether only spaces are left.
  mutating func endsHere() -> Bool {
    skipSpaces()
    return atEnd
  }

  /// An optional time of day after a date (`14:22`, `2:22:07 PM`, `14:22:07.5`); 0 when
  /// the text ends before one.
  mutating func timeOfDay() -> Int64? {
    _ = accept(0x2C)
    skipSpaces()
    if atEnd { return 0 }
    guard let (hour, _) = number(maxDigits: 2), accept(0x3A),
      let (minute, md) = number(maxDigits: 2),
      md == 2, minute < 60
    else { return nil }
    var second: Int64 = 0
    var millis: Int64 = 0
    if accept(0x3A) {
      guard let (s, sd) = number(maxDigits: 2), sd == 2, s < 60 else { return nil }
      second = s
      if accept(0x2E) || accept(0x2C) {
        guard let (f, fd) = number(maxDigits: 9) else { return nil }
        var scaled = f
        var d = fd
        while d > 3 {
          scaled /= 10
          d -= 1
        }
        while d < 3 {
          scaled *= 10
          d += 1
        }
        millis = scaled
      }
    }
    var h = hour
    let save = i
    skipSpaces()
    let w = word()
    if w == "am" || w == "pm" || w == "a" || w == "p" {
      if w.count == 1 {
        // a.m. / p.m.
        guard accept(0x2E), word() == "m" else { return nil }
        _ = accept(0x2E)
      }
      guard (1...12).contains(h) else { return nil }
      if w.hasPrefix("a") { h = h == 12 ? 0 : h } else { h = h == 12 ? 12 : h + 12 }
    } else {
      i = save
    }
    guard h < 24 else { return nil }
    return h * 3_600_000 + minute * 60_000 + second * 1000 + millis
  }

  /// `Z`, `UTC`, `GMT`, `+02:00`, `+0200` or `+02`, ending the text; minutes east of UTC.
  mutating func offsetMinutes() -> Int64? {
    if accept(0x5A) || accept(0x7A) { return atEnd ? 0 : nil }
    let save = i
    let w = word()
    if w == "utc" || w == "gmt" {
      skipSpaces()
      if atEnd { return 0 }
    } else {
      i = save
    }
    let sign: Int64
    if accept(0x2B) {
      sign = 1
    } else if accept(0x2D) {
      sign = -1
    } else {
      return nil
    }
    guard let (h, hd) = number(maxDigits: 2), hd == 2, h < 24 else { return nil }
    var m: Int64 = 0
    _ = accept(0x3A)
    if !atEnd {
      guard let (mm, md) = number(maxDigits: 2), md == 2, mm < 60 else { return nil }
      m = mm
    }
    return atEnd ? sign * (h * 60 + m) : nil
  }
}
