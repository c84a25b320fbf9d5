extension KeyPress {
  /// How help, hints and config files write the key: `j`, `Ctrl-L`, `PgDn`, `S-Tab`.
  package var name: String {
    switch self {
    case .char(" "): return "Space"
    case .char(let character): return String(character)
    case .ctrl(let letter): return "Ctrl-" + letter.uppercased()
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .home: return "Home"
    case .end: return "End"
    case .tab: return "Tab"
    case .backTab: return "S-Tab"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .backspace: return "Backspace"
    case .delete: return "Del"
    }
  }

  /// The key a name stands for, as `name` writes it or in the usual spellings of
  /// config files (`up`, `pgdn`, `shift-tab`, `ctrl-l`, `C-l`, `^L`, `return`);
  /// nil for anything else.
  package init?(name: String) {
    let named: [String: KeyPress] = [
      "space": .char(" "), "up": .up, "↑": .up, "down": .down, "↓": .down, "left": .left,
      "←": .left, "right": .right, "→": .right, "pgup": .pageUp, "pageup": .pageUp,
      "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end, "tab": .tab,
      "s-tab": .backTab, "shift-tab": .backTab, "backtab": .backTab, "enter": .enter,
      "return": .enter, "esc": .escape, "escape": .escape, "backspace": .backspace,
      "del": .delete, "delete": .delete,
    ]
    if let key = named[name.lowercased()] {
      self = key
      return
    }
    if name.count == 1, let character = name.first {
      guard !character.isWhitespace, character.unicodeScalars.allSatisfy({ $0.value >= 0x20 })
      else { return nil }
      self = .char(character)
      return
    }
    let lower = name.lowercased()
    for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
      let rest = lower.dropFirst(prefix.count)
      guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else {
        return nil
      }
      self = .ctrl(letter)
      return
    }
    return nil
  }

  /// Whether the key types a character (into a filter, a prompt, a picker).
  var isPrintable: Bool {
    if case .char = self { return true }
    return false
  }
}
