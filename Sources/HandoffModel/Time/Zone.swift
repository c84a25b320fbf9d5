/// A time zone as the model uses it: local calendar days for counting and periods.
///
/// A value made of a name and the zone's rules (its UTC offset at any moment). The model
/// reads no zone database: UTC and fixed offsets it knows itself, every other zone comes
/// from the `ZoneDatabase` the edge hands in (`SystemZones` reads the system's).
package struct Zone: Sendable {
  /// The zone's identifier, e.g. `Europe/Berlin`, `UTC` or `+02:00`.
  package let identifier: String
  private let rules: any ZoneRules

  /// A zone named `identifier` whose offsets `rules` give.
  package init(identifier: String, rules: any ZoneRules) {
    self.identifier = identifier
    self.rules = rules
  }

  /// Coordinated Universal Time.
  package static let utc = Zone(identifier: "UTC", rules: FixedOffset(seconds: 0))

  /// A zone at a fixed offset written `+HH:MM` or `-HH:MM`; nil for any other text.
  package init?(offset text: String) {
    let chars = Array(text)
    guard chars.count == 6, chars[0] == "+" || chars[0] == "-", chars[3] == ":",
      let h = Int(String(chars[1...2])), let m = Int(String(chars[4...5])), h < 24, m < 60
    else { return nil }
    let seconds = Int64((chars[0] == "-" ? -1 : 1) * (h * 3600 + m * 60))
    self.init(identifier: text, rules: FixedOffset(seconds: seconds))
  }

  /// Seconds east of UTC at a moment.
  package func offsetSeconds(at moment: Timestamp) -> Int64 { rules.offsetSeconds(at: moment) }

  /// The local day number (days since 1970-01-01 in this zone) of a moment.
  package func day(of moment: Timestamp) -> Int64 {
    (moment.milliseconds + offsetSeconds(at: moment) * 1000).floorDivided(by: 86_400_000).quotient
  }

  /// The first moment of a local day.
  package func startOfDay(_ day: Int64) -> Timestamp {
    // The offset at local midnight may differ from the offset at UTC midnight; two
    // refinements settle it (transitions are never less than a day apart).
    let localMidnight = day * 86_400_000
    var guess = Timestamp(
      milliseconds: localMidnight - offsetSeconds(at: Timestamp(milliseconds: localMidnight)) * 1000
    )
    guess = Timestamp(milliseconds: localMidnight - offsetSeconds(at: guess) * 1000)
    return guess
  }
}

/// How a zone's UTC offset varies over time: what a zone database knows about one zone.
package protocol ZoneRules: Sendable {
  /// Seconds east of UTC at a moment.
  func offsetSeconds(at moment: Timestamp) -> Int64
}

/// The rules of a zone that never changes its offset (UTC, `+05:30`).
package struct FixedOffset: ZoneRules {
  /// Seconds east of UTC.
  package let seconds: Int64

  package init(seconds: Int64) { self.seconds = seconds }

  package func offsetSeconds(at moment: Timestamp) -> Int64 { seconds }
}
