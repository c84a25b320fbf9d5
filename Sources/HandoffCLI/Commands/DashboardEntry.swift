/// Where `handoff` with no command (the dashboard) and `handoff snapshot` start: the
/// one dispatch point the dashboard fills in. The global options the dashboard needs
/// (`--store`, `--user`, `--theme`, `--color`/`--no-color`, `--demo`) are already
/// parsed into `context.options`.
enum DashboardEntry {
  /// `handoff` with no command. Until the dashboard is built in: a short usage.
  static func run(_ context: Context) throws -> Int32 {
    context.out.write(HelpText.short)
    return 0
  }

  /// `handoff snapshot [ARGS…]`: a rendered frame of the dashboard, for scripts and tests.
  static func snapshot(_ context: Context, arguments: [String]) throws -> Int32 {
    throw CLIError.failure("snapshot is not available in this build yet")
  }
}
