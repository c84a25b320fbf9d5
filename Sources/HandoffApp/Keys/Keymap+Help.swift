extension Keymap {
  /// One line of the help overlay: keys, and what they do.
  struct HelpLine: Hashable, Sendable {
    var keys: String
    var text: String
  }

  /// What the actions do, in the help's order; each action in exactly one topic.
  static let topics: [(actions: [KeyAction], text: String)] = [
    ([.down, .up], "move the selection"), ([.top, .bottom], "top / bottom"),
    ([.pageUp, .pageDown], "page up / down"), ([.nextPane, .previousPane], "next / previous pane"),
    ([.open], "lead detail, history"), ([.back], "back; clear the filter"),
    ([.assign], "assign from a picker"), ([.autoAssign], "assign the least loaded"),
    ([.forward, .backward], "stage forward / back"), ([.handOff], "hand off to sales"),
    ([.accept], "accept"), ([.reject], "reject, recycle or lose"),
    ([.note], "add a note"), ([.followUp], "log a follow-up"),
    ([.filter], "filter as you type"), ([.sort], "sort: urgency, score…"),
    ([.mine], "only my leads"), ([.undo], "undo mine, one by one"),
    ([.fullScreen], "pane full screen"), ([.wall], "wall screen of targets"),
    ([.dayBack, .dayForward], "a day back / forward in time"), ([.backToNow], "back to now"),
    ([.help], "this help"), ([.quit], "quit"), ([.redraw], "redraw"), ([.suspend], "suspend"),
  ]

  /// The help's lines: each topic with the keys bound to its actions, in the table's
  /// order (a topic with no key bound is left out), then the mouse.
  var helpLines: [HelpLine] {
    var lines: [HelpLine] = Keymap.topics.compactMap { topic in
      let keys = bindings.filter { topic.actions.contains($0.action) }.map(\.key.name)
      return keys.isEmpty ? nil : HelpLine(keys: keys.joined(separator: " "), text: topic.text)
    }
    lines.append(HelpLine(keys: "mouse", text: "click, wheel scrolls"))
    return lines
  }

  /// The actions the status bar hints at, with their label, in order.
  static let hinted: [(action: KeyAction, label: String)] = [
    (.help, "help"), (.quit, "quit"), (.assign, "assign"), (.handOff, "hand off"),
    (.accept, "accept"), (.reject, "reject"), (.forward, "move"), (.filter, "filter"),
  ]

  /// The status bar's hints while it shows the past: the keys that travel, and help.
  static let travelHinted: [(action: KeyAction, label: String)] = [
    (.help, "help"), (.quit, "quit"), (.dayBack, "day back"), (.dayForward, "day forward"),
    (.backToNow, "now"), (.filter, "filter"),
  ]

  /// The status bar's hints: each hinted action's first key and its label.
  var hints: [(key: String, label: String)] { hints(of: Keymap.hinted) }

  /// The status bar's hints while the dashboard shows the past.
  var travelHints: [(key: String, label: String)] { hints(of: Keymap.travelHinted) }

  private func hints(of hinted: [(action: KeyAction, label: String)]) -> [(
    key: String, label: String
  )] {
    hinted.compactMap { hint in
      keys(for: hint.action).first.map { (key: $0.name, label: hint.label) }
    }
  }
}

extension Keymap {
  /// `Esc back`: an action's first key and a label, for a title's note; empty when
  /// no key is bound to it.
  func hint(_ action: KeyAction, _ label: String) -> String {
    keys(for: action).first.map { "\($0.name) \(label)" } ?? ""
  }
}
