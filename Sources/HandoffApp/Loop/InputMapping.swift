import HandoffTerminal

/// Turns the engine's decoded input into the dashboard's messages.
enum InputMapping {
  /// The message for one input event; nil for input the dashboard ignores.
  static func message(_ event: InputEvent) -> Msg? {
    switch event {
    case .paste(let text):
      return .paste(text)
    case .mouse(let mouse):
      switch mouse.action {
      case .press(button: 0): return .mouse(.click(x: mouse.x, y: mouse.y))
      case .wheelUp: return .mouse(.wheelUp(x: mouse.x, y: mouse.y))
      case .wheelDown: return .mouse(.wheelDown(x: mouse.x, y: mouse.y))
      default: return nil
      }
    case .key(let key, let modifiers):
      return keyPress(key, modifiers).map(Msg.key)
    }
  }

  static func keyPress(_ key: Key, _ modifiers: Modifiers) -> KeyPress? {
    switch key {
    case .char(let c):
      if modifiers.contains(.ctrl) { return .ctrl(Character(c.lowercased())) }
      if modifiers.contains(.alt) || modifiers.contains(.meta) { return nil }
      return .char(c)
    case .enter: return .enter
    case .tab: return modifiers.contains(.shift) ? .backTab : .tab
    case .backTab: return .backTab
    case .backspace: return .backspace
    case .escape: return .escape
    case .up: return .up
    case .down: return .down
    case .left: return .left
    case .right: return .right
    case .home: return .home
    case .end: return .end
    case .pageUp: return .pageUp
    case .pageDown: return .pageDown
    case .delete: return .delete
    case .insert, .function: return nil
    }
  }
}
