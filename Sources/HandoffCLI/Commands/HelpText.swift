import HandoffTerminal

/// `handoff help [COMMAND]`: the whole help, and each command's.
enum HelpText {
  static let spec = CommandSpec(
    name: "help", usage: "help [COMMAND]", summary: "this help, or one command's",
    positionals: 0...2,
    run: { ctx, args in
      if args.positionals.isEmpty {
        ctx.out.write(full)
      } else if args.positionals == ["snapshot"] {
        ctx.out.write(DashboardEntry.snapshotHelp)
      } else if args.positionals.count == 1, CommandGroups.names.contains(args.positionals[0]) {
        let group = args.positionals[0] + " "
        let usages = Registry.commands.filter { $0.name.hasPrefix(group) }.map {
          "  handoff \($0.usage)\n      \($0.summary)\n"
        }
        ctx.out.write("usage:\n" + usages.joined())
      } else {
        let (spec, _) = try Registry.find(args.positionals)
        ctx.out.write(help(for: spec))
      }
    })

  /// The whole help.
  static var full: String {
    var out = """
      handoff: a shared lead pipeline for sales and marketing

      usage: handoff [OPTIONS]            the live dashboard
             handoff --demo               the dashboard on a demo team at work
             handoff COMMAND [ARGS] [OPTIONS]

      Commands:

      """
    let width = Registry.commands.map { $0.name.count }.max() ?? 10
    for spec in Registry.commands {
      out += "  " + Truncation.pad(spec.name, width: width + 2) + spec.summary + "\n"
    }
    out +=
      "  " + Truncation.pad("snapshot", width: width + 2) + "one frame of the dashboard as text\n"
    out += """

      Options (before or after the command):
        --store STORE      a log file, or postgres://USER@HOST/DB (else
                           HANDOFF_STORE, else the config file's store, else
                           $XDG_DATA_HOME/handoff/store.jsonl)
        --user NAME        who acts: a member's handle once the team has one
                           (else HANDOFF_USER, else the config file's user, else
                           your login name)
        --json             data as JSON
        --if-version V     refuse a lead change if the lead is no longer at version V
        --theme T          dashboard theme (else HANDOFF_THEME, else the config
                           file's theme); --color / --no-color
        --version          the version

      Config file: $XDG_CONFIG_HOME/handoff/config (else ~/.config/handoff/config);
      handoff config shows every setting and where it came from.

      Values are in major currency units (12000, 12k, 1.5m); dates as 2026-12-01
      or a time from now (3d).
      Exit status: 0 done, 1 refused or failed, 2 bad usage.
      handoff help COMMAND tells more about one command.

      """
    return out
  }

  /// One command's help.
  static func help(for spec: CommandSpec) -> String {
    let indent = "usage: handoff ".count + spec.name.count + 1
    var out = wrapped("usage: handoff " + spec.usage, indent: indent) + "\n\n\(spec.summary)\n"
    if !spec.details.isEmpty {
      out += "\n" + Paragraph.wrap(spec.details, width: 80).joined(separator: "\n") + "\n"
    }
    return out
  }

  /// A usage line wrapped at 80 columns between bracketed groups, continuation lines
  /// indented under the command's first argument.
  static func wrapped(_ usage: String, indent: Int) -> String {
    var groups: [String] = []
    var depth = 0
    for word in usage.split(separator: " ") {
      if depth > 0, let last = groups.popLast() {
        groups.append(last + " " + word)
      } else {
        groups.append(String(word))
      }
      depth += word.filter { $0 == "[" }.count - word.filter { $0 == "]" }.count
    }
    let pad = String(repeating: " ", count: min(40, indent))
    var lines: [String] = []
    var line = ""
    for group in groups {
      if !line.isEmpty, line.count + 1 + group.count > 80 {
        lines.append(line)
        line = pad + group
      } else {
        line += (line.isEmpty ? "" : " ") + group
      }
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }
}
