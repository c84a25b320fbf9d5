/// An independent model of a VT terminal screen for tests: it parses the subset of
/// escape sequences Handoff's renderer emits (cursor positioning and moves, SGR, erase,
/// private modes, the scroll region with line insert and delete, UTF-8 text with wide
/// characters) and keeps the resulting grid, so a
/// test can replay emitted bytes and compare the screen with the frame it meant.
///
/// Written apart from the renderer on purpose: it shares no code with it, only the
/// display-width function it is given.
package struct ScreenModel: Sendable {
  /// A colour as SGR set it.
  package enum Color: Hashable, Sendable {
    case `default`
    case palette(Int)
    case rgb(Int, Int, Int)
  }

  /// The graphic rendition of a cell.
  package struct Rendition: Hashable, Sendable {
    package var foreground = Color.default
    package var background = Color.default
    package var bold = false
    package var dim = false
    package var italic = false
    package var underline = false
    package var reverse = false
    package init() {}
  }

  /// One cell: its text (empty for the right half of a wide character) and rendition.
  package struct Cell: Hashable, Sendable {
    package var text: String
    package var width: Int
    package var rendition: Rendition
  }

  package let width: Int
  package let height: Int
  package private(set) var cells: [Cell]
  package private(set) var cursorX = 0
  package private(set) var cursorY = 0
  /// Whether the cursor sits past the last column, waiting to wrap.
  package private(set) var pendingWrap = false
  package private(set) var rendition = Rendition()
  /// The scroll region (`CSI top ; bottom r`), rows counted from 0, both inclusive.
  package private(set) var scrollTop = 0
  package private(set) var scrollBottom: Int
  /// Private modes (`CSI ? n h/l`) as last set.
  package private(set) var privateModes: [Int: Bool] = [:]
  /// Sequences the model did not understand, for assertions.
  package private(set) var unknownSequences: [String] = []

  private let displayWidth: @Sendable (Character) -> Int
  private var state = ParserState.ground
  private var parameters: [UInt8] = []
  private var text: [UInt8] = []

  private enum ParserState: Sendable {
    case ground
    case escape
    case csi
    case osc
  }

  /// A blank screen; `displayWidth` says how many cells a grapheme cluster takes.
  package init(width: Int, height: Int, displayWidth: @escaping @Sendable (Character) -> Int) {
    self.width = width
    self.height = height
    self.displayWidth = displayWidth
    scrollBottom = height - 1
    cells = Array(
      repeating: Cell(text: " ", width: 1, rendition: Rendition()), count: width * height)
  }

  /// The cell at column x, row y.
  package subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

  /// Whether a private mode is on (off when never set).
  package func isSet(_ mode: Int) -> Bool { privateModes[mode] ?? false }

  /// The plain text of a row, a wide character counted once.
  package func text(row y: Int) -> String {
    (0..<width).map { self[$0, y] }.filter { $0.width != 0 }.map(\.text).joined()
  }

  /// The plain text of every row.
  package var lines: [String] { (0..<height).map { text(row: $0) } }

  /// Interprets bytes written to the terminal.
  package mutating func feed(_ bytes: some Sequence<UInt8>) {
    for byte in bytes { consume(byte) }
    flushText()
  }

  private mutating func consume(_ byte: UInt8) {
    switch state {
    case .ground:
      if byte == 0x1B {
        flushText()
        state = .escape
      } else if byte < 0x20 || byte == 0x7F {
        flushText()
        control(byte)
      } else {
        text.append(byte)
      }
    case .escape:
      switch byte {
      case 0x5B:
        parameters.removeAll()
        state = .csi
      case 0x5D: state = .osc
      default:
        unknownSequences.append("ESC \(byte)")
        state = .ground
      }
    case .csi:
      if (0x40...0x7E).contains(byte) {
        csi(final: byte)
        state = .ground
      } else {
        parameters.append(byte)
      }
    case .osc:
      if byte == 0x07 || byte == 0x1B { state = .ground }
    }
  }

  private mutating func control(_ byte: UInt8) {
    switch byte {
    case 0x0D:
      cursorX = 0
      pendingWrap = false
    case 0x0A:
      lineFeed()
    case 0x08:
      cursorX = max(0, cursorX - 1)
      pendingWrap = false
    case 0x07: break
    default: unknownSequences.append("C0 \(byte)")
    }
  }

  private mutating func lineFeed() {
    pendingWrap = false
    if cursorY == scrollBottom {
      removeLines(at: scrollTop, count: 1)
    } else if cursorY < height - 1 {
      cursorY += 1
    }
  }

  /// Removes `count` rows at `row` within the scroll region; the rows below move up
  /// and blank rows fill the region's bottom.
  private mutating func removeLines(at row: Int, count: Int) {
    let count = min(count, scrollBottom + 1 - row)
    guard count > 0 else { return }
    cells.removeSubrange((row * width)..<((row + count) * width))
    cells.insert(
      contentsOf: Array(repeating: blank(), count: count * width),
      at: (scrollBottom + 1 - count) * width)
  }

  /// Inserts `count` blank rows at `row` within the scroll region; the rows below move
  /// down and those pushed past the region's bottom are lost.
  private mutating func insertLines(at row: Int, count: Int) {
    let count = min(count, scrollBottom + 1 - row)
    guard count > 0 else { return }
    cells.removeSubrange(((scrollBottom + 1 - count) * width)..<((scrollBottom + 1) * width))
    cells.insert(contentsOf: Array(repeating: blank(), count: count * width), at: row * width)
  }

  /// `CSI top ; bottom r`: sets the scroll region (the whole screen when left out or
  /// invalid) and homes the cursor.
  private mutating func setScrollRegion(top: Int, bottom: Int) {
    if top < bottom && bottom < height {
      scrollTop = top
      scrollBottom = bottom
    } else {
      scrollTop = 0
      scrollBottom = height - 1
    }
    moveTo(x: 0, y: 0)
  }

  private func blank() -> Cell {
    var background = Rendition()
    background.background = rendition.background
    return Cell(text: " ", width: 1, rendition: background)
  }

  private mutating func flushText() {
    guard !text.isEmpty else { return }
    let string = String(decoding: text, as: UTF8.self)
    text.removeAll()
    for character in string { place(character) }
  }

  private mutating func place(_ character: Character) {
    let cellWidth = displayWidth(character)
    if cellWidth == 0 {
      // Joins the cell before the cursor, as terminals do with combining marks.
      let x = pendingWrap ? cursorX : max(0, cursorX - 1)
      var index = cursorY * width + x
      if cells[index].width == 0 && x > 0 { index -= 1 }
      cells[index].text.append(character)
      return
    }
    if pendingWrap {
      cursorX = 0
      lineFeed()
    }
    if cellWidth == 2 && cursorX == width - 1 {
      // A wide character does not fit in the last column: the terminal wraps first.
      erase(at: cursorX)
      cells[cursorY * width + cursorX] = blank()
      cursorX = 0
      lineFeed()
    }
    erase(at: cursorX)
    if cellWidth == 2 { erase(at: cursorX + 1) }
    cells[cursorY * width + cursorX] = Cell(
      text: String(character), width: cellWidth, rendition: rendition)
    if cellWidth == 2 {
      cells[cursorY * width + cursorX + 1] = Cell(text: "", width: 0, rendition: rendition)
    }
    cursorX += cellWidth
    if cursorX >= width {
      cursorX = width - 1
      pendingWrap = true
    }
  }

  /// Clears the wide character that overlaps column x, if any, before it is overwritten.
  private mutating func erase(at x: Int) {
    guard x < width else { return }
    let index = cursorY * width + x
    if cells[index].width == 0 && x > 0 {
      cells[index - 1] = Cell(text: " ", width: 1, rendition: cells[index - 1].rendition)
      cells[index] = Cell(text: " ", width: 1, rendition: cells[index].rendition)
    } else if cells[index].width == 2 && x + 1 < width {
      cells[index + 1] = Cell(text: " ", width: 1, rendition: cells[index + 1].rendition)
    }
  }

  private mutating func csi(final: UInt8) {
    let isPrivate = parameters.first == 0x3F
    let body = isPrivate ? Array(parameters.dropFirst()) : parameters
    let values = String(decoding: body, as: UTF8.self).split(
      separator: ";", omittingEmptySubsequences: false
    ).map { Int($0) ?? 0 }
    func value(_ index: Int, default fallback: Int) -> Int {
      index < values.count && values[index] != 0 ? values[index] : fallback
    }
    if isPrivate {
      switch final {
      case 0x68: for mode in values { privateModes[mode] = true }
      case 0x6C: for mode in values { privateModes[mode] = false }
      default: unknownSequences.append("CSI ? \(final)")
      }
      return
    }
    switch final {
    case 0x48, 0x66:
      moveTo(x: value(1, default: 1) - 1, y: value(0, default: 1) - 1)
    case 0x41: moveTo(x: cursorX, y: cursorY - value(0, default: 1))
    case 0x42: moveTo(x: cursorX, y: cursorY + value(0, default: 1))
    case 0x43: moveTo(x: cursorX + value(0, default: 1), y: cursorY)
    case 0x44: moveTo(x: cursorX - value(0, default: 1), y: cursorY)
    case 0x47: moveTo(x: value(0, default: 1) - 1, y: cursorY)
    case 0x64: moveTo(x: cursorX, y: value(0, default: 1) - 1)
    case 0x4A: eraseDisplay(values.first ?? 0)
    case 0x4B: eraseLine(values.first ?? 0)
    case 0x6D: selectGraphicRendition(values)
    case 0x72:
      setScrollRegion(top: value(0, default: 1) - 1, bottom: value(1, default: height) - 1)
    case 0x4C, 0x4D:
      // IL and DL act only with the cursor inside the scroll region, and end at its
      // first column.
      if cursorY >= scrollTop && cursorY <= scrollBottom {
        if final == 0x4C {
          insertLines(at: cursorY, count: value(0, default: 1))
        } else {
          removeLines(at: cursorY, count: value(0, default: 1))
        }
      }
      cursorX = 0
      pendingWrap = false
    default: unknownSequences.append("CSI \(String(decoding: body, as: UTF8.self)) \(final)")
    }
  }

  private mutating func moveTo(x: Int, y: Int) {
    cursorX = min(max(0, x), width - 1)
    cursorY = min(max(0, y), height - 1)
    pendingWrap = false
  }

  private mutating func eraseDisplay(_ mode: Int) {
    let cursor = cursorY * width + cursorX
    let range: Range<Int> =
      switch mode {
      case 0: cursor..<cells.count
      case 1: 0..<(cursor + 1)
      default: 0..<cells.count
      }
    for index in range { cells[index] = blank() }
  }

  private mutating func eraseLine(_ mode: Int) {
    let start = cursorY * width
    let range: Range<Int> =
      switch mode {
      case 0: (start + cursorX)..<(start + width)
      case 1: start..<(start + cursorX + 1)
      default: start..<(start + width)
      }
    for index in range { cells[index] = blank() }
  }

  private mutating func selectGraphicRendition(_ values: [Int]) {
    var index = 0
    while index < values.count {
      let code = values[index]
      switch code {
      case 0: rendition = Rendition()
      case 1: rendition.bold = true
      case 2: rendition.dim = true
      case 3: rendition.italic = true
      case 4: rendition.underline = true
      case 7: rendition.reverse = true
      case 22:
        rendition.bold = false
        rendition.dim = false
      case 23: rendition.italic = false
      case 24: rendition.underline = false
      case 27: rendition.reverse = false
      case 30...37: rendition.foreground = .palette(code - 30)
      case 39: rendition.foreground = .default
      case 40...47: rendition.background = .palette(code - 40)
      case 49: rendition.background = .default
      case 90...97: rendition.foreground = .palette(code - 90 + 8)
      case 100...107: rendition.background = .palette(code - 100 + 8)
      case 38, 48:
        var color = Color.default
        if index + 2 < values.count && values[index + 1] == 5 {
          color = .palette(values[index + 2])
          index += 2
        } else if index + 4 < values.count && values[index + 1] == 2 {
          color = .rgb(values[index + 2], values[index + 3], values[index + 4])
          index += 4
        } else {
          unknownSequences.append("SGR \(code) without a colour")
        }
        if code == 38 { rendition.foreground = color } else { rendition.background = color }
      default: unknownSequences.append("SGR \(code)")
      }
      index += 1
    }
  }
}
