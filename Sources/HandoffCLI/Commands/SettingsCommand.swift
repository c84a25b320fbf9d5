import HandoffModel
import HandoffTerminal
import HandoffText

/// `settings [KEY [VALUE]]`: the team's settings.
enum SettingsCommand {
  static let spec =
    CommandSpec(
      name: "settings", usage: "settings [KEY [VALUE]]", summary: "show or change team settings",
      positionals: 0...2, arguments: [.setting],
      details: "Keys: " + Settings.keys.joined(separator: ", ") + ".",
      run: settings)

  private static func settings(_ ctx: Context, _ args: Arguments) throws {
    let p = args.positionals
    if let key = p.first, !Settings.keys.contains(key) {
      throw CLIError.usage(
        ModelError.unknownSetting(UntrustedTextCLI.safe(key)).description
          + Suggestion.hint(for: key, in: Settings.keys))
    }
    if p.count == 2 {
      try ctx.perform(.setSetting(key: p[0], value: p[1]))
    }
    let settings = try ctx.pipeline().settings
    let keys = p.isEmpty ? Settings.keys : [p[0]]
    if ctx.json {
      ctx.printJSON { w in
        w.open()
        // Setting names are kebab-case on the command line; JSON keys are snake_case.
        for key in keys {
          w.key(String(key.map { $0 == "-" ? "_" : $0 }))
          w.string(settings.value(of: key) ?? "")
        }
        w.close()
      }
      return
    }
    if p.count >= 1 {
      ctx.print("\(p[0]) = \(UntrustedTextCLI.safe(settings.value(of: p[0]) ?? ""))")
      return
    }
    for key in Settings.keys {
      ctx.print(
        Truncation.pad(key, width: 15) + UntrustedTextCLI.safe(settings.value(of: key) ?? ""))
    }
  }
}
