import HandoffModel
import Testing

/// The state as it stood at a moment: the log folded up to its first event stamped
/// after the moment, with the queue's SLA and the period's figures of then.
struct HistoryCutTests {
  /// Three days: a lead handed off on day 1 and accepted on day 2, a second lead
  /// created on day 3, then an event stamped on day 1 appended after them (an import).
  private func history() -> (Harness, [Int], Timestamp) {
    let h = Harness(start: "2026-11-16T09:00:00Z")
    let start = h.now
    h.addTeam()
    let a = h.addLead("Ada")
    h.act(.move(id: a, to: .mql, reason: nil), by: "maria")
    h.act(.handOff(id: a), by: "maria")
    h.advance(.days(1))
    h.act(.accept(id: a), by: "sam")
    h.advance(.days(1))
    let b = h.addLead("Bo")
    let late = Lead(
      id: 5000, name: "Imported", company: "Old", source: "import", createdAt: start + .hours(1))
    h.record(.leadCreated(LeadCreated(lead: late)), by: "maria")
    return (h, [a, b], start)
  }

  @Test("each moment folds exactly the events before the cut")
  func foldsToTheCut() {
    let (h, ids, start) = history()
    let atStart = PipelineFold.folding(h.events, at: start + .hours(2), zones: FixedZones())
    #expect(atStart.pipeline.lead(ids[0])?.stage == .queued)
    #expect(atStart.pipeline.lead(ids[1]) == nil)
    // Stamped earlier, appended later: not there yet at day 1, though its time is.
    #expect(atStart.pipeline.lead(5000) == nil)
    let dayTwo = PipelineFold.folding(
      h.events, at: start + .days(1) + .hours(1), zones: FixedZones())
    #expect(dayTwo.pipeline.lead(ids[0])?.stage == .accepted)
    #expect(dayTwo.pipeline.leadCount == 1)
    let end = PipelineFold.folding(h.events, at: h.now, zones: FixedZones())
    #expect(end.pipeline.leadCount == 3)
    #expect(end.pipeline.eventCount == h.pipeline.eventCount)
    #expect(
      PipelineFold.folding(h.events, at: start - .days(1), zones: FixedZones()).pipeline
        .eventCount == 0)
  }

  @Test("the queue's SLA age and the period's figures are those of the moment")
  func figuresOfThen() {
    let (h, ids, start) = history()
    let moment = start + .hours(5)
    let then = PipelineFold.folding(h.events, at: moment, zones: FixedZones()).pipeline
    let queue = QueueFigures(then, at: moment)
    #expect(queue.size == 1)
    // Handed off at 09:00, seen at 14:00: five hours old, past the 4 h SLA.
    #expect(queue.oldestAge == .hours(5))
    #expect(queue.breached == 1)
    #expect(Deadlines(then).sla(of: then.lead(ids[0])!, at: moment)?.state == .breached)
    #expect(MarketingFigures(then, at: moment).mqlsThisPeriod == 1)
    #expect(QueueFigures(h.pipeline, at: h.now).size == 0)
  }

  @Test("the cut admits nothing after its first refusal")
  func cutIsAPrefix() {
    let (h, _, start) = history()
    var cut = HistoryCut(at: start + .days(1) + .hours(1))
    let admitted = h.events.prefix { cut.admits($0) }
    #expect(cut.reached)
    // The event stamped on day 1 but appended last is not admitted after the cut.
    let last = cut.admits(h.events.last!)
    #expect(!last)
    #expect(admitted.allSatisfy { $0.at <= start + .days(1) + .hours(1) })
    #expect(admitted.count < h.events.count - 1)
  }
}
