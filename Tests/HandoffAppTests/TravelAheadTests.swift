import Foundation
import HandoffApp
import HandoffHost
import HandoffModel
import HandoffStore
import TestSupport
import Testing

/// The days either side of a past one, made ready on a thread with its own store
/// object: each is the state as it stood then with the figures of then, whatever the
/// thread folds afterwards; what was not asked for, or cannot be made, is nil at once.
@Suite struct TravelAheadTests {
  static let now = DemoLog.now

  /// The demo log, and the screens drawn from its states.
  struct Setup {
    let log: DemoLog

    init() throws { log = try DemoLog("handoff-ahead") }

    func secondStore() -> FileStore { log.secondStore() }

    func folded(_ moment: Timestamp) -> Pipeline { log.folded(moment) }

    /// The dashboard's screen of a past moment, drawn from `pipeline` (and `figures`).
    func screen(_ moment: Timestamp, _ pipeline: Pipeline, _ figures: DashboardFigures?) -> String {
      var state = AppState(user: "sam", storeName: "t", width: 160, height: 45)
      _ = Update.update(&state, .traveled(moment), pipeline: pipeline, now: TravelAheadTests.now)
      return AppView.render(state, pipeline: pipeline, now: moment, figures: figures).plainText
    }
  }

  @Test("each day asked for is the state then, drawn with its figures as from a fresh fold")
  func daysAreTheStateThen() throws {
    let setup = try Setup()
    let ahead = TravelAhead(store: setup.secondStore())
    defer { ahead.stop() }
    let moments = [Self.now - .days(3), Self.now - .days(2), Self.now - .days(20)]
    ahead.prepare(moments)
    ahead.waitUntilPrepared()
    for moment in moments {
      let day = try #require(ahead.take(moment))
      let fresh = setup.folded(moment)
      #expect(day.moment == moment)
      #expect(FoldedState(day.pipeline) == FoldedState(fresh), "\(moment.iso8601)")
      #expect(setup.screen(moment, day.pipeline, day.figures) == setup.screen(moment, fresh, nil))
      // A day is handed over once.
      #expect(ahead.take(moment) == nil)
    }
  }

  @Test("a day handed over stays as it stood while the thread folds on past it")
  func aDayHandedOverDoesNotChange() throws {
    let setup = try Setup()
    let ahead = TravelAhead(store: setup.secondStore())
    defer { ahead.stop() }
    let moment = Self.now - .days(10)
    ahead.prepare([moment])
    ahead.waitUntilPrepared()
    let day = try #require(ahead.take(moment))
    // The thread's traveller folds on from the same state: forward, then back.
    let later = [Self.now - .days(4), Self.now - .days(12)]
    ahead.prepare(later)
    ahead.waitUntilPrepared()
    #expect(FoldedState(day.pipeline) == FoldedState(setup.folded(moment)))
    #expect(
      setup.screen(moment, day.pipeline, day.figures)
        == setup.screen(moment, setup.folded(moment), nil))
    for other in later {
      let made = try #require(ahead.take(other))
      #expect(FoldedState(made.pipeline) == FoldedState(setup.folded(other)))
    }
  }

  @Test("a day no longer asked for is let go; one never asked for is nil at once")
  func onlyTheDaysAskedFor() throws {
    let setup = try Setup()
    let ahead = TravelAhead(store: setup.secondStore())
    defer { ahead.stop() }
    let (a, b, c) = (Self.now - .days(5), Self.now - .days(6), Self.now - .days(7))
    ahead.prepare([a, b])
    ahead.waitUntilPrepared()
    ahead.prepare([b, c])
    ahead.waitUntilPrepared()
    #expect(ahead.take(a) == nil)
    #expect(ahead.take(Self.now - .days(30)) == nil)
    #expect(ahead.take(b) != nil)
    #expect(ahead.take(c) != nil)
  }

  @Test("a store the thread cannot open makes no day, and nobody waits for one")
  func aStoreThatCannotBeOpened() throws {
    let folder = TemporaryDirectory("handoff-ahead-bad")
    let path = folder.file("store.jsonl")
    try "not an event\n".write(toFile: path, atomically: true, encoding: .utf8)
    let ahead = TravelAhead(
      store: FileStore(path: path, clock: ManualClock(Self.now), zones: FixedZones()))
    defer { ahead.stop() }
    let moment = Self.now - .days(1)
    ahead.prepare([moment])
    ahead.waitUntilPrepared()
    #expect(ahead.take(moment) == nil)
  }
}
