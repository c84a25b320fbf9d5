import HandoffApp

/// `handoff help --man`: the manual page `handoff.1` (troff, `man` macros), generated
/// from the same table as `handoff help` and the completion scripts: every command
/// with its usage, summary and details, and every global option.
enum ManPage {
  /// The whole page.
  static var text: String {
    var s = """
      .TH HANDOFF 1 "" "handoff \(HandoffCLI.version)" "User Commands"
      .SH NAME
      handoff \\- a shared lead pipeline for sales and marketing
      .SH SYNOPSIS
      .B handoff
      [\\fIOPTIONS\\fR]
      .br
      .B handoff \\-\\-demo
      .br
      .B handoff
      \\fICOMMAND\\fR [\\fIARGS\\fR] [\\fIOPTIONS\\fR]
      .SH DESCRIPTION
      Without a command, \\fBhandoff\\fR opens the live dashboard on the team's shared
      log of events; every action of the dashboard is also a command, so scripts, cron
      jobs and people at a shell work on the same store.

      """
    s += ".PP\n" + line(HelpText.valuesNote) + "\n"
    s += ".SH COMMANDS\n"
    for spec in Registry.commands where !spec.hidden {
      s += ".TP\n.B handoff \(escape(spec.usage))\n"
      s += line(spec.summary.prefix(1).uppercased() + spec.summary.dropFirst() + ".") + "\n"
      if !spec.details.isEmpty { s += line(spec.details) + "\n" }
    }
    s += ".SH OPTIONS\nThey may stand before or after the command.\n"
    for flag in GlobalOptions.table {
      let value = flag.value.map { " \\fI" + escape($0) + "\\fR" } ?? ""
      s += ".TP\n.B \\-\\-\(escape(flag.name))\(value)\n" + line(flag.help) + "\n"
    }
    s += ".SH KEYS\nOn the dashboard (\\fB?\\fR there shows them as the config file binds them):\n"
    for key in Keymap.standard.helpLines {
      s += ".TP\n.B \(escape(key.keys))\n" + line(key.text) + "\n"
    }
    s += """
      .SH EXIT STATUS
      0 done, 1 refused or failed (the model or the store refused in the state it is in),
      2 bad usage (an unknown command or flag, a missing argument, a value of the wrong
      form). With \\fB\\-\\-json\\fR an error is one JSON object on standard error,
      {"error": "...", "exit": N}, with the same status.
      .SH ENVIRONMENT
      .TP
      .B HANDOFF_STORE
      the store when \\fB\\-\\-store\\fR is not given.
      .TP
      .B HANDOFF_USER
      who acts when \\fB\\-\\-user\\fR is not given.
      .TP
      .B XDG_DATA_HOME
      the default store is \\fI$XDG_DATA_HOME/handoff/store.jsonl\\fR (else under
      \\fI~/.local/share\\fR).
      .TP
      .B NO_COLOR
      the dashboard and snapshots without colour.
      .SH SEE ALSO
      The shell completions: \\fBhandoff completions bash|zsh|fish\\fR. The store's
      format, import, PostgreSQL and themes: the \\fIdocs\\fR folder of the source.

      """
    return s
  }

  /// Text made safe for troff: backslashes and dashes escaped, and a line that would
  /// start with a control character (`.` or `'`) guarded.
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
  }

  /// A paragraph of text as troff input lines.
  private static func line(_ text: String) -> String {
    let escaped = escape(text)
    return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
  }
}
