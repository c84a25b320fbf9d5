/// Turns frames into the bytes that change the screen from the last frame to the
/// next: only changed cells, the cheapest cursor moves, SGR only on change, rows that
/// moved up or down scrolled with a scroll region when that is cheaper, all wrapped in
/// synchronized output with the cursor hidden.
///
/// Pure: it writes into a byte array the caller owns and reuses; `TerminalSession`
/// sends that array with one `write`.
public struct Renderer: Sendable {
  /// The colour depth frames are drawn for.
  public var depth: ColorDepth { mapper.depth }
  private var mapper: ColorMapper
  /// The frame the terminal shows now.
  private var previous: CellBuffer
  private var clearNext = true
  /// The cursor position after the last write, when known.
  private var cursorX = 0
  private var cursorY = 0
  private var cursorKnown = false
  /// The style the terminal uses for the next text (always plain between frames).
  private var current = Style.plain
  /// Where the visible cursor was left, when the last frame showed one.
  private var shownCursor: (x: Int, y: Int)?
  /// Whether rows that moved may be scrolled on the terminal (see `ScrollDetector`).
  public let scrolls: Bool
  /// The bytes of the frame drawn the other way, while the two are weighed.
  private var trial: [UInt8] = []

  /// A renderer whose first frame clears the screen and draws everything; with
  /// `scrolls` false it never uses a scroll region (a reference for tests).
  public init(depth: ColorDepth, scrolls: Bool = true) {
    mapper = ColorMapper(depth: depth)
    previous = CellBuffer(width: 0, height: 0)
    self.scrolls = scrolls
  }

  /// Makes the next frame clear the screen and draw in full (after Ctrl-L, a
  /// resume from suspend, or anything else that may have changed the screen).
  public mutating func invalidate() {
    clearNext = true
  }

  /// Appends to `out` the bytes that turn the screen into `frame`, and shows the
  /// cursor at `cursor` if given (for a prompt). Appends nothing when the frame and
  /// cursor are unchanged. A frame of another size than the last redraws in full.
  public mutating func render(
    _ frame: CellBuffer, cursor: (x: Int, y: Int)? = nil, into out: inout [UInt8]
  ) {
    // A cursor outside the frame is not shown.
    let cursor = cursor.flatMap { position in
      position.x >= 0 && position.x < frame.width && position.y >= 0
        && position.y < frame.height ? position : nil
    }
    let start = out.count
    out.appendASCII("\u{1B}[?2026h\u{1B}[?25l")
    let header = out.count
    if clearNext || frame.width != previous.width || frame.height != previous.height {
      out.appendASCII("\u{1B}[0m\u{1B}[H\u{1B}[2J")
      current = .plain
      cursorX = 0
      cursorY = 0
      cursorKnown = true
      clearNext = false
      previous = CellBuffer(width: frame.width, height: frame.height)
    }
    if scrolls, let shift = ScrollDetector.shift(from: previous, to: frame) {
      drawWeighingScroll(shift, frame, into: &out)
    } else {
      drawChanges(frame, into: &out)
    }
    if current != .plain {
      out.appendASCII("\u{1B}[0m")
      current = .plain
    }
    let cursorMoved =
      cursor.map { (shownCursor?.x, shownCursor?.y) != ($0.x, $0.y) } ?? (shownCursor != nil)
    if out.count == header && !cursorMoved {
      out.removeSubrange(start...)
      return
    }
    if let cursor {
      move(toX: cursor.x, y: cursor.y, in: frame, into: &out)
      out.appendASCII("\u{1B}[?25h")
      shownCursor = cursor
    } else {
      shownCursor = nil
    }
    out.appendASCII("\u{1B}[?2026l")
    previous = frame
  }

  /// Draws the frame both ways, rewriting the moved rows and scrolling them first,
  /// and keeps the shorter bytes (and the renderer state that goes with them).
  private mutating func drawWeighingScroll(
    _ shift: ScrollShift, _ frame: CellBuffer, into out: inout [UInt8]
  ) {
    var scrolled = self
    var bytes = trial
    trial = []
    bytes.removeAll(keepingCapacity: true)
    scrolled.scroll(shift, into: &bytes)
    scrolled.drawChanges(frame, into: &bytes)
    let start = out.count
    drawChanges(frame, into: &out)
    if bytes.count < out.count - start {
      out.removeSubrange(start...)
      out.append(contentsOf: bytes)
      self = scrolled
    }
    bytes.removeAll(keepingCapacity: true)
    trial = bytes
  }

  /// Moves rows on the terminal, and in `previous`, as `shift` says: sets the scroll
  /// region, deletes or inserts lines at its top, and resets the region (which homes
  /// the cursor). Lines come in blank in the plain style, which is current here.
  private mutating func scroll(_ shift: ScrollShift, into out: inout [UInt8]) {
    out.appendCSI()
    out.appendDecimal(shift.top + 1)
    out.append(0x3B)
    out.appendDecimal(shift.bottom + 1)
    out.append(0x72)
    if shift.top > 0 {
      out.appendCSI()
      out.appendDecimal(shift.top + 1)
      out.append(0x48)
    }
    out.appendCSI()
    if abs(shift.distance) > 1 { out.appendDecimal(abs(shift.distance)) }
    out.append(shift.distance > 0 ? 0x4D : 0x4C)
    out.appendASCII("\u{1B}[r")
    cursorX = 0
    cursorY = 0
    cursorKnown = true
    previous.shiftRows(shift.top...shift.bottom, by: shift.distance)
  }

  private mutating func drawChanges(_ frame: CellBuffer, into out: inout [UInt8]) {
    let width = frame.width
    frame.cells.withUnsafeBufferPointer { next in
      previous.cells.withUnsafeBufferPointer { old in
        for y in 0..<frame.height {
          let row = y * width
          // Most rows of a frame are the last frame's: one comparison of their bytes.
          if CellRun.identical(next, row, old, row, count: width) { continue }
          var x = 0
          while x < width {
            let cell = next[row + x]
            if cell.isContinuation || cell == old[row + x]
              || Renderer.sameBlank(cell, old[row + x])
            {
              x += 1
              continue
            }
            move(toX: x, y: y, in: frame, into: &out)
            var style = mapper.map(cell.style)
            if Renderer.isLooseBlank(cell) {
              // A space shows only its background: keep whatever foreground and
              // bold/dim/italic the terminal has, instead of switching them back and forth.
              style.foreground = current.foreground
              style.attributes = style.attributes.subtracting(Renderer.invisibleOnBlank)
                .union(current.attributes.intersection(Renderer.invisibleOnBlank))
            }
            SGR.transition(from: current, to: style, into: &out)
            current = style
            cell.appendUTF8(to: &out)
            x += Int(cell.width)
            cursorX = x
            // At the right edge the terminal holds a pending wrap: position unknown.
            if x >= width { cursorKnown = false }
          }
        }
      }
    }
  }

  /// Attributes a space does not show.
  static let invisibleOnBlank: Attributes = [.bold, .dim, .italic]

  /// A space whose foreground and bold/dim/italic cannot be seen (no reverse, no
  /// underline): only its background shows.
  static func isLooseBlank(_ cell: Cell) -> Bool {
    cell.isSpace && cell.width == 1
      && cell.style.attributes.intersection([.reverse, .underline]).isEmpty
  }

  /// Two spaces that look the same: same background, neither reversed nor underlined.
  static func sameBlank(_ a: Cell, _ b: Cell) -> Bool {
    isLooseBlank(a) && isLooseBlank(b) && a.style.background == b.style.background
  }

  /// Moves the cursor to (x, y) the cheapest way it knows.
  private mutating func move(toX x: Int, y: Int, in frame: CellBuffer, into out: inout [UInt8]) {
    defer {
      cursorX = x
      cursorY = y
      cursorKnown = true
    }
    guard cursorKnown else {
      appendPosition(x: x, y: y, into: &out)
      return
    }
    if cursorY == y {
      if cursorX == x { return }
      if x > cursorX && rewriteGap(from: cursorX, to: x, y: y, in: frame, into: &out) { return }
      appendColumnMove(from: cursorX, to: x, into: &out)
      return
    }
    // `CSI row ; col H` is 3 bytes plus the numbers (the column left out when it is 1).
    let absolute = 3 + decimalDigits(y + 1) + (x == 0 ? 0 : 1 + decimalDigits(x + 1))
    if x == 0 && y == cursorY + 1 {
      out.append(0x0D)
      out.append(0x0A)
      return
    }
    let distance = abs(y - cursorY)
    let vertical = 3 + (distance == 1 ? 0 : decimalDigits(distance))
    let horizontal = columnMoveCost(from: cursorX, to: x)
    if vertical + horizontal < absolute {
      out.appendCSI()
      if distance > 1 { out.appendDecimal(distance) }
      out.append(y > cursorY ? 0x42 : 0x41)
      appendColumnMove(from: cursorX, to: x, into: &out)
    } else {
      appendPosition(x: x, y: y, into: &out)
    }
  }

  /// `CSI row ; column H`, shortened when the column is the first.
  private func appendPosition(x: Int, y: Int, into out: inout [UInt8]) {
    out.appendCSI()
    out.appendDecimal(y + 1)
    if x > 0 {
      out.append(0x3B)
      out.appendDecimal(x + 1)
    }
    out.append(0x48)
  }

  private func columnMoveCost(from: Int, to: Int) -> Int {
    if from == to { return 0 }
    if to == 0 { return 1 }
    let distance = abs(to - from)
    return 3 + (distance == 1 ? 0 : decimalDigits(distance))
  }

  private func appendColumnMove(from: Int, to: Int, into out: inout [UInt8]) {
    if from == to { return }
    if to == 0 {
      out.append(0x0D)
      return
    }
    let distance = abs(to - from)
    out.appendCSI()
    if distance > 1 { out.appendDecimal(distance) }
    out.append(to > from ? 0x43 : 0x44)
  }

  /// Moves right over a short gap by writing its unchanged cells again when they are
  /// plain one-cell ASCII in the current style and that is shorter than `CSI n C`.
  private mutating func rewriteGap(
    from: Int, to: Int, y: Int, in frame: CellBuffer, into out: inout [UInt8]
  ) -> Bool {
    let gap = to - from
    guard gap <= 3 && gap < columnMoveCost(from: from, to: to) else { return false }
    for x in from..<to {
      let cell = frame[x, y]
      guard cell.width == 1, cell.ascii != nil, mapper.map(cell.style) == current else {
        return false
      }
    }
    for x in from..<to { frame[x, y].appendUTF8(to: &out) }
    return true
  }
}
