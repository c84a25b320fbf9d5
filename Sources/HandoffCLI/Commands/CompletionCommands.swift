import HandoffModel

/// `completions SHELL`, which prints a shell's completion script, and the hidden
/// `complete KIND [PREFIX]` those scripts call for the store's own names.
enum CompletionCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "completions", usage: "completions bash|zsh|fish",
      summary: "a shell completion script for bash, zsh or fish",
      positionals: 1...1, arguments: [.shell],
      details: """
        bash: source <(handoff completions bash) in ~/.bashrc, or save it as \
        /usr/share/bash-completion/completions/handoff. zsh: source <(handoff completions \
        zsh) after compinit. fish: handoff completions fish > \
        ~/.config/fish/completions/handoff.fish. Member handles and lead ids come from the \
        store the line names with --store (else the usual one).
        """,
      run: { ctx, args in
        let name = try args.positional(0, "shell")
        guard let shell = CompletionScript.Shell(rawValue: name) else {
          throw CLIError.usage(
            "shell '\(UntrustedTextCLI.safe(name))' is not valid: expected bash, zsh or fish")
        }
        let script = CompletionScript.script(for: shell)
        if ctx.json {
          ctx.printJSON { w in
            w.open()
            w.field("shell", shell.rawValue)
            w.field("script", script)
            w.close()
          }
        } else {
          ctx.out.write(script)
        }
      }),
    CommandSpec(
      name: "complete", usage: "complete lead|member [PREFIX]",
      summary: "the store's lead ids or active members' handles, for completion scripts",
      positionals: 1...2, hidden: true,
      run: { ctx, args in
        let prefix = args.positionals.count > 1 ? args.positionals[1] : ""
        let words = try names(try args.positional(0, "kind"), prefix: prefix, ctx)
        if ctx.json {
          ctx.printJSON { w in
            w.beginArray()
            for word in words { w.string(word) }
            w.endArray()
          }
        } else if !words.isEmpty {
          ctx.out.write(words.joined(separator: "\n") + "\n")
        }
      }),
  ]

  /// Lead ids or handles starting with `prefix`. Handles are of a form that holds no
  /// control character; ids are numbers.
  private static func names(_ kind: String, prefix: String, _ ctx: Context) throws -> [String] {
    let pipeline = try ctx.pipeline()
    switch kind {
    case "lead":
      return pipeline.allLeads.map { String($0.id) }.filter { $0.hasPrefix(prefix) }
    case "member":
      return pipeline.members.filter { $0.active && $0.handle.hasPrefix(prefix) }.map(\.handle)
    default:
      throw CLIError.usage(
        "kind '\(UntrustedTextCLI.safe(kind))' is not valid: expected lead or member")
    }
  }
}
