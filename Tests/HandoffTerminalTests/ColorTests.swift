import HandoffTerminal
import Testing

@Suite struct ColorTests {
  @Test(
    "colour depth from the environment",
    arguments: [
      (["TERM": "xterm-256color", "COLORTERM": "truecolor"], ColorDepth.truecolor),
      (["TERM": "xterm", "COLORTERM": "24bit"], .truecolor),
      (["TERM": "xterm-direct"], .truecolor),
      (["TERM": "tmux-256color"], .indexed256),
      (["TERM": "screen-256color", "COLORTERM": ""], .indexed256),
      (["TERM": "xterm"], .ansi16),
      (["TERM": "linux"], .ansi16),
      (["TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"], .none),
      (["TERM": "xterm-256color", "NO_COLOR": ""], .indexed256),
      (["TERM": "dumb"], .none),
    ])
  func detect(_ environment: [String: String], _ depth: ColorDepth) {
    #expect(ColorDepth.detect(environment: environment) == depth)
  }

  @Test func nearestPaletteColours() {
    #expect(ColorPalette.nearest256(0xFF, 0x00, 0x00) == 196)
    #expect(ColorPalette.nearest256(0x5F, 0xAF, 0xFF) == 75)
    #expect(ColorPalette.nearest256(0x80, 0x80, 0x80) == 244)
    #expect(ColorPalette.nearest256(0x00, 0x00, 0x00) == 16)
    #expect(ColorPalette.nearest16(0xFF, 0x10, 0x10) == 9)
    #expect(ColorPalette.nearest16(0xC0, 0x00, 0x00) == 1)
    #expect(ColorPalette.nearest16(0x00, 0x00, 0x00) == 0)
    #expect(ColorPalette.nearest16(0xFA, 0xFA, 0xFA) == 15)
    #expect(ColorPalette.nearest16(0xE0, 0xE0, 0xE0) == 7)
    #expect(ColorPalette.nearest16(0x00, 0x2B, 0x36) == 0)  // solarized base03 is near black
  }

  @Test func paletteEntries() {
    #expect(ColorPalette.rgb(ofIndex: 16) == (0, 0, 0))
    #expect(ColorPalette.rgb(ofIndex: 196) == (255, 0, 0))
    #expect(ColorPalette.rgb(ofIndex: 231) == (255, 255, 255))
    #expect(ColorPalette.rgb(ofIndex: 232) == (8, 8, 8))
    #expect(ColorPalette.rgb(ofIndex: 255) == (238, 238, 238))
  }

  @Test func hexColours() {
    #expect(Color(hex: "#5fafff") == .rgb(0x5F, 0xAF, 0xFF))
    #expect(Color(hex: "5fafff") == nil)
    #expect(Color(hex: "#5fafzz") == nil)
    #expect(Color(hex: "#fff") == nil)
  }
}
