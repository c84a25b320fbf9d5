/// `handoff help [COMMAND]`, the short usage, and each command's help.
enum HelpText {
  static let spec = CommandSpec(
    name: "help", usage: "help [COMMAND]", summary: "this help, or one command's",
    positionals: 0...2,
    run: { ctx, args in
      if args.positionals.isEmpty {
        ctx.out.write(full)
      } else {
        let (spec, _) = try Registry.find(args.positionals)
        ctx.out.write(help(for: spec))
      }
    })

  /// What `handoff` alone prints until the dashboard is built in.
  static var short: String {
    """
    handoff: a shared lead pipeline for sales and marketing

    usage: handoff COMMAND [ARGS] [--store PATH] [--user NAME] [--json]
    try:   handoff demo        (a realistic team and history)
           handoff list        (the leads)
           handoff help        (every command)

    """
  }

  /// The whole help.
  static var full: String {
    var out = """
      handoff: a shared lead pipeline for sales and marketing

      usage: handoff COMMAND [ARGS] [OPTIONS]

      Commands:

      """
    let width = Registry.commands.map { $0.name.count }.max() ?? 10
    for spec in Registry.commands {
      out += "  " + DisplayWidth.padded(spec.name, to: width + 2) + spec.summary + "\n"
    }
    out += """

      Options (before or after the command):
        --store PATH       the log file (else HANDOFF_STORE, else
                           $XDG_DATA_HOME/handoff/store.jsonl)
        --user NAME        who acts (else HANDOFF_USER, else your login name)
        --json             data as JSON
        --if-version V     refuse a lead change if the lead is no longer at version V
        --theme T          dashboard theme; --color / --no-color
        --version          the version

      Values are in major currency units (12000, 12k, 1.5m); dates as 2026-12-01 or 3d.
      Exit status: 0 done, 1 refused or failed, 2 bad usage.
      handoff help COMMAND tells more about one command.

      """
    return out
  }

  /// One command's help.
  static func help(for spec: CommandSpec) -> String {
    var out = "usage: handoff \(spec.usage)\n\n\(spec.summary)\n"
    if !spec.details.isEmpty { out += "\n\(spec.details)\n" }
    return out
  }
}
