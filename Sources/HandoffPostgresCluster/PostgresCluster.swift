import Foundation
import HandoffSystem

/// A throwaway PostgreSQL server for tests and the benchmark: a data directory in a
/// temporary folder under /tmp, its Unix socket in that folder, TCP on 127.0.0.1 at a
/// free port, started with `pg_ctl`, owned by a non-root user when the tests run as root
/// (`postgres`, else `nobody`).
///
/// A watchdog stops the server and removes the folder when the process that made it
/// ends, however it ends. `shared` is the one cluster most tests use; a test that stops
/// or restarts the server starts its own with `start()`.
///
/// Sign-in is set up for the tests of every method: each fixture `Role` has its method
/// in `pg_hba.conf`, over the socket and over TCP.
package final class PostgresCluster: Sendable {
  /// The fixture roles and how each signs in. Every one but the trusted ones has the
  /// password `PostgresCluster.password`, and each may create databases.
  package enum Role: String, CaseIterable, Sendable {
    /// The superuser the tests and the benchmark work as (trust).
    case admin = "handoff_admin"
    case trust = "trust_user"
    case password = "password_user"
    case md5 = "md5_user"
    case scram = "scram_user"

    /// Its `pg_hba.conf` method.
    package var method: String {
      switch self {
      case .admin, .trust: "trust"
      case .password: "password"
      case .md5: "md5"
      case .scram: "scram-sha-256"
      }
    }
  }

  /// The fixture roles' password: not ASCII, so SASLprep is exercised at every sign-in.
  package static let password = "pencil-Ünïcode 42"

  /// The folder holding the data directory, the socket and the server's log.
  package let folder: String
  package let dataDirectory: String
  /// The folder of the Unix socket (`.s.PGSQL.<port>` inside it).
  package var socketDirectory: String { folder }
  package let port: Int
  /// The server's major version: "15".
  package let version: String
  let binaries: PostgresBinaries
  private let watchdog: Watchdog

  /// Whether PostgreSQL's programs were found, so the tests that need a server can run.
  package static var isAvailable: Bool { PostgresBinaries.found != nil }

  /// Why the tests that need a server are skipped, for the test report.
  package static let skipReason =
    "PostgreSQL's initdb, pg_ctl, postgres and psql (13 or later) were not found on PATH or "
    + "in /usr/lib/postgresql/*/bin (or, as root, no runuser/setpriv and no postgres or "
    + "nobody user): the tests that need a server are skipped; .ci/run installs PostgreSQL"

  /// One cluster for the whole test process, started on first use, or why there is none.
  package static let shared: Result<PostgresCluster, ClusterError> = {
    do throws(ClusterError) {
      return .success(try start())
    } catch {
      return .failure(error)
    }
  }()

  /// Starts a new cluster of its own (a copy of this process's template data directory,
  /// so it costs a copy rather than an initdb). `durable` keeps fsync on (benchmark
  /// figures); the tests turn it off, which loses nothing when processes are killed,
  /// only when the machine is.
  package static func start(durable: Bool = false) throws(ClusterError) -> PostgresCluster {
    guard let binaries = PostgresBinaries.found else { throw ClusterError(skipReason) }
    let template = try ClusterTemplate.shared.get()
    var lastError = ClusterError("no attempt")
    // A free port may be taken by someone else before the server binds it: try again.
    for _ in 0..<4 {
      do throws(ClusterError) {
        return try PostgresCluster(binaries: binaries, template: template, durable: durable)
      } catch {
        lastError = error
      }
    }
    throw lastError
  }

  private init(binaries: PostgresBinaries, template: ClusterTemplate, durable: Bool)
    throws(ClusterError)
  {
    self.binaries = binaries
    folder = try makeFolder("handoff-pg", owner: binaries.owner, onDisk: durable)
    dataDirectory = folder + "/data"
    version = template.version
    watchdog = try Watchdog(binaries: binaries, folder: folder, dataDirectory: dataDirectory)
    do throws(ClusterError) {
      port = try freePort()
      try binaries.command(["/bin/cp", "-a", template.dataDirectory, dataDirectory], in: folder)
        .run()
      var settings = [
        "port = \(port)", "listen_addresses = '127.0.0.1'",
        "unix_socket_directories = '\(folder)'", "max_connections = 200",
        "shared_buffers = 32MB", "password_encryption = 'scram-sha-256'",
      ]
      if !durable { settings += ["fsync = off", "full_page_writes = off"] }
      try appendLines(settings, to: dataDirectory + "/postgresql.conf")
      try start()
    } catch {
      close(watchdog.pipe)
      throw error
    }
  }

  deinit {
    try? stop(immediately: true)
    // The watchdog removes the folder.
    close(watchdog.pipe)
  }

  /// A URL for `role` over the socket (or TCP), on `database`.
  package func url(
    _ role: Role = .admin, password: String? = nil, database: String = "postgres",
    tcp: Bool = false
  ) -> String {
    let secret = password.map { ":" + percentEncode($0) } ?? ""
    if tcp { return "postgres://\(role.rawValue)\(secret)@127.0.0.1:\(port)/\(database)" }
    return "postgres://\(role.rawValue)\(secret)@/\(database)?host=\(folder)&port=\(port)"
  }

  /// Starts the server (again) and waits until it accepts connections.
  package func start() throws(ClusterError) {
    try binaries.command(
      [
        binaries.path("pg_ctl"), "-D", dataDirectory, "-l", folder + "/server.log", "-w", "-t",
        "60", "start",
      ], in: folder, log: folder + "/pg_ctl.log"
    ).run()
  }

  /// Stops the server: a fast stop ends sessions with an administrator-shutdown error,
  /// an immediate one kills them as a crash would.
  package func stop(immediately: Bool = false) throws(ClusterError) {
    try binaries.command(
      [
        binaries.path("pg_ctl"), "-D", dataDirectory, "-w", "-t", "60", "-m",
        immediately ? "immediate" : "fast", "stop",
      ], in: folder, log: folder + "/pg_ctl.log"
    ).run()
  }

  /// Runs SQL as the superuser through `psql`, stopping at the first error.
  package func runSQL(_ sql: String, database: String = "postgres") throws(ClusterError) {
    try binaries.command(
      [
        binaries.path("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p",
        String(port), "-U", Role.admin.rawValue, "-d", database, "-c", sql,
      ], in: folder, log: folder + "/psql.log", asOwner: false
    ).run()
  }

  /// A new empty database whose name no other test uses.
  package func createDatabase(_ prefix: String = "test") throws(ClusterError) -> String {
    let name = "\(prefix)_\(getpid())_\(DatabaseNames.next())"
    try runSQL("CREATE DATABASE \(name) TEMPLATE template0 STRATEGY FILE_COPY")
    return name
  }
}

/// Numbers the databases tests create, across threads.
private enum DatabaseNames {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var count = 0

  static func next() -> Int {
    lock.withLock {
      count += 1
      return count
    }
  }
}
