extension Keymap {
  /// One line of the help overlay: keys, and what they do.
  package struct HelpLine: Hashable, Sendable {
    package var keys: String
    package var text: String
  }

  /// What the actions do, in the help's order; each action in exactly one topic.
  static let topics: [(actions: [KeyAction], text: String)] = [
    ([.down, .up], "move the selection"), ([.top, .bottom], "top / bottom"),
    ([.pageUp, .pageDown], "page up / down"), ([.nextPane, .previousPane], "next / previous pane"),
    ([.open], "lead detail, history"), ([.back], "back; clear the filter"),
    ([.assign], "assign from a picker"), ([.autoAssign], "assign the least loaded"),
    ([.forward, .backward], "stage forward / back"), ([.handOff], "hand off to sales"),
    ([.accept], "accept"), ([.reject], "reject, recycle or lose"),
    ([.note], "add a note"), ([.longNote], "long note in $EDITOR"),
    ([.followUp], "log a follow-up"),
    ([.filter], "filter as you type"), ([.sort], "sort: urgency, score…"),
    ([.mine], "only my leads"), ([.undo], "undo mine, one by one"),
    ([.fullScreen], "pane full screen"), ([.wall], "wall screen of targets"),
    ([.help], "this help"), ([.quit], "quit"), ([.redraw], "redraw"), ([.suspend], "suspend"),
  ]

  /// The keys no keymap rebinds, in the help after the table's: Ctrl-C, the answers to a
  /// question (`Update.overrideKey`), a prompt's and the line editor's (`LineEditor`).
  static let fixedLines: [HelpLine] = [
    HelpLine(keys: "Ctrl-C", text: "quit, always"),
    HelpLine(keys: "y, n Esc", text: "a question: yes; no"),
    HelpLine(keys: "Enter, Esc", text: "a prompt: send; cancel"),
    HelpLine(keys: "← → Home End", text: "in text: move"),
    HelpLine(keys: "Ctrl-A", text: "in text: to the start"),
    HelpLine(keys: "Ctrl-E", text: "in text: to the end"),
    HelpLine(keys: "Backspace", text: "in text: delete back"),
    HelpLine(keys: "Del", text: "in text: delete ahead"),
    HelpLine(keys: "Ctrl-W", text: "in text: delete a word"),
    HelpLine(keys: "Ctrl-U", text: "in text: clear to start"),
    HelpLine(keys: "mouse", text: "click, wheel scrolls"),
  ]

  /// The help's lines: each topic with the keys bound to its actions, in the table's
  /// order (a topic with no key bound is left out), then the keys no keymap changes.
  package var helpLines: [HelpLine] {
    let lines: [HelpLine] = Keymap.topics.compactMap { topic in
      let keys = bindings.filter { topic.actions.contains($0.action) }.map(\.key.name)
      return keys.isEmpty ? nil : HelpLine(keys: keys.joined(separator: " "), text: topic.text)
    }
    return lines + Keymap.fixedLines
  }

  /// The actions the status bar hints at, with their label, in order.
  static let hinted: [(action: KeyAction, label: String)] = [
    (.help, "help"), (.quit, "quit"), (.assign, "assign"), (.handOff, "hand off"),
    (.accept, "accept"), (.reject, "reject"), (.forward, "move"), (.filter, "filter"),
  ]

  /// The status bar's hints: each hinted action's first key and its label.
  var hints: [(key: String, label: String)] {
    Keymap.hinted.compactMap { hint in
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
