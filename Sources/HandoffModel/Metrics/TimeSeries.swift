/// Moments at which something was counted, kept sorted, with running totals of an
/// amount, so that "how many (and how much) between two moments" is two binary
/// searches whatever the time zone or period asked about.
///
/// Moments are kept at minute precision (every period boundary in every zone falls on
/// a whole minute) in 32 bits, which covers the years 1970–6053.
package struct TimeSeries: Sendable {
  /// The minutes counted, ascending.
  package private(set) var minutes: [Int32] = []
  /// Running totals of amounts: `totals[i]` is the sum of the first `i + 1` amounts.
  /// Empty when every amount is 1 (plain counts), which saves the memory.
  private var totals: [Int64] = []
  /// Whether amounts (revenue) are summed, not only occurrences counted.
  package let tracksAmounts: Bool

  init(tracksAmounts: Bool = false) { self.tracksAmounts = tracksAmounts }

  /// A series restored from a checkpoint.
  package init(minutes: [Int32], totals: [Int64], tracksAmounts: Bool) {
    self.minutes = minutes
    self.totals = totals
    self.tracksAmounts = tracksAmounts
  }

  /// The running totals, for a checkpoint.
  package var runningTotals: [Int64] { totals }

  var count: Int { minutes.count }

  /// Records one occurrence at a moment, with an amount when amounts are tracked.
  mutating func add(at moment: Timestamp, amount: Int64 = 1) {
    let m = TimeSeries.minute(moment)
    if minutes.last.map({ $0 <= m }) ?? true {
      minutes.append(m)
      if tracksAmounts { totals.append((totals.last ?? 0) + amount) }
      return
    }
    let i = upperBound(m)
    minutes.insert(m, at: i)
    if tracksAmounts {
      totals.insert((i > 0 ? totals[i - 1] : 0) + amount, at: i)
      for j in (i + 1)..<totals.count { totals[j] += amount }
    }
  }

  /// Takes back one occurrence recorded at a moment with an amount; false when none.
  @discardableResult
  mutating func remove(at moment: Timestamp, amount: Int64 = 1) -> Bool {
    let m = TimeSeries.minute(moment)
    var i = lowerBound(m)
    while i < minutes.count, minutes[i] == m {
      if !tracksAmounts || self.amount(at: i) == amount {
        minutes.remove(at: i)
        if tracksAmounts {
          totals.remove(at: i)
          for j in i..<totals.count { totals[j] -= amount }
        }
        return true
      }
      i += 1
    }
    return false
  }

  /// How many occurrences fall in `[start, end)`.
  func count(from start: Timestamp, to end: Timestamp) -> Int {
    let (a, b) = bounds(start, end)
    return b - a
  }

  /// The sum of amounts in `[start, end)` (the count when amounts are not tracked).
  func sum(from start: Timestamp, to end: Timestamp) -> Int64 {
    let (a, b) = bounds(start, end)
    guard tracksAmounts else { return Int64(b - a) }
    return (b > 0 ? totals[b - 1] : 0) - (a > 0 ? totals[a - 1] : 0)
  }

  private func amount(at i: Int) -> Int64 { totals[i] - (i > 0 ? totals[i - 1] : 0) }

  private func bounds(_ start: Timestamp, _ end: Timestamp) -> (Int, Int) {
    // Minutes round down, so an occurrence at 23:59:30 stays before a midnight boundary.
    let a = lowerBound(TimeSeries.minuteCeiling(start))
    let b = lowerBound(TimeSeries.minuteCeiling(end))
    return (a, max(a, b))
  }

  private func lowerBound(_ m: Int32) -> Int {
    var lo = 0
    var hi = minutes.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if minutes[mid] < m { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  private func upperBound(_ m: Int32) -> Int {
    var lo = 0
    var hi = minutes.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if minutes[mid] <= m { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  static func minute(_ t: Timestamp) -> Int32 {
    Int32(clamping: t.milliseconds.floorDivided(by: 60_000).quotient)
  }

  static func minuteCeiling(_ t: Timestamp) -> Int32 {
    let (q, r) = t.milliseconds.floorDivided(by: 60_000)
    return Int32(clamping: r == 0 ? q : q + 1)
  }
}
