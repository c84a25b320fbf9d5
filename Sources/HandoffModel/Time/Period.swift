/// Whether targets and "this period" figures count by month or by quarter.
package enum PeriodKind: String, Sendable, CaseIterable {
  case month, quarter
}

/// A calendar month or quarter, e.g. `2026-11` or `2026-Q4`.
package struct Period: Hashable, Sendable, CustomStringConvertible {
  /// Month or quarter.
  package var kind: PeriodKind
  /// The calendar year.
  package var year: Int
  /// 1–12 for a month, 1–4 for a quarter.
  package var index: Int

  /// Creates a period; `index` is 1–12 for months, 1–4 for quarters.
  package init(kind: PeriodKind, year: Int, index: Int) {
    self.kind = kind
    self.year = year
    self.index = index
  }

  /// Parses `2026-11` (a month) or `2026-Q4` (a quarter).
  package init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    // Four ASCII digits exactly (`Int` alone would take "+506" or "-506"), so that
    // every period read prints back as the same text.
    guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
      let year = Int(parts[0])
    else { return nil }
    let rest = parts[1]
    if rest.first == "Q" || rest.first == "q" {
      guard rest.count == 2, let q = Int(rest.dropFirst()), (1...4).contains(q) else { return nil }
      self.init(kind: .quarter, year: year, index: q)
    } else {
      guard rest.count == 2, let m = Int(rest), (1...12).contains(m) else { return nil }
      self.init(kind: .month, year: year, index: m)
    }
  }

  /// The period of a kind that contains a moment, in a zone.
  package static func containing(_ moment: Timestamp, kind: PeriodKind, zone: Zone) -> Period {
    let (year, month, _) = CivilDate.from(daysSinceEpoch: zone.day(of: moment))
    switch kind {
    case .month: return Period(kind: .month, year: Int(year), index: Int(month))
    case .quarter: return Period(kind: .quarter, year: Int(year), index: Int((month - 1) / 3 + 1))
    }
  }

  /// `2026-11` or `2026-Q4`.
  package var description: String {
    // Years below 1000 keep their leading zeros: "0506-11" must read back.
    let y = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
    switch kind {
    case .month: return y + "-" + (index < 10 ? "0" : "") + String(index)
    case .quarter: return y + "-Q" + String(index)
    }
  }

  /// The first local day of the period (days since 1970-01-01).
  package var firstDay: Int64 {
    let month = kind == .month ? index : (index - 1) * 3 + 1
    return CivilDate.daysSinceEpoch(year: Int64(year), month: Int64(month), day: 1)
  }

  /// The first local day after the period.
  package var endDay: Int64 { next.firstDay }

  /// The period that follows this one.
  package var next: Period {
    let count = kind == .month ? 12 : 4
    return index == count
      ? Period(kind: kind, year: year + 1, index: 1)
      : Period(kind: kind, year: year, index: index + 1)
  }

  /// The first moment of the period in a zone.
  package func start(in zone: Zone) -> Timestamp { zone.startOfDay(firstDay) }

  /// The first moment after the period in a zone.
  package func end(in zone: Zone) -> Timestamp { zone.startOfDay(endDay) }

  /// How much of the period has passed at a moment, from 0 to 1.
  package func fractionElapsed(at moment: Timestamp, zone: Zone) -> Double {
    let start = start(in: zone).milliseconds
    let end = end(in: zone).milliseconds
    guard end > start else { return 1 }
    return min(1, max(0, Double(moment.milliseconds - start) / Double(end - start)))
  }
}
