import Foundation
import HandoffApp
import HandoffModel
import Testing

/// The screens at 80×24 and 160×45 from the fixed demo at a fixed clock in UTC,
/// compared with `Expected/`: the spec of the screen, reviewed by eye.
struct ViewGoldenTests {
  /// The screens checked, each reached by the keys a person would press.
  static let screens: [(name: String, keys: [KeyPress])] = [
    ("dashboard", []),
    ("queue", [.char("F")]),
    ("marketing", [.backTab, .char("F")]),
    ("sales", [.tab, .char("F")]),
    ("wall", [.char("w")]),
    ("detail", [.char("j"), .enter]),
    ("help", [.char("?")]),
    ("picker", [.char("a")]),
    // a on a lead kenji owns: his row marked owner, in full beside his load and capacity.
    ("picker-owned", [.char("j"), .char("a")]),
    ("reason", [.char("r"), .char("n"), .char("o")]),
    ("filtered", [.char("/"), .char("s"), .char("e"), .char("o"), .enter]),
    // x on the queue's second lead, which kenji owns: the question before taking it.
    ("take", [.char("j"), .char("x")]),
  ]

  static let cases: [(String, Int, Int)] = screens.flatMap { s in
    [(s.name, 80, 24), (s.name, 160, 45)]
  }

  @Test("each screen at 80×24 and 160×45", arguments: cases)
  func screen(name: String, width: Int, height: Int) throws {
    let fixture = Fixture()
    var d = Driver(fixture: fixture, width: width, height: height)
    let keys = try #require(Self.screens.first { $0.name == name }).keys
    for key in keys {
      for effect in d.press(key) {
        if case .loadHistory(let id) = effect {
          d.send(.history(lead: id, .success(fixture.history(of: id))))
        }
      }
    }
    let text = AppView.render(d.state, pipeline: fixture.pipeline, now: fixture.now).plainText
    Golden.check("\(name)-\(width)x\(height)", text)
  }

  @Test(
    "a customer's detail: notes and reasons wrapped in full, the follow-up marked, the whole height",
    arguments: [(80, 24), (160, 45)])
  func customerDetail(width: Int, height: Int) throws {
    var fixture = Fixture()
    let customer = try #require(fixture.pipeline.leads(of: .stage(.won), in: 0..<1).first)
    try fixture.perform(
      .note(
        id: customer.id,
        text: "Renewal call went well: they want the analytics add-on next quarter, but "
          + "procurement needs a security review first; send the questionnaire and ask "
          + "for their data-residency requirements before the next call."),
      by: "olivia")
    try fixture.perform(.note(id: customer.id, text: "Champion is the COO."), by: "olivia")
    var d = Driver(fixture: fixture, width: width, height: height)
    d.press(.tab)
    d.state.selected[.sales] = customer.id
    for effect in d.press(.enter) {
      if case .loadHistory(let id) = effect {
        d.send(.history(lead: id, .success(fixture.history(of: id))))
      }
    }
    let text = AppView.render(d.state, pipeline: fixture.pipeline, now: fixture.now).plainText
    #expect(text.contains("data-residency"))
    Golden.check("customer-detail-\(width)x\(height)", text)
  }

  @Test("> into won asks the deal's value, prefilled", arguments: [(80, 24), (160, 45)])
  func winPrompt(width: Int, height: Int) throws {
    let fixture = Fixture()
    var d = Driver(fixture: fixture, width: width, height: height)
    let deal = try #require(fixture.pipeline.leads(of: .stage(.negotiation), in: 0..<1).first)
    d.press(.tab)
    d.state.selected[.sales] = deal.id
    d.press(.char(">"))
    let text = AppView.render(d.state, pipeline: fixture.pipeline, now: fixture.now).plainText
    Golden.check("win-prompt-\(width)x\(height)", text)
  }

  @Test("below the minimum size, a centred notice says how big the terminal must be")
  func tooSmall() {
    let fixture = Fixture()
    let state = AppState(user: "sam", storeName: "demo", width: 50, height: 12)
    let text = AppView.render(state, pipeline: fixture.pipeline, now: fixture.now).plainText
    Golden.check("too-small-50x12", text)
  }
}

/// The dashboard opened on a store that is not there yet.
struct FirstRunTests {
  @Test("on a store not there yet, the first-run screen says how to start one")
  func firstRun() {
    var state = AppState(user: "sam", storeName: "handoff/store.jsonl", width: 80, height: 24)
    state.firstRunStore = "/home/sam/.local/share/handoff/store.jsonl"
    let empty = PipelineFold(localZone: .utc).pipeline
    let text = AppView.render(state, pipeline: empty, now: Fixture.start).plainText
    Golden.check("first-run-80x24", text)
    // Rebinding quit shows in its hint.
    state.keymap.bind([.char("Q")], to: .quit)
    let rebound = AppView.render(state, pipeline: empty, now: Fixture.start).plainText
    #expect(rebound.split(separator: "\n").last?.hasPrefix(" Q quit") == true)
  }

  @Test("once the store has an event, the dashboard takes the first-run screen's place")
  func givesWay() {
    let fixture = Fixture()
    var state = AppState(user: "sam", storeName: "demo", width: 80, height: 24)
    let dashboard = AppView.render(state, pipeline: fixture.pipeline, now: fixture.now).plainText
    state.firstRunStore = "/home/sam/.local/share/handoff/store.jsonl"
    #expect(
      AppView.render(state, pipeline: fixture.pipeline, now: fixture.now).plainText == dashboard)
  }
}

/// Issue 13's `nego 7` for 77: a figure is shown whole or not at all, at every size.
struct WholeFiguresTests {
  /// The ` · `-separated items of every figure line on the dashboard (pane rows that are
  /// neither borders, column headers, table rows nor the status bar).
  static func items(width: Int, height: Int, _ fixture: Fixture) -> [String] {
    var d = Driver(fixture: fixture, width: width, height: height)
    d.send(.tick)
    let lines = AppView.render(d.state, pipeline: fixture.pipeline, now: fixture.now).lines
    var items: [String] = []
    for line in lines.dropLast() where !line.contains("─") && !line.contains("━") {
      for chunk in line.split(whereSeparator: { $0 == "│" || $0 == "┃" })
      where chunk.contains(" · ") {
        items += chunk.components(separatedBy: " · ").map {
          $0.trimmingCharacters(in: .whitespaces)
        }
      }
    }
    return items
  }

  @Test("every figure on the dashboard, from 60 to 200 columns, is one the widest screen shows")
  func wholeFigures() {
    let fixture = Fixture()
    // At 400 columns nothing is cut: the stacked layout at 24 rows, the grid at 45.
    let whole = Set(
      Self.items(width: 400, height: 24, fixture) + Self.items(width: 400, height: 45, fixture))
    for height in [24, 45] {
      for width in 60...200 {
        for item in Self.items(width: width, height: height, fixture) where !whole.contains(item) {
          Issue.record("\(width)×\(height): '\(item)' is cut")
        }
      }
    }
  }
}
