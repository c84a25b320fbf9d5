import HandoffApp
import HandoffModel
import HandoffStore
import Testing

/// The travel stops a log calls for and its shelf lacks, saved on a thread with its own
/// store object: once, by one process at a time, and never when nothing lacks.
@Suite struct ShelfFillerTests {
  static let now = DemoLog.now

  /// The demo log, no stops saved yet.
  struct Setup {
    let log: DemoLog
    var store: FileStore { log.store }

    init() throws { log = try DemoLog("handoff-filler") }

    func secondStore() -> FileStore { log.secondStore() }

    var saved: [TravelShelf.Record] {
      store.travelShelf.map { $0.records(for: store.identity ?? "") } ?? []
    }
  }

  @Test("a shelf lagging the log is filled to it, after which there is nothing to do")
  func fillsWhatIsMissing() throws {
    let setup = try Setup()
    let interval = 50
    let events = setup.store.pipeline.eventCount
    #expect(events >= 4 * interval && setup.saved.isEmpty)
    let filler = try #require(
      ShelfFiller.startIfNeeded(for: setup.store, interval: interval) { setup.secondStore() })
    #expect(filler.waitUntilFinished() == events / interval)
    #expect(filler.isFinished)
    #expect(setup.saved.map(\.eventCount) == (1...(events / interval)).map { $0 * interval })
    // Nothing lacks now: no second store is even made.
    var made = false
    let again = ShelfFiller.startIfNeeded(for: setup.store, interval: interval) {
      made = true
      return setup.secondStore()
    }
    #expect(again == nil && !made)
    // A traveller in another process starts from the stops: a jump folds fewer events
    // than two intervals, to the state the log holds then.
    let reader = setup.secondStore()
    try reader.open()
    let travel = TimeTravel(store: reader, interval: interval)
    for days in [20, 3, 9] {
      let moment = Self.now - .days(Int64(days))
      let state = try travel.state(at: moment)
      #expect(FoldedState(state) == FoldedState(setup.log.folded(moment)))
      #expect(travel.foldedEvents < 2 * interval, "\(days) days back")
    }
  }

  @Test("while another process fills the shelf, nobody else starts")
  func oneFillerAtATime() throws {
    let setup = try Setup()
    let shelf = try #require(setup.store.travelShelf)
    let claim = try #require(shelf.claimFilling())
    var made = false
    let filler = ShelfFiller.startIfNeeded(for: setup.store, interval: 50) {
      made = true
      return setup.secondStore()
    }
    #expect(filler == nil && !made)
    claim.close()
    let next = try #require(
      ShelfFiller.startIfNeeded(for: setup.store, interval: 50) { setup.secondStore() })
    #expect(next.waitUntilFinished() > 0)
  }
}
