import Foundation
import HandoffTerminal
import Testing

/// The repository's Themes/ directory, found from this file.
private let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

/// A fresh temporary directory for one test.
private func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "handoff-theme-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

@Suite struct ThemeTests {
  @Test func parsesColoursBackgroundsAndAttributes() throws {
    let theme = try Theme.parse(
      """
      # comment
      name = test
      text = #102030
      accent = bright-cyan bold underline
      selection = black on #5fafff reverse
      muted = 244
      border = default on 17

      """, name: "x", source: "test.theme")
    #expect(theme.name == "test")
    #expect(theme[.text] == Style(foreground: .rgb(0x10, 0x20, 0x30)))
    #expect(theme[.accent] == Style(foreground: .brightCyan, attributes: [.bold, .underline]))
    #expect(
      theme[.selection]
        == Style(foreground: .black, background: .rgb(0x5F, 0xAF, 0xFF), attributes: .reverse))
    #expect(theme[.muted] == Style(foreground: .indexed(244)))
    #expect(theme[.border] == Style(background: .indexed(17)))
  }

  @Test func missingKeysFallBackToTheDefault() throws {
    let theme = try Theme.parse("text = red\n", name: "partial", source: "partial.theme")
    #expect(theme[.text] == Style(foreground: .red))
    #expect(theme[.selection] == Theme.standard[.selection])
    #expect(theme[.gaugeFill] == Theme.standard[.gaugeFill])
  }

  @Test(
    "errors name the file and the line",
    arguments: [
      ("text = red\nbogus = 1\n", "my.theme:2: unknown key 'bogus'"),
      ("text red\n", "my.theme:1: expected `key = value`, found 'text red'"),
      ("\n\ntext = #12345\n", "my.theme:3: text: '#12345' is not #rrggbb"),
      ("text = 256\n", "my.theme:1: text: colour index 256 is not within 0–255"),
      ("text = on\n", "my.theme:1: text: `on` needs a background colour after it"),
      (
        "text = red blue\n",
        "my.theme:1: text: unexpected 'blue' (one foreground colour, `on` a background colour, attributes)"
      ),
      ("text = red\ntext = blue\n", "my.theme:2: 'text' is set twice"),
      (
        "accent = purple\n",
        "my.theme:1: accent: unknown colour 'purple' (use #rrggbb, 0–255, default, or an ANSI name such as bright-blue)"
      ),
    ])
  func errors(_ text: String, _ message: String) {
    #expect(throws: ThemeError.self) { try Theme.parse(text, name: "x", source: "my.theme") }
    do {
      _ = try Theme.parse(text, name: "x", source: "my.theme")
    } catch {
      #expect(String(describing: error) == message)
    }
  }

  @Test func embeddedThemesAreIdenticalToTheFilesInThemes() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)
      .filter { $0.hasSuffix(".theme") }.sorted()
    #expect(files.map { String($0.dropLast(6)) } == Theme.shippedNames)
    for file in files {
      let name = String(file.dropLast(6))
      let text = try String(
        contentsOf: themesDirectory.appendingPathComponent(file), encoding: .utf8)
      #expect(
        Theme.shippedText(name).map { $0 + "\n" } == text,
        "\(file) differs from the embedded copy; run scripts/gen-shipped-themes")
    }
  }

  @Test func everyShippedThemeParsesAndSetsEveryRole() throws {
    #expect(
      Set(Theme.shippedNames).isSuperset(of: [
        "default", "light", "high-contrast", "solarized-dark", "mono",
      ]))
    for name in Theme.shippedNames {
      let text = try #require(Theme.shippedText(name))
      let theme = try #require(try Theme.shipped(name))
      #expect(theme.name == name)
      for role in ThemeRole.allCases {
        #expect(text.contains("\n\(role.rawValue) = "), "\(name) sets \(role.rawValue)")
      }
    }
  }

  @Test func defaultThemeFileMatchesTheCompiledInDefault() throws {
    #expect(try Theme.shipped("default") == Theme.standard)
  }

  @Test func monoThemeUsesNoColour() throws {
    let mono = try #require(try Theme.shipped("mono"))
    for role in ThemeRole.allCases {
      #expect(mono[role].foreground == .default && mono[role].background == .default)
    }
    #expect(mono[.selection].attributes.contains(.reverse))
  }

  @Test func resolveFindsPathsUserThemesAndShippedThemes() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let themes = directory.appendingPathComponent("handoff/themes")
    try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
    try "text = red\n".write(
      to: themes.appendingPathComponent("light.theme"), atomically: true, encoding: .utf8)
    let file = directory.appendingPathComponent("mine.theme")
    try "text = green\n".write(to: file, atomically: true, encoding: .utf8)
    let environment = ["XDG_CONFIG_HOME": directory.path, "HOME": "/nonexistent"]

    #expect(try Theme.resolve(nil, environment: environment) == Theme.standard)
    #expect(try Theme.resolve(file.path, environment: environment)[.text].foreground == .green)
    // A user theme shadows a shipped one of the same name.
    #expect(try Theme.resolve("light", environment: environment)[.text].foreground == .red)
    #expect(try Theme.resolve("solarized-dark", environment: environment).name == "solarized-dark")
    // Without XDG_CONFIG_HOME, ~/.config is used.
    let home = ["HOME": directory.path]
    #expect(
      Theme.userThemeDirectory(environment: home) == directory.path + "/.config/handoff/themes")
    #expect(
      try Theme.resolve("light", environment: home)[.text]
        == Style(foreground: .rgb(0x26, 0x26, 0x26)))
  }

  @Test func resolveErrorsAreOneLine() throws {
    let environment = ["HOME": "/nonexistent"]
    do {
      _ = try Theme.resolve("nope", environment: environment)
      Issue.record("expected an error")
    } catch {
      let text = String(describing: error)
      #expect(
        text.hasPrefix(
          "--theme: no theme 'nope' in /nonexistent/.config/handoff/themes or among the shipped themes (default, "
        ))
      #expect(!text.contains("\n"))
    }
    do {
      _ = try Theme.resolve("/nonexistent/x.theme", environment: environment)
      Issue.record("expected an error")
    } catch {
      #expect(String(describing: error) == "/nonexistent/x.theme: no such file")
    }
    #expect(throws: ThemeError.self) { try Theme.resolve("a b", environment: environment) }
  }
}

@Suite struct ThemeDepthTests {
  @Test func withoutColourHighlightsByBackgroundBecomeReverse() throws {
    let plain = Theme.standard.adapted(to: .none)
    #expect(plain[.selection].attributes.contains(.reverse))
    #expect(plain[.status].attributes.contains(.reverse))
    #expect(!plain[.text].attributes.contains(.reverse))
    #expect(Theme.standard.adapted(to: .ansi16) == Theme.standard)
    // A theme that paints the whole screen keeps ordinary roles as they are.
    let solarized = try #require(try Theme.shipped("solarized-dark")).adapted(to: .none)
    #expect(!solarized[.text].attributes.contains(.reverse))
    #expect(solarized[.selection].attributes.contains(.reverse))
  }

  @Test func selectionStaysVisibleWithNoColourInEveryShippedTheme() throws {
    for name in Theme.shippedNames {
      let theme = try #require(try Theme.shipped(name)).adapted(to: .none)
      let selection = theme[.selection].attributes
      #expect(selection.contains(.reverse) || selection.contains(.bold), "\(name)")
      #expect(theme[.selection].attributes != theme[.text].attributes, "\(name)")
    }
  }
}
