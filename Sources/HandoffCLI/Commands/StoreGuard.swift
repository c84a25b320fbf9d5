import HandoffStore
import HandoffSystem

/// Where data lives, checked before a command runs: a store named by `--store`,
/// `HANDOFF_STORE` or the config file must be in a folder that exists (a mistyped path
/// never makes folders of its own), and a command that only reads does not run on a
/// store that is not there yet, saying how to start one instead. The default location
/// is made by its first write; `init` makes any store, folders included.
enum StoreGuard {
  /// The commands that only read the store: on a store that is not there yet they say
  /// so instead of showing an empty one. (`settings` reads unless given a value.)
  static let reading: Set<String> = [
    "list", "show", "stats", "targets", "report", "team list", "export", "check", "compact",
    "settings",
    "snapshot",
  ]

  /// The commands that never open the context's store.
  static let storeless: Set<String> = ["help", "config", "migrate"]

  /// Refuses to run `command` (its name, and how many positional words it got) where
  /// the store's folder or the store itself is missing and must not be.
  static func check(_ context: Context, command: String, positionals: Int = 0) throws {
    guard command != "init", !storeless.contains(command),
      case .file(let path) = try context.storeAddress()
    else { return }
    try requireFolder(context, path: path)
    let reads = reading.contains(command) && !(command == "settings" && positionals == 2)
    if reads, FileStatus.of(path: path) == nil {
      throw CLIError.failure("no store at \(UntrustedTextCLI.safe(path)) yet: \(firstSteps)")
    }
  }

  /// How a store gets its first events, for messages.
  static let firstSteps =
    "add the team (handoff team add HANDLE --dept marketing|sales), import leads "
    + "(handoff import FILE), or create an empty one (handoff init)"

  /// Refuses a store path whose folder does not exist, unless it is the default
  /// location (made by the first write).
  static func requireFolder(_ context: Context, path: String) throws {
    if case .builtIn = context.settings.store?.origin { return }
    let folder = FilePaths.directory(of: path)
    guard let status = FileStatus.of(path: folder) else {
      throw CLIError.usage(
        "no such folder: \(UntrustedTextCLI.safe(folder)) (for the store "
          + "\(UntrustedTextCLI.safe(path)); create it, or run handoff init --store PATH)")
    }
    guard status.isDirectory else {
      throw CLIError.usage("\(UntrustedTextCLI.safe(folder)) is not a folder (for the store)")
    }
  }

  /// Whether the store is a file that is not there yet (the dashboard's first run).
  static func isMissing(_ address: StoreAddress) -> Bool {
    guard case .file(let path) = address else { return false }
    return FileStatus.of(path: path) == nil
  }
}
