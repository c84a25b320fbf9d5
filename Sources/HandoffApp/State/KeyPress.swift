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

/// A mouse action the dashboard reacts to, in zero-based cell coordinates.
package enum MouseInput: Hashable, Sendable {
  /// A left click.
  case click(x: Int, y: Int)
  /// The wheel turned up (towards the top of a list).
  case wheelUp(x: Int, y: Int)
  /// The wheel turned down.
  case wheelDown(x: Int, y: Int)
}
