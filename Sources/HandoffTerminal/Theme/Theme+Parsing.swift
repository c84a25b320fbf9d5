extension Theme {
  /// Reads a theme file's text (format in docs/THEMES.md; lines read by `KeyValueLines`). Keys the file leaves out
  /// keep the style of `Theme.standard`. `source` names the file in errors.
  public static func parse(_ text: String, name: String, source: String) throws -> Theme {
    var theme = Theme(name: name)
    let entries: [KeyValueLines.Entry]
    do {
      entries = try KeyValueLines.parse(text)
    } catch {
      throw ThemeError(source: source, line: error.line, message: error.message)
    }
    for entry in entries {
      let (key, value) = (entry.key, entry.value)
      func fail(_ message: String) -> ThemeError {
        ThemeError(source: source, line: entry.line, message: message)
      }
      if key == "name" {
        guard !value.isEmpty else { throw fail("name is empty") }
        theme.name = UntrustedText.sanitized(value)
        continue
      }
      guard let role = ThemeRole(rawValue: String(key)) else {
        throw fail("unknown key '\(UntrustedText.sanitized(key))'")
      }
      do {
        theme[role] = try parseStyle(value)
      } catch let error as StyleSyntaxError {
        throw fail("\(key): \(error.message)")
      }
    }
    return theme
  }

  /// A style value: an optional foreground colour, `on` and a background colour,
  /// and attribute names, in any order (`#000000 on #5fafff bold`).
  static func parseStyle(_ value: Substring) throws -> Style {
    var style = Style()
    var tokens = value.split(separator: " ", omittingEmptySubsequences: true)[...]
    var foregroundSet = false
    while let token = tokens.popFirst() {
      let word = token.lowercased()
      if word == "on" {
        guard let next = tokens.popFirst() else {
          throw StyleSyntaxError(message: "`on` needs a background colour after it")
        }
        style.background = try parseColor(next)
      } else if let attribute = attributeNames[word] {
        style.attributes.insert(attribute)
      } else if !foregroundSet {
        style.foreground = try parseColor(token)
        foregroundSet = true
      } else {
        throw StyleSyntaxError(
          message: "unexpected '\(UntrustedText.sanitized(token))' (one foreground colour, "
            + "`on` a background colour, attributes)")
      }
    }
    return style
  }

  /// `default`, `#rrggbb`, a palette index 0–255, or an ANSI colour name.
  static func parseColor(_ token: Substring) throws -> Color {
    let word = token.lowercased()
    if word == "default" { return .default }
    if word.hasPrefix("#") {
      guard let color = Color(hex: word) else {
        throw StyleSyntaxError(message: "'\(UntrustedText.sanitized(token))' is not #rrggbb")
      }
      return color
    }
    if let index = Int(word) {
      guard (0...255).contains(index) else {
        throw StyleSyntaxError(message: "colour index \(index) is not within 0–255")
      }
      return .indexed(UInt8(index))
    }
    if let ansi = ansiNames[word] { return .ansi(ansi) }
    throw StyleSyntaxError(
      message: "unknown colour '\(UntrustedText.sanitized(token))' "
        + "(use #rrggbb, 0–255, default, or an ANSI name such as bright-blue)")
  }

  /// The ANSI colour names a theme file accepts, by palette index.
  public static let ansiColorNames = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
    "bright-magenta", "bright-cyan", "bright-white",
  ]

  private static let ansiNames: [String: UInt8] = {
    var names: [String: UInt8] = [:]
    for (index, name) in ansiColorNames.enumerated() { names[name] = UInt8(index) }
    names["gray"] = 8
    names["grey"] = 8
    return names
  }()

  private static let attributeNames: [String: Attributes] = [
    "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline,
    "reverse": .reverse,
  ]
}

struct StyleSyntaxError: Error {
  var message: String
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpaces() -> Substring {
    let text = Substring(self)
    let start = text.firstIndex { $0 != " " && $0 != "\t" && $0 != "\r" } ?? text.endIndex
    let end =
      text.lastIndex { $0 != " " && $0 != "\t" && $0 != "\r" }.map(text.index(after:)) ?? start
    return text[start..<Swift.max(start, end)]
  }
}
