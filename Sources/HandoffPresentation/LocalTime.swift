import HandoffModel

/// Moments as people read them in a zone: `2026-11-23 14:05`, `2026-11-23`, `14:05:09`.
package enum LocalTime {
  /// Date and minute in the zone: `2026-11-23 14:05`.
  package static func format(_ moment: Timestamp, zone: Zone) -> String {
    date(moment, zone: zone) + " " + clock(moment, zone: zone).prefix(5)
  }

  /// The date alone in the zone: `2026-11-23`.
  package static func date(_ moment: Timestamp, zone: Zone) -> String {
    let (y, m, d) = CivilDate.from(daysSinceEpoch: zone.day(of: moment))
    return "\(y)-\(Format.two(m))-\(Format.two(d))"
  }

  /// The time of day to the second in the zone: `14:05:09`.
  package static func clock(_ moment: Timestamp, zone: Zone) -> String {
    let local = moment.milliseconds + zone.offsetSeconds(at: moment) * 1000
    let ms = ((local % 86_400_000) + 86_400_000) % 86_400_000
    return Format.two(ms / 3_600_000) + ":" + Format.two(ms / 60_000 % 60) + ":"
      + Format.two(ms / 1000 % 60)
  }
}
