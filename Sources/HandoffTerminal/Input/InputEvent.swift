/// Modifier keys held with a key or mouse event.
public struct Modifiers: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let shift = Modifiers(rawValue: 1 << 0)
  public static let alt = Modifiers(rawValue: 1 << 1)
  public static let ctrl = Modifiers(rawValue: 1 << 2)
  public static let meta = Modifiers(rawValue: 1 << 3)

  /// The modifiers of an xterm modifier parameter (`CSI 1;5A` has 5: ctrl).
  init(xtermParameter value: Int) {
    self.init(rawValue: UInt8(truncatingIfNeeded: max(0, value - 1) & 0x0F))
  }
}

/// A key as the decoder recognises it.
public enum Key: Hashable, Sendable {
  /// A character: typed text, or the letter of a Ctrl/Alt combination (lower case).
  case char(Character)
  case enter
  case tab
  /// Shift-Tab.
  case backTab
  case backspace
  case escape
  case up
  case down
  case left
  case right
  case home
  case end
  case pageUp
  case pageDown
  case insert
  case delete
  /// F1–F12 (and beyond, when a terminal sends them).
  case function(Int)
}

/// What a mouse did.
public enum MouseAction: Hashable, Sendable {
  /// Button 0 left, 1 middle, 2 right.
  case press(button: Int)
  case release(button: Int)
  /// Moved with a button held.
  case drag(button: Int)
  case wheelUp
  case wheelDown
  case wheelLeft
  case wheelRight
}

/// A mouse event at a cell, 0-based from the top left.
public struct MouseEvent: Hashable, Sendable {
  public var action: MouseAction
  public var x: Int
  public var y: Int
  public var modifiers: Modifiers

  public init(action: MouseAction, x: Int, y: Int, modifiers: Modifiers = []) {
    self.action = action
    self.x = x
    self.y = y
    self.modifiers = modifiers
  }
}

/// One decoded input event.
///
/// In a `switch`, `.char("q")` and `.ctrl("l")` match as values; a special key is
/// matched with its modifiers: `.key(.escape, _)` for any, `.key(.up, [])` for none.
public enum InputEvent: Hashable, Sendable {
  case key(Key, Modifiers)
  /// Bracketed paste, as one event; its text is already sanitized.
  case paste(String)
  case mouse(MouseEvent)

  /// A key without modifiers.
  public static func key(_ key: Key) -> InputEvent { .key(key, []) }

  /// A typed character without modifiers.
  public static func char(_ character: Character) -> InputEvent { .key(.char(character), []) }

  /// A Ctrl-letter combination.
  public static func ctrl(_ character: Character) -> InputEvent {
    .key(.char(character), .ctrl)
  }
}
