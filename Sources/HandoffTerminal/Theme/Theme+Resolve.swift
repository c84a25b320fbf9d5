import Foundation

extension Theme {
  /// The names of the themes shipped with (and embedded in) the binary.
  public static var shippedNames: [String] { ShippedThemes.files.keys.sorted() }

  /// A shipped theme by name, from the text embedded at build time.
  public static func shipped(_ name: String) throws -> Theme? {
    guard let text = ShippedThemes.files[name] else { return nil }
    return try parse(text, name: name, source: "shipped theme '\(name)'")
  }

  /// The theme `--theme` names: nil means the built-in default; a value with a `/`
  /// or ending in `.theme` is a file path; otherwise a name, looked up in
  /// `$XDG_CONFIG_HOME/handoff/themes/NAME.theme` (default `~/.config`), then among
  /// the shipped themes. Errors are one line naming the file and line.
  public static func resolve(
    _ nameOrPath: String?, environment: [String: String]
  ) throws -> Theme {
    guard let request = nameOrPath, !request.isEmpty else { return .standard }
    if request.contains("/") || request.hasSuffix(".theme") {
      return try load(path: request)
    }
    let safeName = UntrustedText.sanitized(request)
    guard request.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
      throw ThemeError(source: "--theme", message: "'\(safeName)' is not a theme name or path")
    }
    let directory = userThemeDirectory(environment: environment)
    if let directory {
      let path = directory + "/" + request + ".theme"
      if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
    }
    if let theme = try shipped(request) { return theme }
    let looked = directory.map { " in \(UntrustedText.sanitized($0)) or" } ?? ""
    throw ThemeError(
      source: "--theme",
      message: "no theme '\(safeName)'\(looked) among the shipped themes "
        + "(\(shippedNames.joined(separator: ", ")))")
  }

  /// Where a user's own themes live, if a home or config directory is known.
  public static func userThemeDirectory(environment: [String: String]) -> String? {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return config + "/handoff/themes"
    }
    if let home = environment["HOME"], !home.isEmpty { return home + "/.config/handoff/themes" }
    return nil
  }

  /// Reads and parses a theme file; its name is the file name without `.theme`.
  public static func load(path: String) throws -> Theme {
    let source = UntrustedText.sanitized(path)
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      let reason =
        FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
      throw ThemeError(source: source, message: reason)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ThemeError(source: source, message: "not UTF-8 text")
    }
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    return try parse(text, name: name, source: source)
  }
}

extension Theme {
  /// The embedded text of a shipped theme file (for tests and `--theme` listings).
  public static func shippedText(_ name: String) -> String? { ShippedThemes.files[name] }
}
