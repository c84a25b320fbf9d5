import HandoffTerminal
import Testing

/// A dashboard-like 160×45 frame: four bordered tables and a status bar.
private func dashboard(selected: Int, theme: Theme = .standard) -> CellBuffer {
  var buffer = CellBuffer(width: 160, height: 45, style: theme[.background])
  let rows = Layout.split(buffer.bounds, .vertical, [.min(10), .fixed(1)])
  let halves = Layout.split(rows[0], .vertical, [.percent(50), .min(5)])
  for (half, titles) in zip(halves, [["Marketing", "Handoff queue"], ["Sales", "Targets"]]) {
    for (area, title) in zip(Layout.split(half, .horizontal, [.percent(50), .min(10)]), titles) {
      let focused = title == "Handoff queue"
      let inner = Pane(title: title, focused: focused).draw(in: &buffer, area: area, theme: theme)
      Table(
        columns: [
          TableColumn("ID", width: 5, alignment: .right),
          TableColumn("Name", width: 10, grows: true),
          TableColumn("Company", width: 10, grows: true),
          TableColumn("Score", width: 5, alignment: .right),
        ],
        rowCount: 1000, selected: focused ? selected : 0, focused: focused
      ) { index in
        [
          Span(String(1000 + index)), Span("Lead number \(index)"),
          Span("Company \(index % 17) GmbH"), Span(String(index % 100), role: .good),
        ]
      }.draw(in: &buffer, area: inner, theme: theme)
    }
  }
  StatusBar(
    left: [StatusItem(key: "q", "quit"), StatusItem(key: "?", "help")],
    right: [
      StatusItem("12:00:00")
    ]
  ).draw(in: &buffer, area: rows[1], theme: theme)
  return buffer
}

@Suite struct RendererEconomyTests {
  @Test(
    "moving a one-row highlight in a 160×45 frame costs a few hundred bytes",
    arguments: ColorDepth.allCases)
  func highlightMove(depth: ColorDepth) {
    var renderer = Renderer(depth: depth)
    var bytes: [UInt8] = []
    renderer.render(dashboard(selected: 3), into: &bytes)
    let full = bytes.count
    bytes.removeAll()
    renderer.render(dashboard(selected: 4), into: &bytes)
    // Two half-width rows change (about 78 cells each): the bound is a little over
    // one byte a cell plus the SGR and cursor moves, far below a repaint.
    #expect(bytes.count < 400, "highlight move cost \(bytes.count) bytes (full frame \(full))")
    #expect(bytes.count * 20 < full)
    bytes.removeAll()
    renderer.render(dashboard(selected: 4), into: &bytes)
    #expect(bytes.isEmpty)
  }

  @Test("a colour that is exactly an xterm-256 entry goes out as 38;5;N")
  func exactPaletteColours() {
    #expect(ColorPalette.exactIndex(0x5F, 0xD7, 0xFF) == 81)
    #expect(ColorPalette.exactIndex(0, 0, 0) == 16)
    #expect(ColorPalette.exactIndex(0xD0, 0xD0, 0xD0) == 252)
    #expect(ColorPalette.exactIndex(0x12, 0x34, 0x56) == nil)
    for index in 16...255 {
      let (r, g, b) = ColorPalette.rgb(ofIndex: UInt8(index))
      #expect(ColorPalette.exactIndex(r, g, b) == UInt8(index))
    }
    var frame = CellBuffer(width: 4, height: 1)
    frame.put("a", x: 0, y: 0, style: Style(foreground: .rgb(0x5F, 0xD7, 0xFF)))
    frame.put("b", x: 1, y: 0, style: Style(foreground: .rgb(0x12, 0x34, 0x56)))
    var renderer = Renderer(depth: .truecolor)
    var bytes: [UInt8] = []
    renderer.render(frame, into: &bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\u{1B}[38;5;81ma\u{1B}[38;2;18;52;86mb"))
  }

  @Test("only the attributes that change are sent")
  func attributeChanges() {
    let colour = Color.rgb(0x5F, 0xD7, 0xFF)
    var frame = CellBuffer(width: 4, height: 1)
    frame.put("a", x: 0, y: 0, style: Style(foreground: colour, attributes: [.bold, .underline]))
    frame.put("b", x: 1, y: 0, style: Style(foreground: colour, attributes: .underline))
    frame.put("c", x: 2, y: 0, style: Style(foreground: colour, attributes: [.dim, .underline]))
    var renderer = Renderer(depth: .truecolor)
    var bytes: [UInt8] = []
    renderer.render(frame, into: &bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\u{1B}[1;4;38;5;81ma\u{1B}[22mb\u{1B}[2mc"), "\(text.debugDescription)")
  }
}
