extension Pipeline {
  /// Counts (sign 1) or takes back (sign -1) what one event contributes to the
  /// running series: new leads, MQLs, handoffs, acceptances, wins, follow-ups…
  func countContributions(
    of kind: EventKind, before: Lead, after: Lead, actor: String, at moment: Timestamp, sign: Int
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

  /// Counts a new lead (or takes one back).
  func count(_ metric: Metric, for lead: Lead, before: Lead?, event: Event, sign: Int) {
    record(metric, credit: lead.owner ?? event.actor, at: event.at, amount: 1, sign: sign)
    addToSeries(.source(lead.source), at: event.at, amount: 1, sign: sign)
  }

  private func countMove(
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
      addToSeries(.rejected, at: moment, amount: 1, sign: sign)
    case (_, .won):
      record(.won, credit: after.owner ?? actor, at: moment, amount: after.value, sign: sign)
    case (_, .lost):
      addToSeries(.lost, at: moment, amount: 1, sign: sign)
    case (_, .churned):
      addToSeries(.churned, at: moment, amount: 1, sign: sign)
    default:
      break
    }
  }

  private func record(
    _ metric: Metric, credit: String, at moment: Timestamp, amount: Int64, sign: Int
  ) {
    addToSeries(.team(metric), at: moment, amount: amount, sign: sign)
    addToSeries(.member(metric, credit), at: moment, amount: amount, sign: sign)
  }

  private func addToSeries(_ key: SeriesKey, at moment: Timestamp, amount: Int64, sign: Int) {
    if sign > 0 {
      series[key, default: TimeSeries(tracksAmounts: key.tracksAmounts)].add(
        at: moment, amount: amount)
    } else {
      series[key]?.remove(at: moment, amount: amount)
    }
  }

  /// How many occurrences (or, for revenue, how much) a series holds in `[start, end)`.
  func total(_ key: SeriesKey, from start: Timestamp, to end: Timestamp) -> Int64 {
    series[key]?.sum(from: start, to: end) ?? 0
  }

  /// How many occurrences a series holds in `[start, end)` (for revenue: how many wins).
  func occurrences(_ key: SeriesKey, from start: Timestamp, to end: Timestamp) -> Int {
    series[key]?.count(from: start, to: end) ?? 0
  }
}
