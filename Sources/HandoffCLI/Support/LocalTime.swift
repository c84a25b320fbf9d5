import HandoffModel

/// Moments as people read them in a zone: `2026-11-23 14:05`.
enum LocalTime {
  /// Date and minute in the zone.
  static func format(_ moment: Timestamp, zone: Zone) -> String {
    let local = moment.milliseconds + zone.offsetSeconds(at: moment) * 1000
    let day = zone.day(of: moment)
    let (y, m, d) = CivilDate.from(daysSinceEpoch: day)
    let minuteOfDay = (local - day * 86_400_000) / 60_000
    return "\(y)-\(two(m))-\(two(d)) \(two(minuteOfDay / 60)):\(two(minuteOfDay % 60))"
  }

  /// The date alone in the zone.
  static func date(_ moment: Timestamp, zone: Zone) -> String {
    let (y, m, d) = CivilDate.from(daysSinceEpoch: zone.day(of: moment))
    return "\(y)-\(two(m))-\(two(d))"
  }

  private static func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
