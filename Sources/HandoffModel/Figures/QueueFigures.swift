/// The handoff queue's numbers.
package struct QueueFigures: Sendable, Equatable {
  /// Leads waiting for sales.
  package var size: Int
  /// How long the oldest has waited.
  package var oldestAge: Duration?
  /// Waiting longer than the SLA.
  package var breached: Int
  /// Within the last quarter of the SLA.
  package var dueSoon: Int
  /// Waiting with no rep assigned.
  package var unassigned: Int
  /// Median wait before acceptance, over leads accepted in the last 30 days.
  package var medianTimeToAccept: Duration?
  /// accepted ÷ (accepted + rejected) over the last 30 days; nil when neither happened.
  package var acceptanceRate: Double?
  /// The counts behind the rate.
  package var accepted30: Int
  package var rejected30: Int
}

extension QueueFigures {
  /// The handoff queue's numbers in `pipeline` at a moment.
  package init(_ pipeline: Pipeline, at now: Timestamp) {
    let deadlines = Deadlines(pipeline)
    let queued = LeadList.stage(.queued)
    let oldest = pipeline.leads(of: queued, in: 0..<1).first.map { now - $0.stageEnteredAt }
    // A lead is breached once its remaining time reaches zero, and due soon once it is
    // within the window: both edges are inclusive, hence the extra millisecond.
    let tick = Duration(milliseconds: 1)
    let sla = deadlines.acceptanceSLA
    let breached = pipeline.countBefore(now - sla + tick, in: queued)
    let dueSoon =
      pipeline.countBefore(now - sla + deadlines.dueSoonWindow + tick, in: queued) - breached
    let monthAgo = now - .days(30)
    let accepted = pipeline.tallies.occurrences(
      .team(.accepted), from: monthAgo, to: now + .minutes(1))
    let rejected = pipeline.tallies.occurrences(.rejected, from: monthAgo, to: now + .minutes(1))
    self.init(
      size: pipeline.count(of: queued), oldestAge: oldest, breached: breached, dueSoon: dueSoon,
      unassigned: pipeline.counts.unassignedQueued,
      medianTimeToAccept: pipeline.tallies.medianTimeToAccept(from: monthAgo, to: now),
      acceptanceRate: accepted + rejected > 0
        ? Double(accepted) / Double(accepted + rejected) : nil,
      accepted30: accepted, rejected30: rejected)
  }
}
