/// One cell of the screen: an extended grapheme cluster and its style.
///
/// A character two cells wide lives in the left cell (`width == 2`); the cell to
/// its right is a continuation (`width == 0`, empty text) that is never drawn.
public struct Cell: Hashable, Sendable {
  /// The grapheme cluster drawn in the cell; already safe for a terminal.
  public var text: String
  public var style: Style
  /// Cells the text covers: 1, 2 for a wide character, 0 for a continuation.
  public var width: UInt8

  /// A blank cell: a space in the given style.
  public static func blank(_ style: Style = .plain) -> Cell {
    Cell(text: " ", style: style, width: 1)
  }

  /// The right half of a wide character.
  static func continuation(_ style: Style) -> Cell {
    Cell(text: "", style: style, width: 0)
  }

  /// Whether the cell is the right half of a wide character.
  public var isContinuation: Bool { width == 0 }
}
