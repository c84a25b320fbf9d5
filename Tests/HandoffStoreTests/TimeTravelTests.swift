import HandoffDemo
import HandoffModel
import HandoffStore
import Testing

/// A fold into the past given up midway (its state no longer wanted) returns nothing;
/// the next goes on from where it stopped when that is on its way, and never from a
/// state past its moment.
@Suite struct TimeTravelTests {
  @Test("an abandoned fold returns nil; the states after are the log's, on either side of it")
  func anAbandonedFold() throws {
    let fixture = StoreFixture()
    let now = fixture.clock.now()
    let store = try fixture.store()
    try store.append(DemoTeam.events(leads: 800, seed: 4, now: now, zone: .utc))
    var events: [Event] = []
    try store.forEachEvent { events.append($0) }
    // Enough events that the fold asks at least once.
    #expect(events.count > 4_096)
    func expected(_ moment: Timestamp) -> FoldedState {
      FoldedState(PipelineFold.folding(events, at: moment, zones: FixedZones()).pipeline)
    }
    let travel = TimeTravel(store: store, keepingDecodedStop: true)
    let early = now - .days(40)
    let late = now - .days(2)
    #expect(FoldedState(try travel.state(at: early)) == expected(early))
    // Asked on its way from `early` to `late`, and given up: nothing comes back.
    var asked = 0
    let abandoned = try travel.state(at: late) {
      asked += 1
      return true
    }
    #expect(abandoned == nil && asked == 1)
    // On to `late` from where it stopped: only the rest is folded.
    let fromEarly = events.filter { $0.at > early && $0.at <= late }.count
    #expect(FoldedState(try travel.state(at: late)) == expected(late))
    #expect(travel.foldedEvents <= fromEarly - 2_048)
    // Again, and then a moment between the two, which the stopped fold had passed.
    _ = try travel.state(at: early)
    #expect(try travel.state(at: late) { true } == nil)
    let between = early + .days(3)
    #expect(FoldedState(try travel.state(at: between)) == expected(between))
    #expect(try travel.state(at: early, unless: { false }).map(FoldedState.init) == expected(early))
  }
}
