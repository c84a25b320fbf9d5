import HandoffTerminal

/// A key the dashboard reacts to, independent of how the terminal encoded it.
package enum KeyPress: Hashable, Sendable {
  /// A printable character (`j`, `>`, `é`).
  case char(Character)
  /// A letter pressed with Control (`ctrl("l")`).
  case ctrl(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case tab, backTab
  case enter, escape, backspace, delete
}

extension KeyPress {
  /// The key as the engine's widgets (line editor, picker) take it.
  var inputEvent: InputEvent {
    switch self {
    case .char(let character): return .char(character)
    case .ctrl(let letter): return .ctrl(letter)
    case .up: return .key(.up)
    case .down: return .key(.down)
    case .left: return .key(.left)
    case .right: return .key(.right)
    case .pageUp: return .key(.pageUp)
    case .pageDown: return .key(.pageDown)
    case .home: return .key(.home)
    case .end: return .key(.end)
    case .tab: return .key(.tab)
    case .backTab: return .key(.backTab)
    case .enter: return .key(.enter)
    case .escape: return .key(.escape)
    case .backspace: return .key(.backspace)
    case .delete: return .key(.delete)
    }
  }
}

/// A mouse action the dashboard reacts to, in zero-based cell coordinates.
package enum MouseInput: Hashable, Sendable {
  /// A left click.
  case click(x: Int, y: Int)
  /// The wheel turned up (towards the top of a list).
  case wheelUp(x: Int, y: Int)
  /// The wheel turned down.
  case wheelDown(x: Int, y: Int)
}
