import HandoffApp

/// Options that apply to every command and may stand before or after it.
struct GlobalOptions {
  /// `--store PATH`: the log file.
  var store: String?
  /// `--user NAME`: who acts.
  var user: String?
  /// `--json`: data output as JSON.
  var json = false
  /// `--if-version V`: refuse a lead change if the lead is no longer at version V.
  var ifVersion: Int?
  /// `--theme NAME|PATH`, for the dashboard and snapshots.
  var theme: String?
  /// `--notify none|bell|desktop`: how the dashboard tells of news (checked with the
  /// other settings, `EffectiveSettings`).
  var notify: String?
  /// `--color` (true) / `--no-color` (false); nil: decide from the terminal.
  var color: Bool?
  /// `--demo`: the dashboard with a simulated team.
  var demo = false
  /// `--version`.
  var version = false
  /// `--help` / `-h`.
  var help = false

  /// The global options: the one table `help`, the manual and the completion scripts
  /// are generated from (`extract` below reads them).
  static let table: [Flag] = [
    .value(
      "store", "STORE", .file,
      help:
        "a log file, or postgres://USER@HOST/DB (else HANDOFF_STORE, else $XDG_DATA_HOME/handoff/store.jsonl)"
    ),
    .value(
      "user", "NAME", .member,
      help:
        "who acts: a member's handle once the team has one (else HANDOFF_USER, else your login name)"
    ),
    .toggle("json", help: "data as JSON; an error as {\"error\": …, \"exit\": N} on stderr"),
    .value(
      "if-version", "V", help: "refuse a lead change if the lead is no longer at version V"),
    .value("theme", "T", .theme, help: "the dashboard's theme: a name or a file"),
    .value(
      "notify", "MODE", .choices(NotifyMode.allCases.map(\.rawValue)),
      help:
        "the dashboard's news (assigned to you, SLA due soon or breached) beyond the status bar: none, bell or desktop (else HANDOFF_NOTIFY, else the config file, else none)"
    ),
    .toggle("color", help: "colour even when the output is not a terminal"),
    .toggle("no-color", help: "no colour"),
    .toggle("demo", help: "the dashboard on a demo team at work"),
    .toggle("version", help: "the version"),
    .toggle("help", help: "this help, or a command's (also -h)"),
  ]

  /// The global flags, for suggestions.
  static var flags: [String] { table.map { "--" + $0.name } }

  /// Takes the global options out of the arguments, wherever they stand (up to a
  /// `--`), and returns the rest in order.
  static func extract(from arguments: [String]) throws(CLIError) -> (GlobalOptions, [String]) {
    var options = GlobalOptions()
    var rest: [String] = []
    var i = 0
    var literal = false
    while i < arguments.count {
      let arg = arguments[i]
      i += 1
      if literal || !arg.hasPrefix("-") {
        rest.append(arg)
        continue
      }
      if arg == "--" {
        literal = true
        rest.append(arg)
        continue
      }
      let (name, inline) = splitFlag(arg)
      func value() throws(CLIError) -> String {
        if let inline { return inline }
        guard i < arguments.count else { throw .usage("\(name) needs a value") }
        i += 1
        return arguments[i - 1]
      }
      switch name {
      case "--store": options.store = try value()
      case "--user": options.user = try value()
      case "--theme": options.theme = try value()
      case "--notify": options.notify = try value()
      case "--if-version":
        let text = try value()
        guard let v = Int(text), v >= 1 else {
          throw .usage("--if-version '\(text)' is not valid: expected a version number such as 3")
        }
        options.ifVersion = v
      case "--json": options.json = true
      case "--color": options.color = true
      case "--no-color": options.color = false
      case "--demo": options.demo = true
      case "--version": options.version = true
      case "--help", "-h": options.help = true
      default: rest.append(arg)
      }
    }
    return (options, rest)
  }

  /// Whether `--json` stands among the arguments as `extract` would read them (up to a
  /// `--`, and not as the value of another option): how an error is written even when
  /// the arguments could not be parsed.
  static func wantsJSON(_ arguments: [String]) -> Bool {
    var i = 0
    while i < arguments.count {
      let arg = arguments[i]
      i += 1
      if arg == "--" { return false }
      if arg == "--json" { return true }
      if table.contains(where: { "--" + $0.name == arg && $0.value != nil }) { i += 1 }
    }
    return false
  }

  /// `--name=value` split into name and value; `--name` alone has no inline value.
  static func splitFlag(_ arg: String) -> (String, String?) {
    guard let eq = arg.firstIndex(of: "=") else { return (arg, nil) }
    return (String(arg[..<eq]), String(arg[arg.index(after: eq)...]))
  }
}
