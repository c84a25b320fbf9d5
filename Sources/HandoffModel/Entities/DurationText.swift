/// The duration notation people type and settings keep: `4h`, `90m`, `1h30m`, `2d`,
/// `45s`. (Ages and countdowns as tables show them are presentation:
/// `HandoffPresentation`'s `DurationText.compact` and `countdown`.)
package enum DurationText {
  /// Parses a duration made of one or more `<number><unit>` parts (d, h, m, s).
  package static func parse(_ text: String) -> Duration? {
    var total: Int64 = 0
    var number: Int64?
    var sawPart = false
    for char in text {
      if let digit = char.wholeNumberValue, char.isASCII {
        let (n, overflow) = (number ?? 0).multipliedReportingOverflow(by: 10)
        guard !overflow, n < 1_000_000_000 else { return nil }
        number = n + Int64(digit)
        continue
      }
      guard let n = number else { return nil }
      let unit: Int64
      switch char {
      case "d": unit = 86_400_000
      case "h": unit = 3_600_000
      case "m": unit = 60_000
      case "s": unit = 1000
      default: return nil
      }
      total += n * unit
      number = nil
      sawPart = true
    }
    guard number == nil, sawPart else { return nil }
    return Duration(milliseconds: total)
  }

  /// Formats a duration in its two largest units, e.g. `4h`, `1h30m`, `2d3h`.
  package static func format(_ duration: Duration) -> String {
    var ms = duration.milliseconds
    let sign = ms < 0 ? "-" : ""
    ms = abs(ms)
    let units: [(Int64, String)] = [
      (86_400_000, "d"), (3_600_000, "h"), (60_000, "m"), (1000, "s"),
    ]
    var parts: [String] = []
    for (size, name) in units where ms >= size {
      parts.append(String(ms / size) + name)
      ms %= size
      if parts.count == 2 { break }
    }
    return parts.isEmpty ? "0s" : sign + parts.joined()
  }
}
