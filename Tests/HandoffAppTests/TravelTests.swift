import HandoffApp
import HandoffModel
import HandoffTerminal
import Testing

/// The dashboard in the past: `[` `]` `.` step and return, writes are refused while it
/// shows the past, and its screens (golden at 80×24 and 160×45).
struct TravelTests {
  /// The fixture's history folded to a moment (what the loop's `TimeTravel` returns).
  private func past(_ fixture: Fixture, _ moment: Timestamp) -> Pipeline {
    PipelineFold.folding(fixture.events, at: moment, zones: FixedZones(local: .utc)).pipeline
  }

  /// A dashboard showing `moment`: the key pressed, then the loop's answer.
  private func traveled(to moment: Timestamp, _ d: inout Driver, _ pipeline: Pipeline) {
    _ = Update.update(&d.state, .traveled(moment), pipeline: pipeline, now: d.fixture.now)
  }

  @Test("[ asks for a day back, ] a day forward, . for now; ] past now ends live")
  func steps() {
    var d = Driver()
    let now = d.fixture.now
    #expect(d.press(.char("[")) == [.travel(to: now - .days(1))])
    // Nothing to step forward to, or back to, while live.
    #expect(d.press(.char("]")).isEmpty)
    #expect(d.state.status?.text == "already showing now")
    #expect(d.press(.char(".")).isEmpty)
    let moment = now - .days(3)
    let then = past(d.fixture, moment)
    traveled(to: moment, &d, then)
    #expect(d.state.travel == moment)
    #expect(d.state.status?.text.hasPrefix("showing 2026-11-15 10:30 (read-only)") == true)
    var effects = Update.update(&d.state, .key(.char("]")), pipeline: then, now: now)
    #expect(effects == [.travel(to: moment + .days(1))])
    effects = Update.update(&d.state, .key(.char("[")), pipeline: then, now: now)
    #expect(effects == [.travel(to: moment - .days(1))])
    effects = Update.update(&d.state, .key(.char(".")), pipeline: then, now: now)
    #expect(effects == [.travel(to: nil)])
    // From less than a day back, ] comes back to now.
    traveled(to: now - .hours(3), &d, past(d.fixture, now - .hours(3)))
    effects = Update.update(&d.state, .key(.char("]")), pipeline: then, now: now)
    #expect(effects == [.travel(to: nil)])
    _ = d.send(.traveled(nil))
    #expect(d.state.travel == nil)
    #expect(d.state.status?.text == "back to now")
  }

  @Test("in the past every key that writes is refused, read-only, and nothing is written")
  func writesRefused() {
    var d = Driver()
    let moment = d.fixture.now - .days(2)
    let then = past(d.fixture, moment)
    traveled(to: moment, &d, then)
    for key: KeyPress in [
      .char("a"), .char("A"), .char(">"), .char("<"), .char("h"), .char("x"), .char("r"),
      .char("n"), .char("N"), .char("f"), .char("u"),
    ] {
      let effects = Update.update(&d.state, .key(key), pipeline: then, now: d.fixture.now)
      #expect(effects.isEmpty, "\(key)")
      #expect(d.state.overlay == nil, "\(key)")
      #expect(
        d.state.status?.text
          == "read-only: showing 2026-11-16 10:30; press . to return to now", "\(key)")
    }
    // Opening a lead new to its owner would mark it seen: in the past it only opens.
    let effects = Update.update(&d.state, .key(.enter), pipeline: then, now: d.fixture.now)
    #expect(effects.allSatisfy { if case .loadHistory = $0 { true } else { false } })
  }

  @Test("the travel view at 80×24 and 160×45", arguments: [(80, 24), (160, 45)])
  func screen(width: Int, height: Int) {
    var d = Driver(width: width, height: height)
    let moment = d.fixture.now - .days(2)
    let then = past(d.fixture, moment)
    traveled(to: moment, &d, then)
    // The status message gone, as a few seconds later.
    _ = Update.update(&d.state, .tick, pipeline: then, now: d.fixture.now + .seconds(60))
    let text = AppView.render(d.state, pipeline: then, now: moment).plainText
    #expect(text.contains("read-only, as at 2026-11-16 10:30"))
    Golden.check("travel-\(width)x\(height)", text)
  }
}
