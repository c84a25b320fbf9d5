/// Moments as people type them for something ahead: a date (`2026-12-01`, the start of
/// that day in the zone), a moment in ISO 8601, or a time from now (`3d`, `12h`,
/// `1d12h`). The CLI's `--next` and the dashboard's follow-up prompt read dates so.
package enum MomentText {
  /// The moment the text names; nil for anything else.
  package static func parse(_ text: String, now: Timestamp, zone: Zone) -> Timestamp? {
    if let d = DurationText.parse(text) { return now + d }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
      let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]),
      parts[0].count == 4, (1...12).contains(m),
      (1...CivilDate.daysIn(month: m, year: y)).contains(d)
    {
      return zone.startOfDay(CivilDate.daysSinceEpoch(year: y, month: m, day: d))
    }
    return Timestamp(iso8601: text)
  }
}
