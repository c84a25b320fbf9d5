import HandoffHost
import HandoffModel
import HandoffPresentation
import Testing

/// Dates, durations, money and ratios as people read them.
struct FormatTests {
  let berlin = SystemZones().zone(named: "Europe/Berlin")!

  @Test("moments in a zone: date and minute, date, clock")
  func moments() {
    let t = Timestamp(iso8601: "2026-11-23T23:05:09Z")!
    #expect(LocalTime.format(t, zone: .utc) == "2026-11-23 23:05")
    #expect(LocalTime.format(t, zone: berlin) == "2026-11-24 00:05")
    #expect(LocalTime.date(t, zone: berlin) == "2026-11-24")
    #expect(LocalTime.clock(t, zone: berlin) == "00:05:09")
    let summer = Timestamp(iso8601: "2026-07-01T09:00:00Z")!
    #expect(LocalTime.clock(summer, zone: berlin) == "11:00:00")
    let early = Timestamp(iso8601: "1969-12-31T23:59:59Z")!
    #expect(LocalTime.format(early, zone: .utc) == "1969-12-31 23:59")
    #expect(LocalTime.clock(early, zone: .utc) == "23:59:59")
  }

  @Test("ages in one unit, countdowns in two, SLAs with + when past")
  func durations() {
    #expect(DurationText.compact(.seconds(45)) == "45s")
    #expect(DurationText.compact(.minutes(12)) == "12m")
    #expect(DurationText.compact(.hours(3) + .minutes(59)) == "3h")
    #expect(DurationText.compact(.days(13)) == "13d")
    #expect(DurationText.compact(.days(15)) == "2w")
    #expect(DurationText.compact(.seconds(-5)) == "0s")
    #expect(DurationText.countdown(.minutes(-5)) == "-5m00s")
    #expect(DurationText.countdown(.hours(3) + .minutes(5)) == "3h05m")
    #expect(DurationText.countdown(.minutes(9) + .seconds(30)) == "9m30s")
    #expect(DurationText.countdown(.minutes(42)) == "42m")
    #expect(DurationText.countdown(.days(2) + .hours(3)) == "2d03h")
    #expect(DurationText.sla(.hours(2) + .minutes(5)) == "2h05m")
    #expect(DurationText.sla(.minutes(-30)) == "+30m")
    #expect(DurationText.sla(Duration(milliseconds: 0)) == "+0s")
  }

  @Test("money in full and compact, with the currency's symbol")
  func money() {
    #expect(Money.format(1_234_567_89, currency: "USD") == "$1,234,567")
    #expect(Money.format(98_000, currency: "CHF") == "CHF 980")
    #expect(Money.compact(1_240_000, currency: "EUR") == "€12.4k")
    #expect(Money.compact(98_000, currency: "USD") == "$980")
    #expect(Money.compact(310_000_000, currency: "GBP") == "£3.1M")
    #expect(Money.compact(-1_200_000, currency: "USD") == "-$12k")
    #expect(Money.compact(.min, currency: "USD") == "-$92233720B")
    #expect(Money.grouped(-1_234_567) == "-1,234,567")
    #expect(Money.grouped(999) == "999")
  }

  @Test("percentages, ratios and multiples, with a mark where there is no figure")
  func ratios() {
    #expect(Format.percent(0.734) == "73%")
    #expect(Format.percent(nil) == "—")
    #expect(Format.percent(nil, none: "-") == "-")
    #expect(Format.percent(.infinity) == "—")
    #expect(Format.oneDecimal(1.45) == "1.5")
    #expect(Format.oneDecimal(143) == "143.0")
    #expect(Format.oneDecimal(-0.26) == "-0.3")
    #expect(Format.oneDecimal(1e20) == "1e+20")
    #expect(Format.times(1.4) == "1.4×")
    #expect(Format.times(.infinity) == "∞")
    #expect(Format.times(nil) == "—")
    #expect(Stage.allCases.allSatisfy { Format.stage($0).count <= 5 })
  }
}
