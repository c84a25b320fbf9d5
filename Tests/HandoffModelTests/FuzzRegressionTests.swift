import Testing

@testable import HandoffModel

/// Inputs the fuzzers (scripts/fuzz.sh) found crashing, kept so they never come back.
struct FuzzRegressionTests {
  @Test(
    "a time with 4 to 9 fraction digits parses, truncated to milliseconds",
    arguments: [
      ("2026-09-07T18:10:13.7381Z", Int64(738)),
      ("2026-09-07T18:10:13.738123Z", 738),
      ("2026-09-07T18:10:13.738123456Z", 738),
      ("2026-09-07T18:10:13.7Z", 700),
    ])
  func fractionDigits(text: String, millis: Int64) throws {
    let t = try #require(Timestamp(iso8601: text))
    let whole = try #require(Timestamp(iso8601: "2026-09-07T18:10:13Z"))
    #expect(t.milliseconds - whole.milliseconds == millis)
  }

  @Test("a time with more than 9 fraction digits is refused, not a crash")
  func tooManyFractionDigits() {
    #expect(Timestamp(iso8601: "2026-09-07T18:10:13.7381234567Z") == nil)
  }

  @Test(
    "a period prints back as text that parses to the same period",
    arguments: ["0506-11", "0001-Q1", "2026-11", "9999-Q4"])
  func periodRoundTrip(text: String) throws {
    let period = try #require(Period(text))
    #expect(period.description == text)
    #expect(Period(period.description) == period)
  }

  @Test(
    "a period's year is four digits, without a sign", arguments: ["+506-11", "-506-11", "+999-Q1"])
  func signedYear(text: String) {
    #expect(Period(text) == nil)
  }
}
