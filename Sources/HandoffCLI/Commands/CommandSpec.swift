/// One command of `handoff`: its name, how it is typed, what it does, its flags,
/// how many positional words it takes, and the code that runs it.
struct CommandSpec: Sendable {
  let name: String
  /// Whether it changes one lead, so `--if-version` applies.
  var changesLead = false
  /// Whether it reads the store as it stood at `--at TIME` (the commands that only read).
  var travels = false
  let usage: String
  let summary: String
  var flags: [Flag] = []
  /// How many positional words it takes.
  var positionals: ClosedRange<Int> = 0...0
  /// What each positional word is, in order (for completion); missing ones are text.
  var arguments: [ValueKind] = []
  /// Left out of help, the manual and completions (`complete`, which the scripts call).
  var hidden = false
  /// Longer help, shown by `handoff help NAME`.
  var details: String = ""
  let run: @Sendable (Context, Arguments) throws -> Void
}

/// Commands grouped under one word: `team add`, `target set`.
enum CommandGroups {
  static let names = ["team", "target"]
}
