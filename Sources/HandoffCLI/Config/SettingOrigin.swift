/// Where an effective setting came from, as `handoff config` says it.
enum SettingOrigin: Equatable, CustomStringConvertible {
  /// A command-line option (`--user`).
  case flag(String)
  /// An environment variable (`HANDOFF_USER`).
  case environment(String)
  /// A line of the config file (whose path `handoff config` prints first).
  case config(path: String, line: Int)
  /// Nothing set it: the built-in default, described (`default`, `login name`).
  case builtIn(String)

  var description: String {
    switch self {
    case .flag(let name): return name
    case .environment(let name): return name
    case .config(_, let line): return "config line \(line)"
    case .builtIn(let what): return what
    }
  }
}

/// A setting's value and where it came from.
struct Effective<Value> {
  var value: Value
  var origin: SettingOrigin
}
