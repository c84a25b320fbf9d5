/// Where a queued lead stands against the acceptance SLA.
package enum SLAState: String, Sendable, Equatable {
  case ok
  case dueSoon = "due soon"
  case breached
}

/// The clocks that run on a lead with no event: a queued lead's SLA (due soon, then
/// breached) and an open deal going stale, as the settings set them.
package struct Deadlines {
  /// The state whose settings and queue are read.
  package let pipeline: Pipeline

  /// The deadlines of `pipeline`'s settings and queue.
  package init(_ pipeline: Pipeline) { self.pipeline = pipeline }

  /// How long a queued lead may wait for sales.
  package var acceptanceSLA: Duration { pipeline.settings.acceptanceSLA }

  /// The window before the SLA runs out in which a queued lead is "due soon":
  /// the last quarter of the SLA.
  package var dueSoonWindow: Duration {
    Duration(milliseconds: acceptanceSLA.milliseconds / 4)
  }

  /// Where a queued lead stands against the SLA at a moment, and the time left
  /// (negative once breached). Nil for leads not in the queue.
  package func sla(of lead: Lead, at now: Timestamp) -> (state: SLAState, remaining: Duration)? {
    guard lead.stage == .queued else { return nil }
    let remaining = (lead.stageEnteredAt + acceptanceSLA) - now
    if remaining.milliseconds <= 0 { return (.breached, remaining) }
    if remaining <= dueSoonWindow { return (.dueSoon, remaining) }
    return (.ok, remaining)
  }

  /// Whether an open deal has had no activity for the stale window at a moment.
  package func isStale(_ lead: Lead, at now: Timestamp) -> Bool {
    lead.stage.isOpenDeal
      && lead.lastActivityAt < now - .days(Int64(pipeline.settings.staleDays))
  }

  /// The next moment a queued lead's SLA state changes on its own, with no new event.
  package func nextChange(after now: Timestamp) -> Timestamp? {
    // Queued leads are sorted by entry, so each edge's next occurrence belongs to the
    // first lead that has not reached it yet: two binary searches.
    let queued = LeadList.stage(.queued)
    var next: Timestamp?
    for offset in [acceptanceSLA - dueSoonWindow, acceptanceSLA] {
      let cutoff = now - offset + Duration(milliseconds: 1)
      let i = pipeline.countBefore(cutoff, in: queued)
      if let first = pipeline.leads(of: queued, in: i..<(i + 1)).first {
        let edge = first.stageEnteredAt + offset
        if next.map({ edge < $0 }) ?? true { next = edge }
      }
    }
    return next
  }

  /// The queued leads whose SLA state changed on its own after `start` up to and
  /// including `end`, each with the state it reached (due soon or breached), oldest
  /// entry first: the leads whose edge lies in that span. Two binary searches an edge.
  package func crossings(after start: Timestamp, through end: Timestamp) -> [(
    lead: Lead, state: SLAState
  )] {
    guard end > start else { return [] }
    let queued = LeadList.stage(.queued)
    var found: [(lead: Lead, state: SLAState)] = []
    let edges: [(Duration, SLAState)] = [
      (acceptanceSLA - dueSoonWindow, .dueSoon), (acceptanceSLA, .breached),
    ]
    for (offset, state) in edges {
      // A lead's edge is at entry + offset; it lies in (start, end] when the entry
      // lies in (start - offset, end - offset].
      let tick = Duration(milliseconds: 1)
      let from = pipeline.countBefore(start - offset + tick, in: queued)
      let to = pipeline.countBefore(end - offset + tick, in: queued)
      guard to > from else { continue }
      for lead in pipeline.leads(of: queued, in: from..<to) {
        // A lead that reached both edges in the span reports only the later one.
        if state == .dueSoon, lead.stageEnteredAt + acceptanceSLA <= end { continue }
        found.append((lead, state))
      }
    }
    return found
  }
}
