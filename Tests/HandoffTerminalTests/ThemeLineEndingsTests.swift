import HandoffTerminal
import Testing

@Suite struct ThemeLineEndingsTests {
  @Test(arguments: ["\n", "\r\n", "\r"])
  func aThemeReadsLineByLineWhateverItsLineEndings(ending: String) throws {
    let text = ["# a theme", "accent = #ff0000", "muted = 244 dim"].joined(separator: ending)
    let theme = try Theme.parse(text, name: "t", source: "t.theme")
    #expect(theme[.accent].foreground == .rgb(255, 0, 0))
    #expect(theme[.muted].foreground == .indexed(244))
    #expect {
      try Theme.parse(
        ["accent = #ff0000", "oops"].joined(separator: ending), name: "t", source: "t.theme")
    } throws: { error in
      "\(error)".hasPrefix("t.theme:2:")
    }
  }
}
