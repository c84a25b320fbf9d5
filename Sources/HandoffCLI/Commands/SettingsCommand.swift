import HandoffModel

/// `settings [KEY [VALUE]]`: the team's settings.
enum SettingsCommand {
  static let spec =
    CommandSpec(
      name: "settings", usage: "settings [KEY [VALUE]]", summary: "show or change team settings",
      positionals: 0...2, details: "Keys: " + Settings.keys.joined(separator: ", ") + ".",
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
    if p.count >= 1 {
      let v = settings.value(of: p[0]) ?? ""
      ctx.print(
        ctx.json
          ? JSONText.object([(p[0], JSONText.string(v))]) : "\(p[0]) = \(UntrustedTextCLI.safe(v))")
      return
    }
    if ctx.json {
      ctx.print(
        JSONText.object(Settings.keys.map { ($0, JSONText.string(settings.value(of: $0) ?? "")) }))
      return
    }
    for key in Settings.keys {
      ctx.print(
        Cells.padded(key, to: 15) + UntrustedTextCLI.safe(settings.value(of: key) ?? ""))
    }
  }
}
