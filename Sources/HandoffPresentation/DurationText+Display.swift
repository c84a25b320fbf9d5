import HandoffModel

/// Durations as tables and countdowns show them. (The notation people type and the
/// settings keep, `1h30m`, is read and written by the model's `DurationText.parse`
/// and `format`.)
extension DurationText {
  /// A compact age for tables: `45s`, `12m`, `3h`, `2d`, `5w` (one unit, rounded down).
  package static func compact(_ duration: Duration) -> String {
    let s = max(0, duration.milliseconds / 1000)
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m" }
    if s < 86_400 { return "\(s / 3600)h" }
    if s < 86_400 * 14 { return "\(s / 86_400)d" }
    return "\(s / (86_400 * 7))w"
  }

  /// Like `compact` but with two units where it matters for countdowns: `3h05m`,
  /// `9m30s`, `42m`, `9s`, and `-5m00s` past zero.
  package static func countdown(_ duration: Duration) -> String {
    let s = abs(duration.milliseconds) / 1000
    let sign = duration.milliseconds < 0 ? "-" : ""
    if s < 60 { return "\(sign)\(s)s" }
    if s < 3600 { return "\(sign)\(s / 60)m" + (s / 60 < 10 ? Format.two(s % 60) + "s" : "") }
    if s < 86_400 { return "\(sign)\(s / 3600)h" + Format.two(s / 60 % 60) + "m" }
    return "\(sign)\(s / 86_400)d" + Format.two(s / 3600 % 24) + "h"
  }

  /// An SLA's time left (`2h05m`), or how long it is past with a `+` (`+30m`).
  package static func sla(_ remaining: Duration) -> String {
    remaining.milliseconds > 0
      ? countdown(remaining) : "+" + countdown(Duration(milliseconds: -remaining.milliseconds))
  }
}
