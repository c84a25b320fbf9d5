import HandoffTerminal
import HandoffTerminalTesting
import TestSupport
import Testing

/// A copy of `base` in which the rows `top...bottom` of columns `columns` moved up by
/// `distance` rows (down when negative), the rows left behind written with new text:
/// what a pane's list does when it scrolls beside panes that stay.
private func scrolled(
  _ base: CellBuffer, columns: Range<Int>, top: Int, bottom: Int, distance: Int,
  using random: inout SplitMix64
) -> CellBuffer {
  var frame = base
  for y in top...bottom {
    let source = y + distance
    if source < top || source > bottom {
      frame.fill(Rect(x: columns.lowerBound, y: y, width: columns.count, height: 1))
      frame.put(
        "row \(Int.random(in: 0..<1000, using: &random)) 東", x: columns.lowerBound, y: y,
        style: Style(foreground: .rgb(0x5F, 0xD7, 0xFF)),
        clip: Rect(x: columns.lowerBound, y: y, width: columns.count, height: 1))
      continue
    }
    for x in columns {
      let cell = base[x, source]
      guard !cell.isContinuation else { continue }
      frame.put(
        cell.text, x: x, y: y, style: cell.style,
        clip: Rect(x: columns.lowerBound, y: y, width: columns.count, height: 1))
    }
  }
  return frame
}

/// What a person sees in a cell: its text and width, its background, and for anything
/// but a plain space (which shows only its background) the whole rendition.
private struct VisibleCell: Equatable {
  var text: String
  var width: Int
  var background: ScreenModel.Color
  var rendition: ScreenModel.Rendition?
}

private func visible(_ model: ScreenModel) -> [VisibleCell] {
  model.cells.map { cell in
    let rendition = cell.rendition
    let loose = cell.text == " " && !rendition.reverse && !rendition.underline
    return VisibleCell(
      text: cell.text, width: cell.width, background: rendition.background,
      rendition: loose ? nil : rendition)
  }
}

@Suite struct RendererScrollTests {
  @Test(
    "frames drawn with scroll regions leave the screen as frames drawn without",
    arguments: ColorDepth.allCases)
  func scrollingMatchesRewriting(depth: ColorDepth) {
    var random = SplitMix64(seed: 0x5C8011 + UInt64(depth.rawValue))
    var scrolledFrames = 0
    for round in 0..<200 {
      let width = Int.random(in: 4...40, using: &random)
      let height = Int.random(in: 4...16, using: &random)
      var scrolling = Renderer(depth: depth)
      var rewriting = Renderer(depth: depth, scrolls: false)
      var withScroll = ScreenModel(width: width, height: height) { DisplayWidth.of($0) }
      var without = ScreenModel(width: width, height: height) { DisplayWidth.of($0) }
      var frame = randomFrame(width: width, height: height, from: nil, using: &random)
      var bytes: [UInt8] = []
      for step in 0..<6 {
        bytes.removeAll(keepingCapacity: true)
        scrolling.render(frame, into: &bytes)
        let reset: [UInt8] = [0x1B, 0x5B, 0x72]
        if bytes.indices.contains(where: { bytes[$0...].starts(with: reset) }) {
          scrolledFrames += 1
        }
        withScroll.feed(bytes)
        bytes.removeAll(keepingCapacity: true)
        rewriting.render(frame, into: &bytes)
        without.feed(bytes)
        if let problem = difference(withScroll, frame, depth: depth) {
          Issue.record("round \(round) step \(step) \(width)x\(height): \(problem)")
          return
        }
        #expect(visible(withScroll) == visible(without), "round \(round) step \(step)")
        #expect(withScroll.unknownSequences.isEmpty)
        #expect(withScroll.scrollTop == 0 && withScroll.scrollBottom == height - 1)
        // The next frame: a band of rows scrolled by a few, over all or some columns,
        // sometimes with a few other changes; now and then something else entirely.
        let left = Int.random(in: 0..<(width / 2), using: &random)
        let right =
          Bool.random(using: &random) ? width : Int.random(in: (left + 1)...width, using: &random)
        let top = Int.random(in: 0..<(height - 2), using: &random)
        let bottom = Int.random(in: (top + 2)..<height, using: &random)
        let distance =
          Int.random(in: 1...3, using: &random) * (Bool.random(using: &random) ? 1 : -1)
        frame = scrolled(
          frame, columns: left..<right, top: top, bottom: bottom, distance: distance, using: &random
        )
        if Int.random(in: 0..<3, using: &random) == 0 {
          frame = randomFrame(width: width, height: height, from: frame, using: &random)
        }
      }
    }
    #expect(scrolledFrames > 50, "only \(scrolledFrames) frames used a scroll region")
  }

  @Test func aScrolledListCostsLessThanRewritingIt() {
    func list(from first: Int) -> CellBuffer {
      var frame = CellBuffer(width: 80, height: 24)
      for y in 0..<24 {
        frame.put(
          "lead \(first + y) of the list, Company \((first + y) % 17)", x: 0, y: y,
          style: Style(foreground: .rgb(0xD0, 0xD0, 0xD0)))
      }
      return frame
    }
    var scrolling = Renderer(depth: .truecolor)
    var rewriting = Renderer(depth: .truecolor, scrolls: false)
    var model = ScreenModel(width: 80, height: 24) { DisplayWidth.of($0) }
    var bytes: [UInt8] = []
    var rewritten: [UInt8] = []
    scrolling.render(list(from: 0), into: &bytes)
    rewriting.render(list(from: 0), into: &rewritten)
    model.feed(bytes)
    bytes.removeAll()
    rewritten.removeAll()
    scrolling.render(list(from: 1), into: &bytes)
    rewriting.render(list(from: 1), into: &rewritten)
    model.feed(bytes)
    #expect(model.lines == list(from: 1).lines)
    #expect(
      bytes.count * 3 < rewritten.count, "\(bytes.count) B scrolled, \(rewritten.count) B rewritten"
    )
  }
}
