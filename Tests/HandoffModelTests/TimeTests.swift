import HandoffHost
import HandoffModel
import Testing

struct TimeTests {
  @Test("ISO 8601 round trip and accepted forms")
  func iso() {
    let t = Timestamp(iso8601: "2026-11-22T14:15:07.123Z")!
    #expect(t.iso8601 == "2026-11-22T14:15:07.123Z")
    #expect(Timestamp(iso8601: "2026-11-22T14:15:07Z")?.milliseconds == t.milliseconds - 123)
    #expect(Timestamp(iso8601: "2026-11-22T16:15:07.123+02:00") == t)
    #expect(Timestamp(iso8601: "2026-11-22")?.iso8601 == "2026-11-22T00:00:00.000Z")
    #expect(Timestamp(iso8601: "1969-12-31T23:59:59.999Z")?.milliseconds == -1)
    #expect(Timestamp(milliseconds: -1).iso8601 == "1969-12-31T23:59:59.999Z")
    // Four-digit years are written on the stack; the rest by the general path.
    for text in [
      "0001-01-01T00:00:00.000Z", "0999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z",
    ] {
      #expect(Timestamp(iso8601: text)?.iso8601 == text)
    }
    let past9999 = Timestamp(iso8601: "9999-12-31T23:59:59.999Z")!.milliseconds + 1
    #expect(Timestamp(milliseconds: past9999).iso8601 == "10000-01-01T00:00:00.000Z")
    #expect(
      Timestamp(milliseconds: 86_400_123).withISO8601 { Array($0) }
        == Array("1970-01-02T00:00:00.123Z".utf8))
    for bad in [
      "", "2026-13-01", "2026-02-30", "2026-11-22T25:00:00Z", "2026-11-22T10:00:00", "tomorrow",
      "2026-11-22Tx",
    ] {
      #expect(Timestamp(iso8601: bad) == nil, "\(bad)")
    }
  }

  @Test(
    "calendar days round trip over four centuries",
    arguments: [-800_000, -1, 0, 59, 10_957, 20_779, 146_097])
  func civil(start: Int64) {
    for day in start..<(start + 400) {
      let (y, m, d) = CivilDate.from(daysSinceEpoch: day)
      #expect(CivilDate.daysSinceEpoch(year: y, month: m, day: d) == day)
    }
  }

  @Test("periods parse, print and bound in a zone")
  func periods() {
    let q = Period("2026-Q4")!
    #expect(q.description == "2026-Q4" && q.next.description == "2027-Q1")
    #expect(Period("2026-02")?.next.description == "2026-03")
    #expect(Period("2026-13") == nil && Period("2026-Q5") == nil && Period("26-01") == nil)
    let berlin = SystemZones().zone(named: "Europe/Berlin")!
    // November 2026 in Berlin starts at 2026-10-31T23:00Z (CET, +1).
    #expect(Period("2026-11")!.start(in: berlin) == Timestamp(iso8601: "2026-10-31T23:00:00Z"))
    // October starts in summer time (+2).
    #expect(Period("2026-10")!.start(in: berlin) == Timestamp(iso8601: "2026-09-30T22:00:00Z"))
    let now = Timestamp(iso8601: "2026-11-16T00:00:00Z")!
    #expect(Period.containing(now, kind: .quarter, zone: .utc) == q)
    #expect(abs(Period("2026-11")!.fractionElapsed(at: now, zone: .utc) - 0.5) < 1e-12)
  }

  @Test("local days follow daylight saving transitions")
  func dst() {
    let ny = SystemZones().zone(named: "America/New_York")!
    // 2026-11-01 06:30Z is 01:30 EST (after the fall-back at 06:00Z), still 1 November.
    let t = Timestamp(iso8601: "2026-11-01T06:30:00Z")!
    #expect(ny.offsetSeconds(at: t) == -5 * 3600)
    #expect(ny.offsetSeconds(at: Timestamp(iso8601: "2026-11-01T05:30:00Z")!) == -4 * 3600)
    #expect(ny.day(of: t) == CivilDate.daysSinceEpoch(year: 2026, month: 11, day: 1))
    #expect(
      ny.startOfDay(CivilDate.daysSinceEpoch(year: 2026, month: 11, day: 2))
        == Timestamp(iso8601: "2026-11-02T05:00:00Z"))
    #expect(Zone(offset: "+05:30")?.offsetSeconds(at: t) == 19_800)
    #expect(SystemZones().zone(named: "Mars/Olympus") == nil)
  }

  @Test("durations, money and relative times read and written the way people write them")
  func text() {
    #expect(DurationText.parse("4h") == .hours(4))
    #expect(DurationText.parse("1h30m") == .minutes(90))
    #expect(DurationText.parse("2d") == .days(2))
    #expect(
      DurationText.parse("h") == nil && DurationText.parse("4") == nil
        && DurationText.parse("4x") == nil)
    #expect(DurationText.format(.minutes(90)) == "1h30m")
    #expect(Money.parse("12000") == 1_200_000)
    #expect(Money.parse("12,000.50") == 1_200_050)
    #expect(Money.parse("12k") == 1_200_000)
    #expect(Money.parse("1.5m") == 150_000_000)
    #expect(Money.parse("-3") == nil && Money.parse("abc") == nil && Money.parse("1.2.3") == nil)
    let now = Timestamp(seconds: 1_000_000)
    #expect(RelativeTime.ago(Timestamp(seconds: 999_997), now: now) == "3 s ago")
    #expect(RelativeTime.ago(Timestamp(seconds: 1_000_000 - 7200), now: now) == "2 h ago")
  }
}
