import HandoffModel
import HandoffText

/// Turning words typed on the command line into model values, each failing with a
/// usage error that says what was expected.
enum Values {
  /// A lead id such as `1042`.
  static func leadID(_ text: String) throws(CLIError) -> Int {
    let trimmed = text.hasPrefix("#") ? String(text.dropFirst()) : text
    guard let id = Int(trimmed), id > 0 else {
      throw .usage(
        "lead id '\(UntrustedTextCLI.safe(text))' is not valid: expected a number such as 1042")
    }
    return id
  }

  /// A member handle of the right form (whether it names a member is the model's to say).
  static func handle(_ text: String) throws(CLIError) {
    do {
      try Validate.handle(text)
    } catch {
      throw .usage(UntrustedTextCLI.safe(error.description))
    }
  }

  /// A whole number in a range.
  static func integer(_ text: String, _ what: String, in range: ClosedRange<Int>) throws(CLIError)
    -> Int
  {
    guard let n = Int(text), range.contains(n) else {
      throw .usage(
        "\(what) '\(UntrustedTextCLI.safe(text))' is not valid: expected a whole number from \(range.lowerBound) to \(range.upperBound)"
      )
    }
    return n
  }

  /// An amount typed in major currency units (`12000`, `12k`, `1.5m`), in minor units.
  static func money(_ text: String, _ what: String = "value") throws(CLIError) -> Int64 {
    guard let v = Money.parse(text) else {
      throw .usage(
        "\(what) '\(UntrustedTextCLI.safe(text))' is not valid: expected an amount such as 12000, 12,000.50, 12k or 1.5m"
      )
    }
    return v
  }

  /// A stage by name.
  static func stage(_ text: String) throws(CLIError) -> Stage {
    guard let s = Stage(rawValue: text.lowercased()) else {
      throw .usage(
        "no stage '\(UntrustedTextCLI.safe(text))'"
          + Suggestion.hint(for: text.lowercased(), in: Stage.allCases.map(\.rawValue))
          + " (stages: \(Stage.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    return s
  }

  /// A department by name.
  static func department(_ text: String) throws(CLIError) -> Department {
    guard let d = Department(rawValue: text.lowercased()) else {
      throw .usage(
        "no department '\(UntrustedTextCLI.safe(text))': expected marketing or sales")
    }
    return d
  }

  /// A member's role by name.
  static func role(_ text: String) throws(CLIError) -> Role {
    guard let r = Role(rawValue: text.lowercased()) else {
      throw .usage("no role '\(UntrustedTextCLI.safe(text))': expected member or manager")
    }
    return r
  }

  /// A target metric by name.
  static func metric(_ text: String) throws(CLIError) -> Metric {
    guard let m = Metric(rawValue: text.lowercased()) else {
      let names = Metric.allCases.map(\.rawValue)
      throw .usage(
        "no metric '\(UntrustedTextCLI.safe(text))'"
          + Suggestion.hint(for: text.lowercased(), in: names)
          + " (metrics: \(names.joined(separator: ", ")))")
    }
    return m
  }

  /// `on`/`off` (also yes/no, true/false).
  static func onOff(_ text: String, _ what: String) throws(CLIError) -> Bool {
    switch text.lowercased() {
    case "on", "yes", "true": return true
    case "off", "no", "false": return false
    default:
      throw .usage("\(what) '\(UntrustedTextCLI.safe(text))' is not valid: expected on or off")
    }
  }

  /// A month (`2026-11`), a quarter (`2026-Q4`), or `current`/`next` of the settings' kind.
  static func period(_ text: String?, pipeline: Pipeline, now: Timestamp) throws(CLIError)
    -> Period
  {
    let current = pipeline.currentPeriod(at: now)
    guard let text, text != "current" else { return current }
    if text == "next" { return current.next }
    guard let p = Period(text) else {
      throw .usage(
        "period '\(UntrustedTextCLI.safe(text))' is not valid: expected a month such as 2026-11, a quarter such as 2026-Q4, current or next"
      )
    }
    return p
  }

  /// A date (`2026-12-01`, the start of that day in the zone), a moment in ISO 8601,
  /// or a time from now (`3d`, `12h`, `1d12h`).
  static func date(_ text: String, now: Timestamp, zone: Zone) throws(CLIError) -> Timestamp {
    if let moment = MomentText.parse(text, now: now, zone: zone) { return moment }
    throw .usage(
      "date '\(UntrustedTextCLI.safe(text))' is not valid: expected a date such as 2026-12-01 or a time from now such as 3d"
    )
  }

  /// A moment counted back from now, for `--since` and `--at`: `now`, `today`,
  /// `yesterday` (the start of that day in the zone), a date (`2026-12-01`, the start of
  /// that day), a date and time (`2026-12-01 14:00` or `2026-12-01T14:00` in the zone;
  /// with `Z` or an offset as written), or a span back (`3d`, `12h`, `2w`, `1d12h`).
  static func moment(_ text: String, _ what: String, now: Timestamp, zone: Zone) throws(CLIError)
    -> Timestamp
  {
    let today = zone.day(of: now)
    switch text.lowercased() {
    case "now": return now
    case "today": return zone.startOfDay(today)
    case "yesterday": return zone.startOfDay(today - 1)
    default: break
    }
    if text.hasSuffix("w"), let weeks = Int64(text.dropLast()), weeks >= 0, weeks < 10_000 {
      return now - .days(weeks * 7)
    }
    if let back = DurationText.parse(text) { return now - back }
    if let local = Timestamp(iso8601: text + "Z"), text.count > 10 {
      // A date and time with no zone of its own: a wall-clock time in the team's zone.
      let ms = local.milliseconds
      let intoDay = (ms % 86_400_000 + 86_400_000) % 86_400_000
      return zone.startOfDay((ms - intoDay) / 86_400_000) + Duration(milliseconds: intoDay)
    }
    if let t = try? date(text, now: now, zone: zone) { return t }
    throw .usage(
      "\(what) '\(UntrustedTextCLI.safe(text))' is not valid: expected yesterday, a date such as 2026-12-01, a date and time such as '2026-12-01 14:00', or a span back such as 7d or 2w"
    )
  }

  /// A duration such as `30s`, `5m`, `1h30m`.
  static func duration(_ text: String, _ what: String) throws(CLIError) -> Duration {
    guard let d = DurationText.parse(text), d.milliseconds > 0 else {
      throw .usage(
        "\(what) '\(UntrustedTextCLI.safe(text))' is not valid: expected a duration such as 30s, 5m or 1h"
      )
    }
    return d
  }
}
