/// Short human durations: `4h`, `90m`, `1h30m`, `2d`, `45s`.
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

  /// A compact age for tables: `45s`, `12m`, `3h`, `2d`, `5w` (one unit, rounded down).
  package static func compact(_ duration: Duration) -> String {
    let s = max(0, duration.milliseconds / 1000)
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m" }
    if s < 86_400 { return "\(s / 3600)h" }
    if s < 86_400 * 14 { return "\(s / 86_400)d" }
    return "\(s / (86_400 * 7))w"
  }

  /// Like `compact` but with two units where it matters for countdowns: `3h05m`, `42m`, `9s`.
  package static func countdown(_ duration: Duration) -> String {
    let s = abs(duration.milliseconds) / 1000
    let sign = duration.milliseconds < 0 ? "-" : ""
    if s < 60 { return "\(sign)\(s)s" }
    if s < 3600 { return "\(sign)\(s / 60)m" + (s / 60 < 10 ? twoDigits(s % 60) + "s" : "") }
    if s < 86_400 { return "\(sign)\(s / 3600)h" + twoDigits(s / 60 % 60) + "m" }
    return "\(sign)\(s / 86_400)d" + twoDigits(s / 3600 % 24) + "h"
  }

  private static func twoDigits(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
