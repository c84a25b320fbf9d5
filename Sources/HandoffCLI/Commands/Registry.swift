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

  /// Names for suggestions, including the groups' first words and `snapshot`.
  static var names: [String] {
    var names = commands.map(\.name).filter { !$0.contains(" ") }
    names += CommandGroups.names + ["snapshot"]
    return names
  }

  /// The command named by the first words of `words`, and how many words its name took.
  static func find(_ words: [String]) throws(CLIError) -> (CommandSpec, Int) {
    guard let first = words.first else { throw .usage("no command") }
    if CommandGroups.names.contains(first) {
      let members = commands.filter { $0.name.hasPrefix(first + " ") }
      let subs = members.map { String($0.name.dropFirst(first.count + 1)) }
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
