/// What the team did over time, counted as events arrive: new leads per source, MQLs,
/// handoffs, acceptances, wins and revenue, losses, churn, follow-ups, for the team and
/// per member, each a `TimeSeries`; and every acceptance's wait, for the median time to
/// accept. Figures for any period are then binary searches, never scans.
struct Tallies {
  private(set) var series: [SeriesKey: TimeSeries] = [:]
  /// Each acceptance: the minute it happened and how long the lead had waited (s),
  /// sorted by minute.
  private(set) var acceptances: [(at: Int32, seconds: Int32)] = []
  private var medianCache: (key: MedianCacheKey, value: Duration?)?

  init() {}

  /// Tallies restored from a checkpoint's series and acceptances.
  init(series: [SeriesKey: TimeSeries], acceptances: [(at: Int32, seconds: Int32)]) {
    self.series = series
    self.acceptances = acceptances
  }

  /// Counts (sign 1) or takes back (sign -1) what one lead event contributes.
  mutating func count(
    _ kind: EventKind, before: Lead, after: Lead, actor: String, at moment: Timestamp, sign: Int
  ) {
    switch kind {
    case .leadMoved:
      countMove(from: before, to: after, actor: actor, at: moment, sign: sign)
    case .followUpLogged:
      record(.followUps, credit: actor, at: moment, amount: 1, sign: sign)
    default:
      break
    }
  }

  /// Counts a new lead, credited to its owner (else whoever added it).
  mutating func countNewLead(_ lead: Lead, actor: String, at moment: Timestamp) {
    record(.newLeads, credit: lead.owner ?? actor, at: moment, amount: 1, sign: 1)
    add(.source(lead.source), at: moment, amount: 1, sign: 1)
  }

  /// How many occurrences (or, for revenue, how much) a series holds in `[start, end)`.
  func total(_ key: SeriesKey, from start: Timestamp, to end: Timestamp) -> Int64 {
    series[key]?.sum(from: start, to: end) ?? 0
  }

  /// How many occurrences a series holds in `[start, end)` (for revenue: how many wins).
  func occurrences(_ key: SeriesKey, from start: Timestamp, to end: Timestamp) -> Int {
    series[key]?.count(from: start, to: end) ?? 0
  }

  /// New leads per source in `[start, end)`, most first (ties by name).
  func sourceMix(from start: Timestamp, to end: Timestamp) -> [(source: String, count: Int)] {
    var mix: [(source: String, count: Int)] = []
    for case (.source(let name), let s) in series {
      let n = s.count(from: start, to: end)
      if n > 0 { mix.append((name, n)) }
    }
    return mix.sorted { ($0.count, $1.source) > ($1.count, $0.source) }
  }

  /// The median wait before acceptance of the leads accepted in `[start, end]`
  /// (remembered until the data or the window's minutes change).
  mutating func medianTimeToAccept(from start: Timestamp, to end: Timestamp) -> Duration? {
    let lo = TimeSeries.minuteCeiling(start)
    let hi = TimeSeries.minute(end)
    let key = MedianCacheKey(
      start: lo, end: hi, count: acceptances.count, lastMinute: acceptances.last?.at ?? 0)
    if let cached = medianCache, cached.key == key { return cached.value }
    var waits: [Int32] = []
    var i = acceptances.count - 1
    while i >= 0, acceptances[i].at >= lo {
      if acceptances[i].at <= hi { waits.append(acceptances[i].seconds) }
      i -= 1
    }
    var value: Duration?
    if !waits.isEmpty {
      waits.sort()
      let n = waits.count
      let seconds =
        n % 2 == 1 ? Int64(waits[n / 2]) : (Int64(waits[n / 2 - 1]) + Int64(waits[n / 2])) / 2
      value = .seconds(seconds)
    }
    medianCache = (key, value)
    return value
  }

  /// Forgets the remembered median (the zone, and so the windows, changed).
  mutating func forgetMedian() { medianCache = nil }

  private mutating func countMove(
    from before: Lead, to after: Lead, actor: String, at moment: Timestamp, sign: Int
  ) {
    switch (before.stage, after.stage) {
    case (_, .mql):
      record(.mqls, credit: after.owner ?? actor, at: moment, amount: 1, sign: sign)
    case (_, .queued):
      record(.handoffs, credit: before.owner ?? actor, at: moment, amount: 1, sign: sign)
    case (.queued, .accepted):
      record(.accepted, credit: after.owner ?? actor, at: moment, amount: 1, sign: sign)
      let waited = Int32(clamping: (moment - before.stageEnteredAt).milliseconds / 1000)
      let minute = TimeSeries.minute(moment)
      if sign > 0 {
        let i = acceptances.lastIndex(where: { $0.at <= minute }).map { $0 + 1 } ?? 0
        acceptances.insert((minute, waited), at: i)
      } else if let i = acceptances.lastIndex(where: { $0.at == minute && $0.seconds == waited }) {
        acceptances.remove(at: i)
      }
      medianCache = nil
    case (.queued, .nurturing):
      add(.rejected, at: moment, amount: 1, sign: sign)
    case (_, .won):
      record(.won, credit: after.owner ?? actor, at: moment, amount: after.value, sign: sign)
    case (_, .lost):
      add(.lost, at: moment, amount: 1, sign: sign)
    case (_, .churned):
      add(.churned, at: moment, amount: 1, sign: sign)
    default:
      break
    }
  }

  private mutating func record(
    _ metric: Metric, credit: String, at moment: Timestamp, amount: Int64, sign: Int
  ) {
    add(.team(metric), at: moment, amount: amount, sign: sign)
    add(.member(metric, credit), at: moment, amount: amount, sign: sign)
  }

  private mutating func add(_ key: SeriesKey, at moment: Timestamp, amount: Int64, sign: Int) {
    if sign > 0 {
      series[key, default: TimeSeries(tracksAmounts: key.tracksAmounts)].add(
        at: moment, amount: amount)
    } else {
      series[key]?.remove(at: moment, amount: amount)
    }
  }
}

/// The memo key of the median time to accept: the window and the data it saw.
private struct MedianCacheKey: Equatable {
  var start: Int32
  var end: Int32
  var count: Int
  var lastMinute: Int32
}
