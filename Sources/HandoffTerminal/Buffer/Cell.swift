/// One cell of the screen: an extended grapheme cluster and its style, in 16 bytes
/// and no reference: the cluster is one Unicode scalar held inline (almost every cell),
/// or the number of a cluster of several scalars kept once in `GraphemeTable`.
///
/// A character two cells wide lives in the left cell (`width == 2`); the cell to
/// its right is a continuation (`width == 0`, empty text) that is never drawn.
public struct Cell: Hashable, Sendable {
  /// A scalar value, or `clusterFlag` with the cluster's number in `GraphemeTable`;
  /// `0` is the empty text of a continuation.
  var content: UInt32
  public var style: Style
  /// Cells the text covers: 1, 2 for a wide character, 0 for a continuation.
  public var width: UInt8

  /// The bit that marks `content` as a cluster number.
  static let clusterFlag: UInt32 = 0x8000_0000

  /// A cell of the given text (already safe for a terminal).
  public init(text: String, style: Style, width: UInt8) {
    content = Cell.content(of: text)
    self.style = style
    self.width = width
  }

  /// A cell of one scalar, without looking at a string.
  init(scalar: UInt32, style: Style, width: UInt8) {
    content = scalar
    self.style = style
    self.width = width
  }

  /// The grapheme cluster drawn in the cell; already safe for a terminal.
  public var text: String {
    if content & Cell.clusterFlag != 0 { return GraphemeTable.shared.text(content) }
    guard content != 0, let scalar = Unicode.Scalar(content) else { return "" }
    return String(Character(scalar))
  }

  /// Whether the cell holds one ASCII byte (its value), the common case.
  var ascii: UInt8? { content < 0x80 && content != 0 ? UInt8(content) : nil }

  /// Appends the cell's text as UTF-8.
  func appendUTF8(to out: inout [UInt8]) {
    if content < 0x80 {
      if content != 0 { out.append(UInt8(content)) }
      return
    }
    if content & Cell.clusterFlag != 0 {
      out.append(contentsOf: GraphemeTable.shared.text(content).utf8)
      return
    }
    guard let scalar = Unicode.Scalar(content) else { return }
    UTF8.encode(scalar) { out.append($0) }
  }

  /// A blank cell: a space in the given style.
  public static func blank(_ style: Style = .plain) -> Cell {
    Cell(scalar: 0x20, style: style, width: 1)
  }

  /// The right half of a wide character.
  static func continuation(_ style: Style) -> Cell {
    Cell(scalar: 0, style: style, width: 0)
  }

  /// Whether the cell is the right half of a wide character.
  public var isContinuation: Bool { width == 0 }

  /// Whether the cell is a space.
  var isSpace: Bool { content == 0x20 }

  /// The content for a text: its one scalar, or its number in the table.
  private static func content(of text: String) -> UInt32 {
    var scalars = text.unicodeScalars.makeIterator()
    guard let first = scalars.next() else { return 0 }
    if scalars.next() == nil { return first.value }
    return GraphemeTable.shared.number(of: text)
  }
}
