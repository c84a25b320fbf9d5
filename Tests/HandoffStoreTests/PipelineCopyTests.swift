import HandoffDemo
import HandoffModel
import HandoffStore
import Testing

/// A state's copy lives on by itself: folding on the original, or reading either, never
/// changes the other.
@Suite struct PipelineCopyTests {
  static let now = Timestamp(iso8601: "2026-11-18T10:30:00Z")!

  /// What the views read of a state beyond its contents: every list in order.
  private func lists(_ pipeline: Pipeline) -> [[Int]] {
    (Stage.allCases.map { LeadList.stage($0) } + [.openDeals, .customers]).map { list in
      pipeline.leads(of: list, in: 0..<pipeline.count(of: list)).map(\.id)
    }
  }

  @Test("a copy stays the state it was made from while the original folds on")
  func aCopyDoesNotFollowTheOriginal() {
    let events = DemoTeam.events(leads: 80, seed: 9, now: Self.now, zone: .utc).enumerated().map {
      Event(
        seq: Int64($0.offset + 1), at: $0.element.at, actor: $0.element.actor, body: $0.element.body
      )
    }
    let half = events.count / 2
    let fold = PipelineFold(localZone: .utc)
    for event in events.prefix(half) { fold.apply(event) }
    // Lists settled before the copy (shared) and not (each sorts its own) both hold.
    fold.pipeline.settleLists()
    let settled = fold.pipeline.copy()
    fold.apply(events[half])
    let unsettled = fold.pipeline.copy()
    for event in events.dropFirst(half + 1) { fold.apply(event) }

    let atHalf = PipelineFold(localZone: .utc)
    for event in events.prefix(half) { atHalf.apply(event) }
    let atHalfAndOne = PipelineFold(localZone: .utc)
    for event in events.prefix(half + 1) { atHalfAndOne.apply(event) }
    let whole = PipelineFold(localZone: .utc)
    for event in events { whole.apply(event) }

    #expect(FoldedState(settled) == FoldedState(atHalf.pipeline))
    #expect(lists(settled) == lists(atHalf.pipeline))
    #expect(FoldedState(unsettled) == FoldedState(atHalfAndOne.pipeline))
    #expect(lists(unsettled) == lists(atHalfAndOne.pipeline))
    #expect(FoldedState(fold.pipeline) == FoldedState(whole.pipeline))
    #expect(lists(fold.pipeline) == lists(whole.pipeline))
    // The copies were worth comparing: the original moved on from them.
    #expect(FoldedState(settled) != FoldedState(whole.pipeline))
    #expect(lists(settled) != lists(whole.pipeline))
  }
}
