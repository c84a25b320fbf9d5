/// "3 s ago", "5 min ago", "2 h ago", "3 d ago": how long ago something happened.
package enum RelativeTime {
  /// How long before `now` a moment was, in words; "just now" within a second, and
  /// "in …" for moments ahead (a clock that disagrees slightly is not an error).
  package static func ago(_ moment: Timestamp, now: Timestamp) -> String {
    let seconds = (now - moment).milliseconds / 1000
    if seconds < 0 { return "in " + amount(-seconds) }
    if seconds == 0 { return "just now" }
    return amount(seconds) + " ago"
  }

  private static func amount(_ s: Int64) -> String {
    if s < 60 { return "\(s) s" }
    if s < 3600 { return "\(s / 60) min" }
    if s < 86_400 { return "\(s / 3600) h" }
    return "\(s / 86_400) d"
  }
}
