/// Marketing's numbers: what is in its stages, what flows in, what came back.
package struct MarketingFigures: Sendable, Equatable {
  /// Leads in `new`, `nurturing` and `mql`.
  package var new: Int
  package var nurturing: Int
  package var mql: Int
  /// New leads per local day, oldest first, ending today (14 days).
  package var inflow: [Int]
  /// New leads per source over the same days, most first.
  package var sourceMix: [(source: String, count: Int)]
  /// Leads sent back by sales and still in nurturing.
  package var recycledWaiting: Int
  /// The most common reasons among them, most first (up to three).
  package var topReasons: [(reason: String, count: Int)]
  /// MQLs this period, and the team's (or marketing's) target for them.
  package var mqlsThisPeriod: Int64
  package var mqlTarget: Int64?

  package static func == (a: MarketingFigures, b: MarketingFigures) -> Bool {
    a.new == b.new && a.nurturing == b.nurturing && a.mql == b.mql && a.inflow == b.inflow
      && a.sourceMix.elementsEqual(b.sourceMix, by: { $0 == $1 })
      && a.recycledWaiting == b.recycledWaiting
      && a.topReasons.elementsEqual(b.topReasons, by: { $0 == $1 })
      && a.mqlsThisPeriod == b.mqlsThisPeriod && a.mqlTarget == b.mqlTarget
  }
}

extension MarketingFigures {
  /// Marketing's numbers in `pipeline` at a moment.
  package init(_ pipeline: Pipeline, at now: Timestamp) {
    let zone = pipeline.zone
    let tallies = pipeline.tallies
    let today = zone.day(of: now)
    var inflow: [Int] = []
    for day in (today - 13)...today {
      inflow.append(
        tallies.occurrences(
          .team(.newLeads), from: zone.startOfDay(day), to: zone.startOfDay(day + 1)))
    }
    let reasons = pipeline.counts.recycledWaiting.map { (reason: $0.key, count: $0.value) }
      .sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
    let period = pipeline.currentPeriod(at: now)
    self.init(
      new: pipeline.count(in: .new), nurturing: pipeline.count(in: .nurturing),
      mql: pipeline.count(in: .mql), inflow: inflow,
      sourceMix: tallies.sourceMix(
        from: zone.startOfDay(today - 13), to: zone.startOfDay(today + 1)),
      recycledWaiting: reasons.reduce(0) { $0 + $1.count }, topReasons: Array(reasons.prefix(3)),
      mqlsThisPeriod: pipeline.actual(.mqls, scope: .team, period: period),
      mqlTarget: pipeline.target(.mqls, period, .team)
        ?? pipeline.target(.mqls, period, .department(.marketing)))
  }
}
