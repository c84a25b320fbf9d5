/// Amounts kept in minor currency units (cents), as people type them. (How they are
/// shown is presentation: `HandoffPresentation`'s `Money.format` and `compact`.)
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
}
