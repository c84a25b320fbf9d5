import HandoffModel

/// Amounts kept in minor units (cents) as people read them. (Amounts as people type
/// them are read by the model's `Money.parse`.)
extension Money {
  /// Whole major units with grouping and the currency's symbol: `$12,400`, `€980`,
  /// `CHF 1,200`.
  package static func format(_ minor: Int64, currency: String) -> String {
    symbol(currency) + grouped(minor / 100)
  }

  /// Compact, for narrow cells: `$980`, `$12.4k`, `$3.1M`.
  package static func compact(_ minor: Int64, currency: String) -> String {
    let major = minor / 100
    let sign = major < 0 ? "-" : ""
    let a = major.magnitude
    let body: String
    if a < 10_000 {
      body = String(a)
    } else if a < 1_000_000 {
      body = oneDecimal(a, 1000) + "k"
    } else if a < 1_000_000_000 {
      body = oneDecimal(a, 1_000_000) + "M"
    } else {
      body = oneDecimal(a, 1_000_000_000) + "B"
    }
    return sign + symbol(currency) + body
  }

  /// A whole number grouped with commas: `1,234,567`.
  package static func grouped(_ n: Int64) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }

  /// `12.4` of a unit, or `12` when the tenth is zero or the number is large.
  private static func oneDecimal(_ n: UInt64, _ unit: UInt64) -> String {
    let tenths = n * 10 / unit
    return tenths % 10 == 0 || tenths >= 1000
      ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
  }

  private static func symbol(_ currency: String) -> String {
    switch currency {
    case "USD": return "$"
    case "EUR": return "€"
    case "GBP": return "£"
    case "JPY": return "¥"
    default: return currency + " "
    }
  }
}
