import HandoffApp
import HandoffModel
import Testing

/// The one keymap: update, the help overlay and the status bar's hints all follow it.
struct KeymapTests {
  /// The help overlay's lines as text, at a size that shows it in one column.
  func helpText(_ keymap: Keymap) -> [String] {
    var d = Driver(width: 160, height: 45)
    d.state.keymap = keymap
    d.press(keymap.keys(for: .help)[0])
    return AppView.render(d.state, pipeline: d.pipeline, now: d.fixture.now).lines
  }

  /// The status bar's text.
  func statusBar(_ d: Driver) -> String {
    AppView.render(d.state, pipeline: d.pipeline, now: d.fixture.now).lines.last ?? ""
  }

  @Test("every key name reads back as the same key")
  func namesRoundTrip() throws {
    for binding in Keymap.standard.bindings {
      #expect(KeyPress(name: binding.key.name) == binding.key, "\(binding.key.name)")
    }
    let aliases: [(String, KeyPress)] = [
      ("pgdn", .pageDown), ("PageUp", .pageUp), ("shift-tab", .backTab), ("C-l", .ctrl("l")),
      ("^L", .ctrl("l")), ("ctrl-z", .ctrl("z")), ("space", .char(" ")), ("return", .enter),
      ("escape", .escape), ("up", .up), ("→", .right), ("G", .char("G")), ("é", .char("é")),
    ]
    for (name, key) in aliases { #expect(KeyPress(name: name) == key, "\(name)") }
    for bad in ["", " ", "ctrl-", "ctrl-1", "hyper-x", "\u{1B}", "pgdown!"] {
      #expect(KeyPress(name: bad) == nil, "\(bad.debugDescription)")
    }
  }

  @Test("the help lists every bound key, each with what its action does")
  func helpListsEveryKey() {
    let text = helpText(.standard).joined(separator: "\n")
    for binding in Keymap.standard.bindings {
      #expect(text.contains(binding.key.name), "\(binding.key.name) missing from the help")
    }
    let line = helpText(.standard).first { $0.contains("top / bottom") } ?? ""
    #expect(line.contains("g G Home End top / bottom"))
    for action in KeyAction.allCases {
      #expect(!Keymap.standard.keys(for: action).isEmpty, "\(action) has no key")
    }
  }

  @Test("rebinding a key changes what it does, the help and the hints together")
  func rebinding() throws {
    var keymap = Keymap.standard
    try keymap.set("key.assign", to: "b")
    #expect(keymap.action(for: .char("b")) == .assign)
    #expect(keymap.action(for: .char("a")) == nil)
    let help = helpText(keymap)
    let line = help.first { $0.contains("assign from a picker") } ?? ""
    #expect(line.contains("┃ b            assign from a picker"), "\(line)")
    var d = Driver()
    d.state.keymap = keymap
    #expect(statusBar(d).contains("b assign"))
    #expect(!statusBar(d).contains("a assign"))
    let lead = try #require(d.queue.first { $0.owner == nil })
    d.state.selected[.queue] = lead.id
    d.press(.char("a"))
    #expect(d.state.overlay == nil, "a does nothing now")
    d.press(.char("b"))
    guard case .picker(let picker) = d.state.overlay else {
      Issue.record("b opens the picker")
      return
    }
    #expect(picker.leadID == lead.id)
  }

  @Test("a key taken by another action leaves its old one; its other keys stay")
  func keysMove() throws {
    var keymap = Keymap.standard
    try keymap.set("wall", to: "j W")
    #expect(keymap.keys(for: .wall) == [.char("j"), .char("W")])
    #expect(keymap.keys(for: .down) == [.down])
    var d = Driver()
    d.state.keymap = keymap
    let first = d.state.selected[.queue]
    d.press(.char("j"))
    #expect(d.state.screen == .wall)
    d.press(.char("W"))
    #expect(d.state.screen == .dashboard)
    d.press(.down)
    #expect(d.state.selected[.queue] != first)
    let help = helpText(keymap)
    #expect(help.contains { $0.contains("┃ k ↑ ↓        move the selection") })
    #expect(help.contains { $0.contains("┃ j W          wall screen of targets") })
  }

  @Test("an unbound action leaves the help, the hints and the titles")
  func unbinding() throws {
    var keymap = Keymap.standard
    try keymap.set("back", to: "")
    try keymap.set("quit", to: "")
    #expect(keymap.keys(for: .back).isEmpty)
    let help = helpText(keymap)
    #expect(!help.contains { $0.contains("back; clear the filter") })
    var d = Driver()
    d.state.keymap = keymap
    #expect(!statusBar(d).contains("quit"))
    d.press(.char("F"))
    let title = AppView.render(d.state, pipeline: d.pipeline, now: d.fixture.now).lines[0]
    #expect(title.contains("Handoff queue") && !title.contains("back"))
    #expect(d.press(.escape).isEmpty)
    #expect(d.state.screen == .list(.queue), "Esc does nothing now")
    #expect(d.press(.ctrl("c")) == [.quit], "Ctrl-C always quits")
  }

  @Test("a printable key bound to a global action is still typed into text")
  func globalActionsAndTyping() throws {
    var keymap = Keymap.standard
    try keymap.set("redraw", to: "R ctrl-r")
    var d = Driver()
    d.state.keymap = keymap
    #expect(d.press(.char("R")) == [.redraw])
    d.press(.char("/"))
    #expect(d.press(.char("R")).isEmpty)
    #expect(d.state.filter == "R")
    #expect(d.press(.ctrl("r")) == [.redraw], "a control key works while typing")
    #expect(d.state.filter == "R")
    #expect(d.press(.ctrl("l")).isEmpty, "Ctrl-L no longer redraws")
  }

  @Test("a setting that is not valid says why in one line and changes nothing")
  func badSettings() {
    var keymap = Keymap.standard
    func refusal(_ action: String, _ keys: String) -> String? {
      do {
        try keymap.set(action, to: keys)
        return nil
      } catch {
        return error.description
      }
    }
    #expect(refusal("key.asign", "a") == "key.asign: no such action")
    #expect(refusal("key.assign", "b hyper-a") == "key.assign: 'hyper-a' is not a key")
    #expect(refusal("quit", "x\u{1B}[2J") == "key.quit: 'x␛[2J' is not a key")
    #expect(refusal("help", "ctrl-c") == "key.help: Ctrl-C always quits")
    #expect(keymap == .standard)
  }
}
