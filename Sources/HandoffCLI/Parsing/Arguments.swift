import HandoffText

/// A command's own flags: the name and, for flags that take one, what their value is
/// called in help (`--reason R`).
struct Flag: Sendable {
  let name: String
  let value: String?

  /// A flag with a value.
  static func value(_ name: String, _ placeholder: String) -> Flag {
    Flag(name: name, value: placeholder)
  }

  /// A flag without a value.
  static func toggle(_ name: String) -> Flag { Flag(name: name, value: nil) }
}

/// A command's arguments after parsing against its flags: positionals in order and
/// flag values by name (without the leading dashes).
struct Arguments {
  var positionals: [String] = []
  private var values: [String: String] = [:]
  private var lists: [String: [String]] = [:]
  private var toggles: Set<String> = []

  /// Parses `tokens` (the command's words after its name, global options removed).
  init(_ tokens: [String], flags: [Flag], command: String) throws(CLIError) {
    var i = 0
    var literal = false
    while i < tokens.count {
      let token = tokens[i]
      i += 1
      if literal || !Arguments.looksLikeFlag(token) {
        positionals.append(token)
        continue
      }
      if token == "--" {
        literal = true
        continue
      }
      let (name, inline) = GlobalOptions.splitFlag(token)
      let bare = String(name.drop(while: { $0 == "-" }))
      guard let flag = flags.first(where: { $0.name == bare }) else {
        let known = flags.map { "--" + $0.name } + GlobalOptions.flags
        throw .usage(
          "unknown flag \(UntrustedTextCLI.safe(name)) for '\(command)'"
            + Suggestion.hint(for: name, in: known))
      }
      if flag.value != nil {
        if let inline {
          values[bare] = inline
        } else {
          guard i < tokens.count else { throw .usage("--\(bare) needs a value (\(command))") }
          values[bare] = tokens[i]
          i += 1
        }
        lists[bare, default: []].append(values[bare] ?? "")
      } else {
        guard inline == nil else { throw .usage("--\(bare) takes no value") }
        toggles.insert(bare)
      }
    }
  }

  /// Whether a word is a flag rather than a value: starts with `-` and is not a number.
  static func looksLikeFlag(_ token: String) -> Bool {
    guard token.hasPrefix("-"), token.count > 1 else { return false }
    return Double(token) == nil
  }

  /// The value of a flag, if given (the last, when it is given more than once).
  func value(_ name: String) -> String? { values[name] }

  /// Every value of a flag that may be given more than once (`--map A=x --map B=y`).
  func values(_ name: String) -> [String] { lists[name] ?? [] }

  /// Whether a toggle flag was given.
  func has(_ name: String) -> Bool { toggles.contains(name) }

  /// The positional at an index, or a usage error naming what is missing.
  func positional(_ index: Int, _ what: String) throws(CLIError) -> String {
    guard index < positionals.count else { throw .usage("missing \(what)") }
    return positionals[index]
  }
}
