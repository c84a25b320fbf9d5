import HandoffModel
import HandoffStore
import HandoffTTY
import HandoffTerminal

/// What `handoff` with no command needs to open the dashboard.
package struct DashboardOptions {
  /// The store to show, not yet opened.
  package var store: any EventStore
  /// Who acts.
  package var user: String
  /// The colours.
  package var theme: Theme
  /// The environment (TERM, COLORTERM, NO_COLOR).
  package var environment: [String: String]
  /// The clock the screen's times and countdowns read.
  package var clock: any Clock
  /// Told of every wakeup and frame of the loop (the benchmark's); nil for none.
  package var observer: (any DashboardObserver)?
  /// What the keys do (the config file's `key.ACTION` lines).
  package var keymap = Keymap.standard
  /// How notices reach the user beyond the status bar (`--notify`).
  package var notify = NotifyMode.none
  /// The store's name when it is not there yet: the first-run screen shows, saying
  /// how to start one, until it has an event.
  package var firstRunStore: String?
  /// The moment to open on, showing the store as it stood then, read-only (`--at`);
  /// nil: now, live.
  package var at: Timestamp?
  /// Makes another store object on the same store, not yet opened, for the thread that
  /// prepares the days either side of a past one shown (`TravelAhead`); nil: steps are
  /// folded on the key.
  package var makeTravelStore: (() -> (any EventStore)?)?

  /// Creates the options.
  package init(
    store: any EventStore, user: String, theme: Theme = .standard,
    environment: [String: String], clock: any Clock
  ) {
    self.store = store
    self.user = user
    self.theme = theme
    self.environment = environment
    self.clock = clock
  }
}

/// Why the dashboard could not run: the one line the user sees.
package struct DashboardError: Error, CustomStringConvertible {
  package var description: String
  init(_ description: String) { self.description = description }
}

/// The live dashboard: one thread, one loop over the terminal, the signal pipe and
/// the store's change notifications, sleeping until the next thing that changes.
package enum Dashboard {
  /// Opens the store and the terminal and runs until `q`, Ctrl-C, or the terminal
  /// goes away. The terminal is restored on every way out.
  package static func run(options: DashboardOptions) throws -> Int32 {
    let store = options.store
    do {
      try store.open()
    } catch {
      throw DashboardError(error.description)
    }
    try TTYDevice.checkInteractive(environment: options.environment)
    let session = try TerminalSession.interactive(
      .init(mouse: true, environment: options.environment))
    defer { session.close() }
    try run(openedStore: store, session: session, options: options)
    return 0
  }

  /// Runs the loop on the options' store, already open, and a terminal session (the
  /// real terminal, or a fake device in a test) until `q`, Ctrl-C, or the terminal
  /// goes away.
  package static func run(
    openedStore store: any EventStore, session: TerminalSession, options: DashboardOptions
  ) throws {
    var loop = DashboardLoop(
      store: store, session: session, options: options, storeName: shortName(store.name))
    try loop.run()
  }

  /// Enough to tell stores apart in the status bar: a path's last two parts; a URL's
  /// database and host (`handoff@db.example`, or the socket's folder).
  static func shortName(_ path: String) -> String {
    if let scheme = path.range(of: "://") {
      let rest = path[scheme.upperBound...]
      let query = rest.firstIndex(of: "?").map { rest[rest.index(after: $0)...] } ?? ""
      let address = rest.prefix { $0 != "?" }
      let authority = address.prefix { $0 != "/" }
      let database = address.dropFirst(authority.count + 1)
      var host = String(
        authority.split(separator: "@", omittingEmptySubsequences: false).last ?? "")
      if host.isEmpty || host.hasPrefix(":") {
        host =
          query.split(separator: "&").first { $0.hasPrefix("host=") }.map {
            String($0.dropFirst(5))
          }
          ?? "localhost"
      }
      return "\(database)@\(host)"
    }
    let parts = path.split(separator: "/")
    return parts.suffix(2).joined(separator: "/")
  }
}
