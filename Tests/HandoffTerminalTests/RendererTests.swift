import Foundation
import HandoffTerminal
import HandoffTerminalTesting
import TestSupport
import Testing

/// What the screen model should show for a style at a colour depth.
private func rendition(of style: Style, depth: ColorDepth) -> ScreenModel.Rendition {
  var rendition = ScreenModel.Rendition()
  rendition.foreground = modelColor(style.foreground, depth: depth)
  rendition.background = modelColor(style.background, depth: depth)
  rendition.bold = style.attributes.contains(.bold)
  rendition.dim = style.attributes.contains(.dim)
  rendition.italic = style.attributes.contains(.italic)
  rendition.underline = style.attributes.contains(.underline)
  rendition.reverse = style.attributes.contains(.reverse)
  return rendition
}

private func modelColor(_ color: Color, depth: ColorDepth) -> ScreenModel.Color {
  switch (depth, color) {
  case (.none, _), (_, .default): return .default
  case (_, .ansi(let index)): return .palette(Int(index))
  case (.ansi16, .indexed(let index)):
    if index < 16 { return .palette(Int(index)) }
    let (r, g, b) = ColorPalette.rgb(ofIndex: index)
    return .palette(Int(ColorPalette.nearest16(r, g, b)))
  case (_, .indexed(let index)): return .palette(Int(index))
  case (.truecolor, .rgb(let r, let g, let b)):
    // A colour that is exactly an xterm-256 entry goes out as that entry.
    if let index = ColorPalette.exactIndex(r, g, b) { return .palette(Int(index)) }
    return .rgb(Int(r), Int(g), Int(b))
  case (.indexed256, .rgb(let r, let g, let b)):
    return .palette(Int(ColorPalette.nearest256(r, g, b)))
  case (_, .rgb(let r, let g, let b)): return .palette(Int(ColorPalette.nearest16(r, g, b)))
  }
}

/// Checks that the model shows exactly the frame; returns the first difference.
func difference(_ model: ScreenModel, _ frame: CellBuffer, depth: ColorDepth) -> String? {
  for y in 0..<frame.height {
    for x in 0..<frame.width {
      let want = frame[x, y]
      let got = model[x, y]
      if want.isContinuation {
        if got.width != 0 { return "(\(x),\(y)) should continue a wide character" }
        continue
      }
      if got.text != want.text || got.width != Int(want.width) {
        return
          "(\(x),\(y)) shows '\(got.text)' w\(got.width), frame has '\(want.text)' w\(want.width)"
      }
      var expected = rendition(of: want.style, depth: depth)
      if want.text == " ", !expected.reverse, !expected.underline {
        // A plain space shows only its background; the renderer may leave the rest.
        expected.foreground = got.rendition.foreground
        expected.bold = got.rendition.bold
        expected.dim = got.rendition.dim
        expected.italic = got.rendition.italic
      }
      if got.rendition != expected {
        return "(\(x),\(y)) '\(want.text)' has rendition \(got.rendition), want \(want.style)"
      }
    }
  }
  return nil
}

private let samples = [
  "a", "b", "x", " ", "  ", "東", "京都", "😀", "é", "e\u{301}", "👩‍👩‍👧", "🇯🇵", "─", "…",
  "\u{1B}[", "abc def", "東a京b", "\u{301}x",
]

private let styles: [Style] = [
  .plain,
  Style(foreground: .red),
  Style(foreground: .brightCyan, background: .blue, attributes: .bold),
  Style(foreground: .indexed(208), attributes: [.italic, .underline]),
  Style(foreground: .indexed(3)),
  Style(foreground: .rgb(0x12, 0x34, 0x56), background: .rgb(0xEE, 0xDD, 0xCC)),
  Style(background: .rgb(0x5F, 0xAF, 0xFF), attributes: .reverse),
  Style(attributes: .dim),
  Style(attributes: [.bold, .dim]),
]

func randomFrame(
  width: Int, height: Int, from base: CellBuffer?, using random: inout SplitMix64
) -> CellBuffer {
  var frame = base ?? CellBuffer(width: width, height: height)
  let writes = Int.random(in: 0...(base == nil ? 30 : 6), using: &random)
  for _ in 0..<writes {
    let style = styles.randomElement(using: &random) ?? .plain
    let x = Int.random(in: -2...width, using: &random)
    let y = Int.random(in: 0..<height, using: &random)
    if Int.random(in: 0..<8, using: &random) == 0 {
      let rect = Rect(
        x: x, y: y, width: Int.random(in: 0...width, using: &random),
        height: Int.random(in: 1...3, using: &random))
      frame.fill(rect, style: style)
      continue
    }
    var text = ""
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      text += samples.randomElement(using: &random) ?? ""
    }
    let clip =
      Bool.random(using: &random)
      ? nil
      : Rect(
        x: Int.random(in: 0..<width, using: &random), y: 0,
        width: Int.random(in: 1...width, using: &random), height: height)
    frame.put(text, x: x, y: y, style: style, clip: clip)
  }
  return frame
}

@Suite struct RendererTests {
  @Test(
    "replaying the bytes over the old screen gives exactly the new frame",
    arguments: ColorDepth.allCases)
  func replayProperty(depth: ColorDepth) {
    var random = SplitMix64(seed: 0xC0FFEE + UInt64(depth.rawValue))
    for round in 0..<1_000 {
      let width = Int.random(in: 1...24, using: &random)
      let height = Int.random(in: 1...6, using: &random)
      var renderer = Renderer(depth: depth)
      var model = ScreenModel(width: width, height: height) { DisplayWidth.of($0) }
      var bytes: [UInt8] = []
      var frame = randomFrame(width: width, height: height, from: nil, using: &random)
      for step in 0..<4 {
        bytes.removeAll(keepingCapacity: true)
        let cursor =
          Bool.random(using: &random)
          ? (
            x: Int.random(in: 0..<width, using: &random),
            y: Int.random(in: 0..<height, using: &random)
          )
          : nil
        renderer.render(frame, cursor: cursor, into: &bytes)
        model.feed(bytes)
        if let cursor {
          #expect(model.isSet(25) && model.cursorX == cursor.x && model.cursorY == cursor.y)
        } else {
          #expect(!model.isSet(25))
        }
        if let problem = difference(model, frame, depth: depth) {
          Issue.record("round \(round) step \(step) \(width)x\(height): \(problem)")
          return
        }
        #expect(model.unknownSequences.isEmpty)
        #expect(model.rendition == ScreenModel.Rendition(), "SGR is reset at the end of a frame")
        #expect(!model.isSet(2026), "synchronized output is closed")
        frame =
          Bool.random(using: &random)
          ? randomFrame(width: width, height: height, from: frame, using: &random)
          : randomFrame(width: width, height: height, from: nil, using: &random)
      }
    }
  }

  @Test func unchangedFrameCostsNothing() {
    var renderer = Renderer(depth: .truecolor)
    var frame = CellBuffer(width: 160, height: 45)
    frame.put("hello 東京 😀", x: 3, y: 7, style: Style(foreground: .rgb(1, 2, 3)))
    var bytes: [UInt8] = []
    renderer.render(frame, into: &bytes)
    #expect(!bytes.isEmpty)
    bytes.removeAll()
    renderer.render(frame, into: &bytes)
    #expect(bytes.isEmpty)
  }

  @Test func framesAreSynchronizedAndHideTheCursor() {
    var renderer = Renderer(depth: .truecolor)
    var frame = CellBuffer(width: 10, height: 2)
    frame.put("hi", x: 0, y: 0)
    var bytes: [UInt8] = []
    renderer.render(frame, into: &bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("\u{1B}[?2026h\u{1B}[?25l"))
    #expect(text.hasSuffix("\u{1B}[?2026l"))
    #expect(text.contains("\u{1B}[2J"), "the first frame clears")
    bytes.removeAll()
    frame.put("ho", x: 0, y: 0)
    renderer.render(frame, into: &bytes)
    #expect(!String(decoding: bytes, as: UTF8.self).contains("\u{1B}[2J"), "later frames do not")
  }

  @Test func cursorIsShownWhereAsked() {
    var renderer = Renderer(depth: .truecolor)
    let frame = CellBuffer(width: 10, height: 3)
    var bytes: [UInt8] = []
    renderer.render(frame, cursor: (4, 1), into: &bytes)
    var model = ScreenModel(width: 10, height: 3) { DisplayWidth.of($0) }
    model.feed(bytes)
    #expect(model.cursorX == 4 && model.cursorY == 1)
    #expect(model.isSet(25))
    bytes.removeAll()
    renderer.render(frame, cursor: (4, 1), into: &bytes)
    #expect(bytes.isEmpty)
    renderer.render(frame, into: &bytes)
    model.feed(bytes)
    #expect(!model.isSet(25))
  }

  @Test func noColorKeepsAttributes() {
    var renderer = Renderer(depth: .none)
    var frame = CellBuffer(width: 10, height: 1)
    frame.put(
      "sel", x: 0, y: 0,
      style: Style(foreground: .red, background: .blue, attributes: [.reverse, .bold]))
    var bytes: [UInt8] = []
    renderer.render(frame, into: &bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\u{1B}[1;7m"))
    #expect(!text.contains("31") && !text.contains("44"))
  }

  @Test func invalidateRedrawsInFull() {
    var renderer = Renderer(depth: .ansi16)
    var frame = CellBuffer(width: 10, height: 2)
    frame.put("abc", x: 0, y: 0)
    var bytes: [UInt8] = []
    renderer.render(frame, into: &bytes)
    bytes.removeAll()
    renderer.invalidate()
    renderer.render(frame, into: &bytes)
    var model = ScreenModel(width: 10, height: 2) { DisplayWidth.of($0) }
    model.feed(Array("garbage everywhere".utf8))
    model.feed(bytes)
    #expect(model.lines == ["abc       ", "          "])
  }
}

@Suite struct SnapshotTextTests {
  @Test func plainTextDropsTrailingSpaces() {
    var buffer = CellBuffer(width: 8, height: 2)
    buffer.put("東京 x", x: 1, y: 0)
    #expect(buffer.plainText == " 東京 x\n\n")
  }

  @Test func styledTextReplaysToTheSameScreen() {
    var buffer = CellBuffer(width: 12, height: 3)
    buffer.put("ab", x: 0, y: 0, style: Style(foreground: .red, attributes: .bold))
    buffer.put("東", x: 4, y: 1, style: Style(background: .rgb(1, 2, 3)))
    buffer.fill(Rect(x: 0, y: 2, width: 12, height: 1), style: Style(attributes: .reverse))
    let text = buffer.styledText(depth: .truecolor)
    #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 4)
    var model = ScreenModel(width: 12, height: 4) { DisplayWidth.of($0) }
    model.feed(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    #expect(model.text(row: 0) == "ab          ")
    #expect(model[0, 0].rendition.bold && model[0, 0].rendition.foreground == .palette(1))
    #expect(model[4, 1].rendition.background == .rgb(1, 2, 3))
    #expect(model[11, 2].rendition.reverse)
    #expect(model.rendition == ScreenModel.Rendition())
  }
}
