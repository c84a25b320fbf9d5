import HandoffModel
import HandoffStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `handoff` command line: parses the arguments, runs one command, and maps every
/// error to one line on standard error (one JSON object with `--json`) and an exit
/// status (0 done, 1 refused or failed, 2 bad usage; `ErrorReport`). Nothing below this
/// prints an error or exits.
package enum HandoffCLI {
  /// The version `handoff --version` prints.
  package static let version = "0.1.0"

  /// What `handoff --version` prints: the version and the commit it was built from
  /// (known to a build by scripts/install.sh; see `BuildCommit`).
  static var versionLine: String {
    guard let commit = BuildCommit.commit else {
      return "handoff \(version) (commit unknown: not built by scripts/install.sh)"
    }
    return "handoff \(version) (commit \(commit))"
  }

  /// Runs `handoff` with `arguments` (without the program name) and returns the exit status.
  package static func main(arguments: [String], environment: [String: String]) -> Int32 {
    // A reader that goes away (`handoff list | head`) must end output quietly.
    signal(SIGPIPE, SIG_IGN)
    do {
      return try run(arguments, environment: environment)
    } catch {
      let failure = ErrorReport.classify(error)
      var err = Output.standardError()
      ErrorReport.write(failure, json: GlobalOptions.wantsJSON(arguments), to: &err)
      return failure.exitCode
    }
  }

  private static func run(_ arguments: [String], environment: [String: String]) throws -> Int32 {
    let (options, words) = try GlobalOptions.extract(from: arguments)
    // The version and help need no config file: they work even when it has a bad line.
    var out = Output.standardOutput()
    if options.version {
      out.line(versionLine)
      return 0
    }
    let found = try words.first.map { _ in try Registry.find(words) }
    if options.help {
      out.write(found.map { HelpText.help(for: $0.0) } ?? HelpText.full)
      return 0
    }
    let isHelp = found?.0.name == HelpText.spec.name
    let config = isHelp ? ConfigFile.none : try ConfigFile.load(environment: environment)
    let settings = try EffectiveSettings(
      options: options, environment: environment, config: config, notifyFlag: options.notify)
    let context = Context(options: options, environment: environment, settings: settings)
    guard let (spec, used) = found else {
      return try DashboardEntry.run(context)
    }
    if options.ifVersion != nil, !spec.changesLead {
      throw CLIError.usage("--if-version applies only to commands that change a lead")
    }
    let args = try Arguments(Array(words.dropFirst(used)), flags: spec.flags, command: spec.name)
    let n = args.positionals.count
    if n < spec.positionals.lowerBound {
      throw CLIError.usage("missing arguments: usage: handoff \(spec.usage)")
    }
    if n > spec.positionals.upperBound {
      throw CLIError.usage(
        "unexpected argument '\(UntrustedTextCLI.safe(args.positionals[spec.positionals.upperBound]))': usage: handoff \(spec.usage)"
      )
    }
    try StoreGuard.check(context, command: spec.name, positionals: n)
    try spec.run(context, args)
    return 0
  }
}
