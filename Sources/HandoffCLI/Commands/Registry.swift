import HandoffText

/// Every command `handoff` knows, in the order help lists them.
enum Registry {
  static let commands: [CommandSpec] =
    [HelpText.spec] + LeadCommands.specs + [ShowCommand.spec] + ViewCommands.specs + [
      ExportCommand.spec
    ]
    + TeamCommands.specs + TargetCommands.specs + [
      SettingsCommand.spec, StatsCommand.spec, ReportCommand.spec,
    ]
    + StoreCommands.specs + [ImportCommand.spec] + StoreSetupCommands.specs + [ConfigCommand.spec]
    + [DashboardEntry.snapshotSpec] + CompletionCommands.specs

  /// Names for suggestions, including the groups' first words.
  static var names: [String] {
    commands.filter { !$0.hidden }.map(\.name).filter { !$0.contains(" ") } + CommandGroups.names
  }

  /// The first words of the visible commands, in help's order, each group once.
  static var commandWords: [String] {
    var words: [String] = []
    for spec in commands where !spec.hidden {
      let first = String(spec.name.prefix { $0 != " " })
      if !words.contains(first) { words.append(first) }
    }
    return words
  }

  /// The second words of a group's commands (`team`: add, set, list, remove).
  static func subcommands(of group: String) -> [String] {
    commands.filter { $0.name.hasPrefix(group + " ") }.map {
      String($0.name.dropFirst(group.count + 1))
    }
  }

  /// The command named by the first words of `words`, and how many words its name took.
  static func find(_ words: [String]) throws(CLIError) -> (CommandSpec, Int) {
    guard let first = words.first else { throw .usage("no command") }
    if CommandGroups.names.contains(first) {
      let members = commands.filter { $0.name.hasPrefix(first + " ") }
      let subs = subcommands(of: first)
      guard words.count > 1 else {
        throw .usage("\(first) needs one of: \(subs.joined(separator: ", "))")
      }
      guard let spec = members.first(where: { $0.name == first + " " + words[1] }) else {
        throw .usage(
          "unknown command '\(first) \(UntrustedTextCLI.safe(words[1]))'"
            + Suggestion.hint(for: words[1], in: subs, prefix: first + " ")
            + " (\(first) commands: \(subs.joined(separator: ", ")))")
      }
      return (spec, 2)
    }
    guard let spec = commands.first(where: { $0.name == first }) else {
      throw .usage(
        "unknown command '\(UntrustedTextCLI.safe(first))'" + Suggestion.hint(for: first, in: names)
          + " (see: handoff help)")
    }
    return (spec, 1)
  }
}
