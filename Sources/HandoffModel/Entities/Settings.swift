/// Team-wide settings, changed by `setting.changed` events.
package struct Settings: Sendable, Equatable {
  /// How long a queued lead may wait for sales to accept it.
  package var acceptanceSLA: Duration = .hours(4)
  /// Days without activity after which an open sales lead is stale.
  package var staleDays: Int = 14
  /// Days between follow-ups with a customer.
  package var followUpDays: Int = 30
  /// ISO 4217 code of the currency values are kept in (minor units).
  package var currency: String = "USD"
  /// Whether targets count by month or by quarter.
  package var periodKind: PeriodKind = .month
  /// The zone identifier, or `nil` for the machine's local zone.
  package var timeZone: String?

  /// The defaults of DESIGN.md.
  package init() {}

  /// The keys `setting.changed` events and `handoff settings` accept.
  package static let keys = [
    "sla", "stale-days", "followup-days", "currency", "period", "timezone",
  ]

  /// The value of a key as text, as `handoff settings` shows it.
  package func value(of key: String) -> String? {
    switch key {
    case "sla": return DurationText.format(acceptanceSLA)
    case "stale-days": return String(staleDays)
    case "followup-days": return String(followUpDays)
    case "currency": return currency
    case "period": return periodKind.rawValue
    case "timezone": return timeZone ?? "local"
    default: return nil
    }
  }

  /// Sets a key from text, or explains in one line why the value is not accepted; a
  /// zone name must be one `zones` knows.
  package mutating func set(_ key: String, to text: String, zones: any ZoneDatabase)
    throws(ModelError)
  {
    switch key {
    case "sla":
      guard let d = DurationText.parse(text), d.milliseconds > 0 else {
        throw .invalidValue(field: "sla", value: text, expected: "a duration such as 4h, 90m or 1d")
      }
      acceptanceSLA = d
    case "stale-days", "followup-days":
      guard let n = Int(text), (1...3650).contains(n) else {
        throw .invalidValue(
          field: key, value: text, expected: "a whole number of days from 1 to 3650")
      }
      if key == "stale-days" { staleDays = n } else { followUpDays = n }
    case "currency":
      let upper = text.uppercased()
      guard upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else {
        throw .invalidValue(
          field: "currency", value: text, expected: "a three-letter code such as USD or EUR")
      }
      currency = upper
    case "period":
      guard let kind = PeriodKind(rawValue: text) else {
        throw .invalidValue(field: "period", value: text, expected: "month or quarter")
      }
      periodKind = kind
    case "timezone":
      if text == "local" {
        timeZone = nil
      } else {
        guard zones.zone(named: text) != nil else {
          throw .invalidValue(
            field: "timezone", value: text, expected: "a zone such as Europe/Berlin, UTC or local")
        }
        timeZone = text
      }
    default:
      throw .unknownSetting(key)
    }
  }
}
