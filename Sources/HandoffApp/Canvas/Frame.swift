import HandoffTerminal

/// One screen of cells that the views draw into: characters with a role each. A wide
/// character takes its cell and marks the next as its continuation.
public struct Frame: Equatable, Sendable {
  /// One cell.
  public struct Cell: Equatable, Sendable {
    /// What is drawn; a space when empty.
    public var char: Character = " "
    /// How it is coloured.
    public var role: Role = .text
    /// The right half of a wide character drawn in the cell before.
    public var continuation = false
  }

  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  /// A blank frame.
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: Cell(), count: self.width * self.height)
  }

  /// The cell at a position.
  public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

  /// Writes text from data at a position, made safe first, clipped at `limit` columns
  /// from `x` (and at the frame's edge); returns the column after the last one written.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, role: Role = .text, limit: Int = Int.max
  ) -> Int {
    guard y >= 0, y < height else { return x }
    let end = min(width, x &+ max(0, limit))
    var col = x
    for c in UntrustedText.sanitized(text) {
      let w = DisplayWidth.of(c)
      if w == 0 { continue }
      if col + w > end { break }
      if col >= 0 {
        clearWide(at: col, y)
        cells[y * width + col] = Cell(char: c, role: role)
        if w == 2 {
          clearWide(at: col + 1, y)
          cells[y * width + col + 1] = Cell(char: " ", role: role, continuation: true)
        }
      }
      col += w
    }
    return col
  }

  /// Paints the role over an area and blanks it.
  public mutating func fill(_ area: Area, role: Role, char: Character = " ") {
    for y in max(0, area.y)..<min(height, area.y + area.height) {
      for x in max(0, area.x)..<min(width, area.x + area.width) {
        clearWide(at: x, y)
        cells[y * width + x] = Cell(char: char, role: role)
      }
    }
  }

  /// Changes the role of cells without changing what they show.
  public mutating func paint(_ area: Area, role: Role) {
    for y in max(0, area.y)..<min(height, area.y + area.height) {
      for x in max(0, area.x)..<min(width, area.x + area.width) {
        cells[y * width + x].role = role
      }
    }
  }

  /// Keeps wide characters whole: overwriting either half blanks the other.
  private mutating func clearWide(at x: Int, _ y: Int) {
    guard x >= 0, x < width else { return }
    let i = y * width + x
    if cells[i].continuation, x > 0 {
      cells[i - 1].char = " "
    } else if x + 1 < width, cells[i + 1].continuation {
      cells[i + 1] = Cell()
    }
  }

  /// The frame as plain text, one line a row, trailing spaces removed.
  public var lines: [String] {
    (0..<height).map { y in
      var line = ""
      for x in 0..<width where !self[x, y].continuation { line.append(self[x, y].char) }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// The frame as plain text.
  public var text: String { lines.joined(separator: "\n") + "\n" }
}
