import HandoffApp
import HandoffModel
import HandoffTerminal
import Testing

/// A dashboard driven by messages over the fixed demo pipeline: input in, state and
/// effects out.
struct Driver {
  var fixture: Fixture
  var state: AppState

  init(fixture: Fixture = Fixture(), user: String? = nil, width: Int = 80, height: Int = 24) {
    self.fixture = fixture
    state = AppState(
      user: user ?? fixture.member(of: .sales), storeName: "demo", width: width, height: height)
    _ = send(.tick)
  }

  var pipeline: Pipeline { fixture.pipeline }

  @discardableResult
  mutating func send(_ msg: Msg) -> [Effect] {
    Update.update(&state, msg, pipeline: fixture.pipeline, now: fixture.now)
  }

  @discardableResult
  mutating func press(_ keys: KeyPress...) -> [Effect] {
    var effects: [Effect] = []
    for key in keys { effects += send(.key(key)) }
    return effects
  }

  @discardableResult
  mutating func type(_ text: String) -> [Effect] {
    var effects: [Effect] = []
    for c in text { effects += send(.key(.char(c))) }
    return effects
  }

  /// The selected lead of a list.
  func selected(_ list: LeadListID) -> Lead? { state.selected[list].flatMap(pipeline.lead) }

  /// The queue's leads in order.
  var queue: [Lead] { pipeline.leads(of: .stage(.queued), in: 0..<1000) }

  /// Carries out a perform effect as the store would, then tells the dashboard.
  mutating func carryOut(_ effects: [Effect]) {
    for case .perform(let command, let version, let overrides) in effects {
      do {
        let event = try fixture.perform(
          command, by: state.user, ifVersion: version, overriding: overrides)
        send(.storeChanged)
        send(.actionResult(.done(event)))
      } catch {
        send(.actionResult(.refused(error.description)))
      }
    }
  }
}

struct NavigationTests {
  @Test("the queue has the focus at start, its oldest lead selected")
  func startsOnQueue() {
    let d = Driver()
    #expect(d.state.focus == .queue)
    #expect(d.state.screen == .dashboard)
    #expect(d.selected(.queue)?.id == d.queue.first?.id)
  }

  @Test("j/k and arrows move, g/G jump, PgDn pages")
  func moves() {
    var d = Driver()
    d.press(.char("j"), .down)
    #expect(d.selected(.queue)?.id == d.queue[2].id)
    d.press(.char("k"))
    #expect(d.selected(.queue)?.id == d.queue[1].id)
    d.press(.char("G"))
    #expect(d.selected(.queue)?.id == d.queue.last?.id)
    d.press(.char("g"))
    #expect(d.selected(.queue)?.id == d.queue.first?.id)
    d.press(.pageDown)
    #expect((d.state.selectedRow[.queue] ?? 0) > 1)
    d.press(.up, .up, .up, .up, .up, .up, .up, .up, .up)
    #expect(d.state.selectedRow[.queue] == 0)
  }

  @Test("Tab and Shift-Tab cycle the panes")
  func tabs() {
    var d = Driver()
    d.press(.tab)
    #expect(d.state.focus == .sales)
    d.press(.tab)
    #expect(d.state.focus == .targets)
    d.press(.tab)
    #expect(d.state.focus == .marketing)
    d.press(.backTab, .backTab)
    #expect(d.state.focus == .sales)
  }

  @Test("selection follows the lead when rows move under it")
  func selectionFollowsLead() throws {
    var d = Driver()
    d.press(.char("j"), .char("j"))
    let chosen = try #require(d.selected(.queue))
    // Someone else accepts the oldest queued lead: every row moves up one.
    let oldest = d.queue[0]
    try d.fixture.perform(.accept(id: oldest.id), by: oldest.owner ?? d.fixture.member(of: .sales))
    d.send(.storeChanged)
    #expect(d.selected(.queue)?.id == chosen.id)
    #expect(d.state.selectedRow[.queue] == 1)
  }

  @Test("when the selected lead leaves the list, the nearest one is selected")
  func nearestWhenGone() throws {
    var d = Driver()
    d.press(.char("j"))
    let gone = try #require(d.selected(.queue))
    let next = d.queue[2]
    try d.fixture.perform(.accept(id: gone.id), by: gone.owner ?? d.fixture.member(of: .sales))
    d.send(.storeChanged)
    #expect(d.selected(.queue)?.id == next.id)
  }

  @Test("a click focuses a pane and selects the row under it; the wheel moves")
  func mouse() throws {
    var d = Driver()
    let layout = try #require(d.rowsOf(.marketing))
    d.send(.mouse(.click(x: layout.x + 3, y: layout.y + 1)))
    #expect(d.state.focus == .marketing)
    #expect(d.state.selectedRow[.marketing] == 1)
    d.send(.mouse(.wheelDown(x: layout.x + 3, y: layout.y)))
    #expect(d.state.selectedRow[.marketing] == 4)
  }

  @Test("? opens help, any key closes it; q quits; Ctrl-L redraws")
  func helpQuitRedraw() {
    var d = Driver()
    d.press(.char("?"))
    #expect(d.state.overlay == .help)
    d.press(.char("j"))
    #expect(d.state.overlay == nil)
    #expect(d.press(.ctrl("l")) == [.redraw])
    #expect(d.press(.ctrl("z")) == [.suspend])
    #expect(d.press(.char("q")) == [.quit])
    #expect(d.state.quitting)
  }

  @Test("Enter opens the detail and asks for the history; Esc goes back")
  func detail() throws {
    var d = Driver()
    let lead = try #require(d.selected(.queue))
    let effects = d.press(.enter)
    #expect(effects.contains(.loadHistory(lead: lead.id)))
    guard case .detail(let detail) = d.state.screen else {
      Issue.record("not on the detail screen")
      return
    }
    #expect(detail.leadID == lead.id)
    #expect(detail.history == nil)
    d.send(.history(lead: lead.id, .success([])))
    if case .detail(let loaded) = d.state.screen { #expect(loaded.history == []) }
    d.press(.escape)
    #expect(d.state.screen == .dashboard)
  }

  @Test("f opens the focused pane full screen, w the wall view")
  func screens() {
    var d = Driver()
    d.press(.backTab, .char("F"))
    #expect(d.state.screen == .list(.marketingAll))
    d.press(.escape, .char("w"))
    #expect(d.state.screen == .wall)
    d.press(.escape)
    #expect(d.state.screen == .dashboard)
  }

  @Test("a store that cannot be read pauses the live indicator and says why, until it can")
  func storeUnavailable() {
    var d = Driver()
    #expect(d.state.live)
    let before = d.queue.map(\.id)
    d.send(.storeUnavailable("the store is gone (/x/store.jsonl); showing its last state"))
    #expect(!d.state.live)
    #expect(d.state.status?.text.contains("the store is gone") == true)
    #expect(d.queue.map(\.id) == before, "the last state stays")
    let bar = AppView.render(d.state, pipeline: d.pipeline, now: d.fixture.now).lines.last ?? ""
    #expect(bar.contains("paused"), "\(bar)")
    d.send(.storeChanged)
    #expect(d.state.live)
  }

  @Test("a status message expires")
  func statusExpires() {
    var d = Driver()
    d.send(.actionResult(.refused("no")))
    #expect(d.state.status?.text == "no")
    d.fixture.clock.advance(by: .seconds(9))
    d.send(.tick)
    #expect(d.state.status == nil)
  }
}

extension Driver {
  /// Where a pane's rows are on screen.
  func rowsOf(_ pane: DashboardPane) -> Rect? {
    AppView.listArea(of: pane, width: state.width, height: state.height)
  }
}
