import HandoffApp
import HandoffTerminal
import HandoffText

/// `handoff help [COMMAND]`: the whole help, and each command's.
enum HelpText {
  static let spec = CommandSpec(
    name: "help", usage: "help [COMMAND] [--man]",
    summary: "this help, or one command's; --man: the manual page (troff)",
    flags: [.toggle("man")], positionals: 0...2, arguments: [.command],
    details: "help --man > handoff.1 writes the manual page, made from the same texts.",
    run: { ctx, args in
      if args.has("man"), args.positionals.isEmpty {
        ctx.out.write(ManPage.text)
      } else if ctx.json {
        let p = args.positionals
        var specs = Registry.commands.filter { !$0.hidden }
        if p.count == 1, CommandGroups.names.contains(p[0]) {
          specs = Registry.commands.filter { $0.name.hasPrefix(p[0] + " ") }
        } else if !p.isEmpty {
          specs = [try Registry.find(p).0]
        }
        ctx.printJSON { json(specs, into: &$0) }
      } else if args.positionals.isEmpty {
        ctx.out.write(full)
      } else if args.has("man") {
        throw CLIError.usage("help --man writes the whole manual: no command with it")
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
    for spec in Registry.commands where !spec.hidden {
      out += "  " + Truncation.pad(spec.name, width: width + 2) + spec.summary + "\n"
    }
    out += "\nOptions (before or after the command):\n"
    for flag in GlobalOptions.table {
      let name = "--" + flag.name + (flag.value.map { " " + $0 } ?? "")
      let lines = Paragraph.wrap(flag.help, width: 80 - 21)
      for (i, line) in lines.enumerated() {
        out += "  " + Truncation.pad(i == 0 ? name : "", width: 19) + line + "\n"
      }
    }
    out += "\nKeys on the dashboard (? there shows them as the config file binds them):\n"
    let keys = Keymap.standard.helpLines
    let keyWidth = keys.map { DisplayWidth.of($0.keys) }.max() ?? 10
    for line in keys {
      out += "  " + Truncation.pad(line.keys, width: keyWidth + 2) + line.text + "\n"
    }
    out += "\n" + Paragraph.wrap(valuesNote, width: 80).joined(separator: "\n") + "\n"
    out += """
      Config file: $XDG_CONFIG_HOME/handoff/config (else ~/.config/handoff/config);
      handoff config shows every setting and where it came from.
      Exit status: 0 done, 1 refused or failed, 2 bad usage.
      handoff help COMMAND tells more about one command.

      """
    return out
  }

  /// How values and dates are typed (help and the manual).
  static let valuesNote =
    "Values are in major currency units (12000, 12k, 1.5m); dates as 2026-12-01 or a time from now (3d)."

  /// The commands as JSON (`help --json`): `[{name, usage, summary, details, flags:
  /// [{name, value}]}]`, `value` the placeholder or null for a flag without one.
  static func json(_ specs: [CommandSpec], into w: inout JSONWriter) {
    w.beginArray(onePerLine: true)
    for spec in specs {
      w.open()
      w.field("name", spec.name)
      w.field("usage", "handoff " + spec.usage)
      w.field("summary", spec.summary)
      w.field("details", spec.details)
      w.beginArray("flags")
      for flag in spec.flags {
        w.open()
        w.field("name", "--" + flag.name)
        w.nullable("value", flag.value)
        w.close()
      }
      w.endArray()
      w.close()
    }
    w.endArray()
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
