import HandoffTerminal

/// The one table of what the keys do: `update` looks keys up in it, the help overlay
/// lists it and the status bar's hints name its keys, so rebinding a key changes all
/// three at once.
///
/// Some keys stay outside it on purpose: Ctrl-C always quits, and the keys of text
/// being typed (the filter, a reason, the picker's query) belong to the line editor.
package struct Keymap: Sendable {
  /// One key and what it does.
  package struct Binding: Hashable, Sendable {
    package var key: KeyPress
    package var action: KeyAction
  }

  /// Every binding, in the order the help lists keys.
  package private(set) var bindings: [Binding]
  private var actions: [KeyPress: KeyAction]

  /// A keymap of these bindings; a key bound twice keeps its last action.
  package init(_ bindings: [(KeyPress, KeyAction)]) {
    self.bindings = []
    actions = [:]
    for (key, action) in bindings { bind(key, to: action) }
  }

  /// What the key does, if anything.
  package func action(for key: KeyPress) -> KeyAction? { actions[key] }

  /// The keys bound to an action, in the table's order.
  package func keys(for action: KeyAction) -> [KeyPress] {
    bindings.filter { $0.action == action }.map(\.key)
  }

  /// Binds `keys` to `action` in place of the keys it had (a config file's
  /// `key.assign = a`); a key that did something else before now does this. No keys
  /// leave the action unbound.
  package mutating func bind(_ keys: [KeyPress], to action: KeyAction) {
    let position = bindings.firstIndex { $0.action == action } ?? bindings.count
    let before = bindings[..<position].filter { $0.action != action && !keys.contains($0.key) }
    let after = bindings[position...].filter { $0.action != action && !keys.contains($0.key) }
    var unique: [KeyPress] = []
    for key in keys where !unique.contains(key) { unique.append(key) }
    bindings = before + unique.map { Binding(key: $0, action: action) } + after
    actions = Dictionary(bindings.map { ($0.key, $0.action) }, uniquingKeysWith: { $1 })
  }

  private mutating func bind(_ key: KeyPress, to action: KeyAction) {
    bindings.removeAll { $0.key == key }
    bindings.append(Binding(key: key, action: action))
    actions[key] = action
  }

  /// The dashboard's keys, as the README and the design describe them.
  package static let standard = Keymap([
    (.char("j"), .down), (.char("k"), .up), (.up, .up), (.down, .down),
    (.char("g"), .top), (.char("G"), .bottom), (.home, .top), (.end, .bottom),
    (.pageUp, .pageUp), (.pageDown, .pageDown),
    (.tab, .nextPane), (.backTab, .previousPane),
    (.enter, .open), (.escape, .back),
    (.char("a"), .assign), (.char("A"), .autoAssign),
    (.char(">"), .forward), (.char("<"), .backward),
    (.char("h"), .handOff), (.char("x"), .accept), (.char("r"), .reject),
    (.char("n"), .note), (.char("N"), .longNote), (.char("f"), .followUp),
    (.char("/"), .filter), (.char("s"), .sort), (.char("m"), .mine), (.char("u"), .undo),
    (.char("F"), .fullScreen), (.char("w"), .wall), (.char("?"), .help), (.char("q"), .quit),
    (.ctrl("l"), .redraw), (.ctrl("z"), .suspend),
  ])
}

extension Keymap: Equatable {
  package static func == (a: Keymap, b: Keymap) -> Bool { a.bindings == b.bindings }
}

/// Why a keymap setting was refused: the one line the user sees.
package struct KeymapError: Error, Equatable, CustomStringConvertible {
  package var description: String
}

extension Keymap {
  /// Applies one setting as a config file writes it: `assign` (or `key.assign`) and
  /// the keys' names separated by spaces (`j down`); nothing unbinds the action.
  /// A refusal changes nothing.
  package mutating func set(_ name: String, to keys: String) throws(KeymapError) {
    let actionName = name.hasPrefix("key.") ? String(name.dropFirst(4)) : name
    guard let action = KeyAction(rawValue: actionName) else {
      // The caller may add a suggestion from `KeyAction.allCases`.
      throw KeymapError(description: "key.\(safe(actionName)): no such action")
    }
    var parsed: [KeyPress] = []
    for word in keys.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
      guard let key = KeyPress(name: String(word)) else {
        throw KeymapError(description: "key.\(actionName): '\(safe(word))' is not a key")
      }
      parsed.append(key)
    }
    if parsed.contains(.ctrl("c")) {
      throw KeymapError(description: "key.\(actionName): Ctrl-C always quits")
    }
    bind(parsed, to: action)
  }
}

/// Text from a config file, made safe to show.
private func safe(_ text: some StringProtocol) -> String { UntrustedText.sanitized(text) }
