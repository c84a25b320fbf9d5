import Foundation
import HandoffApp
import HandoffStore
import HandoffTerminal
import HandoffText

/// The user's config file, `$XDG_CONFIG_HOME/handoff/config` (else
/// `~/.config/handoff/config`), read and checked: `user`, `store`, `theme`, `notify`
/// and key overrides `key.ACTION = KEYS`, in the `key = value` lines of the theme files
/// (`KeyValueLines`). Every value is checked when the file is read, so a bad line
/// stops the command before it does anything, naming the file and the line
/// (docs/CONFIG.md).
struct ConfigFile {
  /// A value the file sets and the line that sets it.
  struct Line: Equatable {
    var value: String
    var line: Int
  }

  /// Where the file is looked for; nil with neither `XDG_CONFIG_HOME` nor `HOME`.
  var path: String?
  /// Whether there was a file there.
  var exists = false
  /// `user`, `store`, `theme`, `notify`: what the file sets, by key.
  var values: [String: Line] = [:]
  /// The keys as the file binds them (the standard keys where it says nothing).
  var keymap = Keymap.standard
  /// The line of each `key.ACTION` the file sets.
  var keyLines: [KeyAction: Int] = [:]

  /// The settings the file may hold besides `key.ACTION`.
  static let keys = ["user", "store", "theme", "notify"]

  /// No file: every setting falls through to its default.
  static let none = ConfigFile()

  /// Where the config file is for an environment.
  static func path(environment: [String: String]) -> String? {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return config + "/handoff/config"
    }
    if let home = environment["HOME"], home.hasPrefix("/") {
      return home + "/.config/handoff/config"
    }
    return nil
  }

  /// Reads and checks the config file of an environment; no file is no settings. A
  /// file that cannot be read or has a bad line is bad usage (exit 2), named with its
  /// line.
  static func load(environment: [String: String]) throws(CLIError) -> ConfigFile {
    guard let path = path(environment: environment) else { return .none }
    guard FileManager.default.fileExists(atPath: path) else { return ConfigFile(path: path) }
    let source = UntrustedTextCLI.safe(path)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .usage("\(source): cannot be read")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .usage("\(source): not UTF-8 text")
    }
    return try parse(text, path: path, environment: environment)
  }

  /// Checks the text of a config file at `path` (named in errors).
  static func parse(
    _ text: String, path: String, environment: [String: String]
  ) throws(CLIError) -> ConfigFile {
    let source = UntrustedTextCLI.safe(path)
    var file = ConfigFile(path: path, exists: true)
    let entries: [KeyValueLines.Entry]
    do {
      entries = try KeyValueLines.parse(text)
    } catch {
      throw .usage("\(source):\(error.line): \(error.message)")
    }
    for entry in entries {
      let key = String(entry.key)
      let value = String(entry.value)
      func fail(_ message: String) -> CLIError { .usage("\(source):\(entry.line): \(message)") }
      if key.hasPrefix("key.") {
        do {
          try file.keymap.set(key, to: value)
        } catch {
          let action = String(key.dropFirst(4))
          let hint =
            KeyAction(rawValue: action) == nil
            ? Suggestion.hint(for: action, in: KeyAction.allCases.map(\.rawValue), prefix: "key.")
            : ""
          throw fail(error.description + hint)
        }
        if let action = KeyAction(rawValue: String(key.dropFirst(4))) {
          file.keyLines[action] = entry.line
        }
        continue
      }
      guard keys.contains(key) else {
        throw fail(
          "unknown key '\(UntrustedTextCLI.safe(key))'"
            + Suggestion.hint(for: key, in: keys + ["key.assign"])
            + " (known: \(keys.joined(separator: ", ")), key.ACTION)")
      }
      if let problem = ConfigFile.problem(key, value, environment: environment) {
        throw fail("\(key): \(problem)")
      }
      file.values[key] = Line(value: expandHome(value, key: key, environment), line: entry.line)
    }
    return file
  }

  /// What is wrong with a value for a key, if anything.
  private static func problem(
    _ key: String, _ value: String, environment: [String: String]
  ) -> String? {
    guard !value.isEmpty else { return "no value" }
    guard ControlCharacters.isFree(value) else { return "holds a control character" }
    switch key {
    case "user":
      return value.count <= 64 ? nil : "longer than 64 characters"
    case "store":
      if case .url(let scheme, _) = StoreAddress(value) {
        return StoreOpener.knownSchemes.contains(scheme)
          ? nil : "'\(UntrustedTextCLI.safe(scheme))://' is not a kind of store (postgres://…)"
      }
      let path = expandHome(value, key: key, environment)
      return path.hasPrefix("/")
        ? nil : "'\(UntrustedTextCLI.safe(value))' is not an absolute path (or ~/…)"
    case "theme":
      do {
        _ = try Theme.resolve(value, environment: environment)
        return nil
      } catch let error as ThemeError {
        // Not found by name: the message alone (the source would say "--theme").
        return error.source == "--theme" ? error.message : error.description
      } catch {
        return String(describing: error)
      }
    case "notify":
      return NotifyMode(rawValue: value) == nil
        ? "'\(UntrustedTextCLI.safe(value))' is not one of \(NotifyMode.names)" : nil
    default:
      return nil
    }
  }

  /// A store path written `~/…`, with the home folder put in.
  private static func expandHome(
    _ value: String, key: String, _ environment: [String: String]
  ) -> String {
    guard key == "store", value.hasPrefix("~/"), let home = environment["HOME"],
      home.hasPrefix("/")
    else { return value }
    return home + value.dropFirst(1)
  }
}
