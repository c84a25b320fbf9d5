/// Formats and parses amounts kept in minor currency units (cents).
package enum Money {
  /// Parses a major-unit amount as people type it (`12000`, `12,000.50`, `12k`, `1.5m`)
  /// into minor units; nil for anything else, negatives included.
  package static func parse(_ text: String) -> Int64? {
    var body = text.filter { $0 != "," && $0 != "_" }
    var multiplier: Int64 = 100
    if let last = body.last?.lowercased() {
      if last == "k" {
        multiplier = 100_000
        body.removeLast()
      } else if last == "m" {
        multiplier = 100_000_000
        body.removeLast()
      }
    }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let whole = Int64(parts[0]), whole < 10_000_000_000_000
    else { return nil }
    var result = whole * multiplier
    if parts.count == 2 {
      let fraction = parts[1]
      guard !fraction.isEmpty, fraction.count <= 8 else { return nil }
      var scale = multiplier
      for digit in fraction {
        scale /= 10
        guard let d = digit.wholeNumberValue else { return nil }
        if scale == 0 { break }
        result += Int64(d) * scale
      }
    }
    return result
  }

  /// Formats minor units as whole major units with grouping and the currency's symbol:
  /// `$12,400`, `€980`, `CHF 1,200`.
  package static func format(_ minor: Int64, currency: String) -> String {
    symbol(currency) + grouped(minor / 100)
  }

  /// Formats minor units compactly for narrow cells: `$980`, `$12.4k`, `$3.1M`.
  package static func compact(_ minor: Int64, currency: String) -> String {
    let major = minor / 100
    let sign = major < 0 ? "-" : ""
    let a = abs(major)
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

  /// Groups a whole number with commas: `1,234,567`.
  package static func grouped(_ n: Int64) -> String {
    let digits = String(abs(n))
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }

  private static func oneDecimal(_ n: Int64, _ unit: Int64) -> String {
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
