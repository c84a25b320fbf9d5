/// An amount as an export writes it — `$12,000.00`, `12.000,00 €`, `12 000`, `CHF 1'200.50`
/// — read but not yet valued: whether `12,000` is twelve thousand or twelve is decided
/// for the whole file (`MoneyNotation`).
package struct MoneyReading: Sendable, Hashable {
  /// The digits and separators, without currency or spaces.
  let body: [UInt8]
  /// The currency the text names, if any.
  package let currency: CurrencyMark?

  /// What the separators in the amount say about the file's decimal mark.
  package enum Evidence: Sendable, Hashable {
    /// No separator that could be a decimal mark.
    case none
    /// The decimal mark is this byte (`.` or `,`).
    case decimal(UInt8)
    /// One `.` or `,` followed by exactly three digits: a decimal mark or grouping.
    case ambiguous(UInt8)
  }

  /// Reads `text` (surrounding spaces ignored); nil when it is no amount: a sign, letters
  /// among the digits, or separators where none can be.
  package init?(_ text: String) {
    var scalars = Array(text.unicodeScalars)
    func isSpace(_ s: Unicode.Scalar) -> Bool {
      s.properties.isWhitespace || s == "\u{202F}" || s == "\u{00A0}"
    }
    while let f = scalars.first, isSpace(f) { scalars.removeFirst() }
    while let l = scalars.last, isSpace(l) { scalars.removeLast() }
    func isMark(_ s: Unicode.Scalar) -> Bool {
      s.properties.generalCategory == .currencySymbol || s.properties.isAlphabetic
    }
    var prefix = String.UnicodeScalarView()
    while let f = scalars.first, isMark(f) { prefix.append(scalars.removeFirst()) }
    while let f = scalars.first, isSpace(f) { scalars.removeFirst() }
    var suffix = String.UnicodeScalarView()
    while let l = scalars.last, isMark(l) {
      suffix.insert(scalars.removeLast(), at: suffix.startIndex)
    }
    while let l = scalars.last, isSpace(l) { scalars.removeLast() }
    guard prefix.isEmpty || suffix.isEmpty else { return nil }
    let mark = String(prefix.isEmpty ? suffix : prefix)
    if mark.isEmpty {
      currency = nil
    } else {
      guard let c = CurrencyMark(mark) else { return nil }
      currency = c
    }
    var body: [UInt8] = []
    for s in scalars {
      switch s {
      case "0"..."9", ".", ",": body.append(UInt8(s.value))
      case "'", "\u{2019}", " ", "\u{00A0}", "\u{202F}", "\u{2009}": body.append(0x20)
      default: return nil
      }
    }
    guard let first = body.first, first >= 0x30, first <= 0x39,
      let last = body.last, last >= 0x30, last <= 0x39
    else { return nil }
    self.body = body
  }

  /// What the amount says about the decimal mark.
  package var evidence: Evidence {
    let commas = body.filter { $0 == 0x2C }.count
    let points = body.filter { $0 == 0x2E }.count
    if commas > 0, points > 0 {
      // The later one is the decimal mark: 12,000.50 or 12.000,50.
      guard let lastMark = body.last(where: { $0 == 0x2C || $0 == 0x2E }) else { return .none }
      return .decimal(lastMark)
    }
    let mark: UInt8 = commas > 0 ? 0x2C : 0x2E
    let count = max(commas, points)
    if count == 0 { return .none }
    // Two or more of one mark only group: 1,000,000 (so the decimal mark is the other).
    if count > 1 { return .decimal(mark == 0x2C ? 0x2E : 0x2C) }
    guard let at = body.firstIndex(of: mark) else { return .none }
    let after = body[(at + 1)...].prefix { $0 >= 0x30 && $0 <= 0x39 }.count
    let trailing = body.count - at - 1
    if after == 3, trailing == 3 { return .ambiguous(mark) }
    return .decimal(mark)
  }

  /// The amount in minor units (cents, rounded to the nearest), with `decimal` as the
  /// decimal mark and the other mark and spaces as grouping; nil when the grouping does
  /// not fit (a grouping mark after the decimal mark) or it is too large.
  package func minorUnits(decimal: UInt8) -> Int64? {
    var whole: Int64 = 0
    var fraction: Int64 = 0
    var fractionDigits = 0
    var roundUp = false
    var inFraction = false
    for byte in body {
      switch byte {
      case 0x30...0x39:
        let d = Int64(byte - 0x30)
        if inFraction {
          if fractionDigits < 2 {
            fraction = fraction * 10 + d
          } else if fractionDigits == 2 {
            roundUp = d >= 5
          }
          fractionDigits += 1
        } else {
          guard whole < 100_000_000_000_000 else { return nil }
          whole = whole * 10 + d
        }
      case decimal:
        guard !inFraction else { return nil }
        inFraction = true
      default:
        // Grouping: never after the decimal mark.
        guard !inFraction else { return nil }
      }
    }
    if fractionDigits == 1 { fraction *= 10 }
    let minor = whole * 100 + fraction + (roundUp ? 1 : 0)
    return minor
  }
}

/// The currency an amount names: a code (`EUR`) or a symbol that may stand for several.
package enum CurrencyMark: Sendable, Hashable {
  /// One currency, by ISO code.
  case code(String)
  /// `$`: any dollar (or peso) currency.
  case dollar
  /// `¥`: yen or yuan.
  case yen

  /// The mark written before or after an amount; nil for letters that are no currency.
  init?(_ text: String) {
    let t = text.uppercased()
    switch t {
    case "$": self = .dollar
    case "¥", "￥": self = .yen
    case "€", "EURO", "EUROS": self = .code("EUR")
    case "£": self = .code("GBP")
    case "₹": self = .code("INR")
    case "₩": self = .code("KRW")
    case "US$": self = .code("USD")
    case "C$", "CA$": self = .code("CAD")
    case "A$", "AU$": self = .code("AUD")
    case "NZ$": self = .code("NZD")
    case "R$": self = .code("BRL")
    case "FR.", "FR": self = .code("CHF")
    default:
      guard t.count == 3, t.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
        return nil
      }
      self = .code(t)
    }
  }

  /// Whether amounts in this mark are in `currency` (the team's ISO code).
  package func fits(_ currency: String) -> Bool {
    switch self {
    case .code(let c): return c == currency
    case .dollar:
      return ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN", "ARS", "CLP", "COP"]
        .contains(currency)
    case .yen: return currency == "JPY" || currency == "CNY"
    }
  }

  /// How messages name it.
  package var name: String {
    switch self {
    case .code(let c): return c
    case .dollar: return "$"
    case .yen: return "¥"
    }
  }
}
