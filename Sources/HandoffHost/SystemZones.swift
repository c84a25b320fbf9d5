import Foundation
import HandoffModel

/// The machine's time zones, from the system's zone database (through Foundation): the
/// `ZoneDatabase` the edge hands the model.
package struct SystemZones: ZoneDatabase {
  /// The zone this machine is set to (`TZ`, `/etc/localtime`); UTC when it has none.
  package let local: Zone

  /// The machine's zones, its own read now.
  package init() {
    local = SystemZones.named(TimeZone.current.identifier) ?? .utc
  }

  /// A zone by IANA identifier (`Europe/Berlin`), abbreviation (`UTC`) or offset
  /// (`+02:00`); nil when the name is unknown.
  package func zone(named identifier: String) -> Zone? { SystemZones.named(identifier) }

  private static func named(_ identifier: String) -> Zone? {
    if let zone = TimeZone(identifier: identifier) {
      return Zone(identifier: identifier, rules: SystemZoneRules(zone))
    }
    return Zone(offset: identifier)
  }
}

/// One zone's offsets, asked of Foundation and cached per span between daylight-saving
/// transitions, so mapping a million event times to local days asks Foundation only a
/// handful of times.
final class SystemZoneRules: ZoneRules, @unchecked Sendable {
  private let timeZone: TimeZone
  private let lock = NSLock()
  private var spans: [OffsetSpan] = []
  private var lastSpan: OffsetSpan?

  init(_ timeZone: TimeZone) { self.timeZone = timeZone }

  func offsetSeconds(at moment: Timestamp) -> Int64 {
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
