/// A grid of cells that views draw into and the renderer diffs.
///
/// Every way in sanitizes text (`UntrustedText`) and keeps wide characters whole:
/// overwriting either half of a wide character blanks the other half.
public struct CellBuffer: Hashable, Sendable {
  public private(set) var width: Int
  public private(set) var height: Int
  /// Cells row by row, `width * height` of them.
  public private(set) var cells: [Cell]

  /// A buffer of blank cells in the given style.
  public init(width: Int, height: Int, style: Style = .plain) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank(style), count: self.width * self.height)
  }

  /// The whole buffer as a rectangle.
  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  /// The cell at column x, row y.
  public subscript(x: Int, y: Int) -> Cell {
    cells[y * width + x]
  }

  /// Writes text from (x, y) to the right, one grapheme cluster per cell (two for a
  /// wide one), clipped to `clip` and the buffer. A wide character that does not fit
  /// before the clip edge becomes a space. Returns the column after the last cell
  /// written.
  @discardableResult
  public mutating func put(
    _ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil
  ) -> Int {
    let area = (clip ?? bounds).intersection(bounds)
    guard y >= area.y, y < area.maxY else { return x }
    var string = String(text)
    let ascii = string.withUTF8 { bytes in
      // Printable ASCII: one cell per byte, no grapheme breaking needed.
      guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil as Int? }
      var column = x
      for byte in bytes {
        if column >= area.maxX { break }
        if column >= area.x {
          setNarrow(column, y, Cell(scalar: UInt32(byte), style: style, width: 1))
        }
        column += 1
      }
      return min(column, area.maxX)
    }
    if let ascii { return ascii }
    var column = x
    for character in UntrustedText.sanitized(string) {
      if column >= area.maxX { break }
      var cluster = String(character)
      var cells = DisplayWidth.of(character)
      if cells == 0 {
        // A lone combining mark would join the previous cell's text on the terminal;
        // give it the dotted circle it is conventionally shown on.
        cluster = "\u{25CC}" + cluster
        cells = 1
      }
      if column < area.x {
        if cells == 2 && column + 1 == area.x { set(area.x, y, .blank(style)) }
      } else if cells == 2 && column + 1 >= area.maxX {
        set(column, y, .blank(style))
        column += 1
        break
      } else {
        set(column, y, Cell(text: cluster, style: style, width: UInt8(cells)))
      }
      column += cells
    }
    return min(column, area.maxX)
  }

  /// Sets every cell of the rectangle to a space in the given style.
  public mutating func fill(_ rect: Rect, style: Style = .plain) {
    let area = rect.intersection(bounds)
    let blank = Cell.blank(style)
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX { setNarrow(x, y, blank) }
    }
  }

  /// Fills the rectangle with one character repeated (a border line, a gauge).
  public mutating func fill(_ rect: Rect, with character: Character, style: Style = .plain) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    let text = String(character)
    if DisplayWidth.of(character) == 1, UntrustedText.isSafe(text) {
      // One cell a character: the same cell everywhere, without `put`'s per-call work.
      let cell = Cell(text: text, style: style, width: 1)
      for y in area.y..<area.maxY {
        for x in area.x..<area.maxX { setNarrow(x, y, cell) }
      }
      return
    }
    for y in area.y..<area.maxY {
      var x = area.x
      while x < area.maxX { x = put(text, x: x, y: y, style: style, clip: area) }
    }
  }

  /// Copies the cells of a rectangle from a buffer of the same size: a part of the
  /// screen drawn for an earlier frame and unchanged since. Nothing when the sizes differ.
  public mutating func copy(_ rect: Rect, from other: CellBuffer) {
    guard other.width == width, other.height == height else { return }
    let area = rect.intersection(bounds)
    guard area.width > 0 else { return }
    for y in area.y..<area.maxY {
      let start = y * width + area.x
      let row = start..<(start + area.width)
      cells.replaceSubrange(row, with: other.cells[row])
    }
  }

  /// Changes the style of every cell in the rectangle, keeping the text.
  public mutating func restyle(_ rect: Rect, _ change: (Style) -> Style) {
    let area = rect.intersection(bounds)
    for y in area.y..<area.maxY {
      for x in area.x..<area.maxX {
        cells[y * width + x].style = change(cells[y * width + x].style)
      }
    }
  }

  /// Sets every cell to a space in the given style.
  public mutating func clear(style: Style = .plain) {
    for index in cells.indices { cells[index] = .blank(style) }
  }

  /// The plain text of one row, a wide character counted once.
  public func text(row y: Int) -> String {
    var line = ""
    for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
    return line
  }

  /// The plain text of every row.
  public var lines: [String] { (0..<height).map { text(row: $0) } }

  /// Moves the rows of `region` up by `distance` rows (down when negative), as a
  /// terminal's delete or insert of lines inside a scroll region does: rows pushed out
  /// of the region are lost and the rows left behind are plain blanks.
  mutating func shiftRows(_ region: ClosedRange<Int>, by distance: Int) {
    let top = max(0, region.lowerBound)
    let bottom = min(height - 1, region.upperBound)
    let count = min(abs(distance), bottom - top + 1)
    guard count > 0 else { return }
    let blanks = Array(repeating: Cell.blank(), count: count * width)
    if distance > 0 {
      cells.removeSubrange((top * width)..<((top + count) * width))
      cells.insert(contentsOf: blanks, at: (bottom + 1 - count) * width)
    } else {
      cells.removeSubrange(((bottom + 1 - count) * width)..<((bottom + 1) * width))
      cells.insert(contentsOf: blanks, at: top * width)
    }
  }

  /// Stores a one-cell-wide cell: the plain store unless a wide character is
  /// overwritten.
  @inline(__always)
  private mutating func setNarrow(_ x: Int, _ y: Int, _ cell: Cell) {
    let index = y * width + x
    if cells[index].width == 1 {
      cells[index] = cell
    } else {
      set(x, y, cell)
    }
  }

  /// Stores a cell, keeping wide characters whole around it.
  private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
    let index = y * width + x
    let old = cells[index]
    if old.width == 0 && x > 0 {
      cells[index - 1] = .blank(cells[index - 1].style)
    } else if old.width == 2 && x + 1 < width {
      cells[index + 1] = .blank(cells[index + 1].style)
    }
    cells[index] = cell
    if cell.width == 2 {
      let next = index + 1
      if cells[next].width == 2 && x + 2 < width {
        cells[next + 1] = .blank(cells[next + 1].style)
      }
      cells[next] = .continuation(cell.style)
    }
  }
}
