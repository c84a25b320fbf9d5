import Foundation

/// A time zone as the model uses it: local calendar days for counting and periods.
///
/// Offsets are cached per span between daylight-saving transitions, so mapping a
/// million event times to local days asks Foundation only a handful of times.
public final class Zone: @unchecked Sendable {
  /// The zone's identifier, e.g. `Europe/Berlin`, or `UTC`.
  public let identifier: String
  private let timeZone: TimeZone
  private let lock = NSLock()
  private var spans: [OffsetSpan] = []
  private var lastSpan: OffsetSpan?

  /// A zone by IANA identifier (`Europe/Berlin`), abbreviation (`UTC`) or offset
  /// (`+02:00`); nil when the name is unknown.
  public init?(identifier: String) {
    if let zone = TimeZone(identifier: identifier) {
      timeZone = zone
    } else if let seconds = Zone.parseOffset(identifier),
      let zone = TimeZone(secondsFromGMT: seconds)
    {
      timeZone = zone
    } else {
      return nil
    }
    self.identifier = identifier
  }

  private init(timeZone: TimeZone, identifier: String) {
    self.timeZone = timeZone
    self.identifier = identifier
  }

  /// The zone of this machine.
  public static func local() -> Zone {
    let id = TimeZone.current.identifier
    return Zone(identifier: id) ?? utc
  }

  /// Coordinated Universal Time.
  public static let utc = Zone(timeZone: .gmt, identifier: "UTC")

  /// Seconds east of UTC at a moment.
  public func offsetSeconds(at moment: Timestamp) -> Int64 {
    lock.withLock {
      if let span = lastSpan, span.contains(moment) { return span.offset }
      if let span = spans.first(where: { $0.contains(moment) }) {
        lastSpan = span
        return span.offset
      }
      let span = makeSpan(around: moment)
      spans.append(span)
      lastSpan = span
      return span.offset
    }
  }

  /// The local day number (days since 1970-01-01 in this zone) of a moment.
  public func day(of moment: Timestamp) -> Int64 {
    (moment.milliseconds + offsetSeconds(at: moment) * 1000).floorDivided(by: 86_400_000).quotient
  }

  /// The first moment of a local day.
  public func startOfDay(_ day: Int64) -> Timestamp {
    // The offset at local midnight may differ from the offset at UTC midnight; two
    // refinements settle it (transitions are never less than a day apart).
    let localMidnight = day * 86_400_000
    var guess = Timestamp(
      milliseconds: localMidnight - offsetSeconds(at: Timestamp(milliseconds: localMidnight)) * 1000
    )
    guess = Timestamp(milliseconds: localMidnight - offsetSeconds(at: guess) * 1000)
    return guess
  }

  private func makeSpan(around moment: Timestamp) -> OffsetSpan {
    let date = Date(timeIntervalSince1970: Double(moment.milliseconds) / 1000)
    let offset = Int64(timeZone.secondsFromGMT(for: date))
    // Search back and forward for transitions; a zone without DST gets one endless span.
    let back = date.addingTimeInterval(-366 * 86_400)
    var start = Int64.min
    var cursor = back
    while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next <= date {
      start = Int64((next.timeIntervalSince1970 * 1000).rounded())
      cursor = next
    }
    if start == Int64.min, timeZone.nextDaylightSavingTimeTransition(after: back) != nil {
      start = Int64((back.timeIntervalSince1970 * 1000).rounded())
    }
    var end = Int64.max
    if let next = timeZone.nextDaylightSavingTimeTransition(after: date) {
      end = Int64((next.timeIntervalSince1970 * 1000).rounded())
    }
    return OffsetSpan(start: start, end: end, offset: offset)
  }

  private static func parseOffset(_ text: String) -> Int? {
    let chars = Array(text)
    guard chars.count == 6, chars[0] == "+" || chars[0] == "-", chars[3] == ":",
      let h = Int(String(chars[1...2])), let m = Int(String(chars[4...5])), h < 24, m < 60
    else { return nil }
    return (chars[0] == "-" ? -1 : 1) * (h * 3600 + m * 60)
  }
}

/// A span of time with one UTC offset.
private struct OffsetSpan {
  var start: Int64
  var end: Int64
  var offset: Int64

  func contains(_ moment: Timestamp) -> Bool {
    moment.milliseconds >= start && moment.milliseconds < end
  }
}
