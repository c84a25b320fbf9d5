import Foundation
import HandoffApp
import HandoffDemo
import HandoffHost
import HandoffModel
import HandoffStore
import TestSupport
import Testing

/// The days either side of a past one, made ready on a thread with its own store
/// object: each is the state as it stood then with the figures of then, whatever the
/// thread folds afterwards; what was not asked for, or cannot be made, is nil at once.
@Suite struct TravelAheadTests {
  static let now = Timestamp(iso8601: "2026-11-18T10:30:00Z")!

  /// A file log with a demo team's history of several weeks.
  struct Setup {
    let folder = TemporaryDirectory("handoff-ahead")
    let clock = ManualClock(TravelAheadTests.now)
    let path: String
    let events: [Event]

    init() throws {
      path = folder.file("store.jsonl")
      let store = FileStore(path: path, clock: clock, zones: FixedZones())
      try store.open()
      try store.append(DemoTeam.events(leads: 60, seed: 5, now: TravelAheadTests.now, zone: .utc))
      var events: [Event] = []
      try store.forEachEvent { events.append($0) }
      self.events = events
    }

    /// Another store object on the log, not opened: the thread's own.
    func secondStore() -> FileStore { FileStore(path: path, clock: clock, zones: FixedZones()) }

    /// The state at `moment` folded afresh from every event.
    func folded(_ moment: Timestamp) -> Pipeline {
      PipelineFold.folding(events, at: moment, zones: FixedZones()).pipeline
    }

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
