import Foundation

/// The data directory every cluster copies: made by one initdb (the fixture roles
/// created, `pg_hba.conf` written) and kept between test runs in a folder named after
/// the fixture's revision, PostgreSQL's version and the user, so that a run costs a copy
/// rather than an initdb. A template is made in a folder of its own and renamed into
/// place whole, so a run never sees half of one.
struct ClusterTemplate: Sendable {
  /// Bump when the fixture (roles, pg_hba.conf, initdb options) changes.
  private static let revision = 1

  let dataDirectory: String
  /// `PG_VERSION`: "15".
  let version: String

  static let shared: Result<ClusterTemplate, ClusterError> = {
    do throws(ClusterError) {
      guard let binaries = PostgresBinaries.found else {
        throw ClusterError(PostgresCluster.skipReason)
      }
      return .success(try ClusterTemplate(binaries: binaries))
    } catch {
      return .failure(error)
    }
  }()

  private init(binaries: PostgresBinaries) throws(ClusterError) {
    let cache =
      "\(clusterBase(onDisk: false))/handoff-pg-template-r\(Self.revision)-pg\(binaries.majorVersion)-uid\(geteuid())"
    if !FileManager.default.fileExists(atPath: cache + "/ready") {
      let folder = try makeFolder("handoff-pg-template", owner: binaries.owner)
      do throws(ClusterError) {
        try Self.build(binaries: binaries, folder: folder)
        try appendLines(["made by the Handoff tests; safe to remove"], to: folder + "/ready")
      } catch {
        try? FileManager.default.removeItem(atPath: folder)
        throw error
      }
      // Someone else's template may have landed first: theirs is as good.
      if rename(folder, cache) != 0 { try? FileManager.default.removeItem(atPath: folder) }
    }
    dataDirectory = cache + "/data"
    version = (ClusterCommand.tail(dataDirectory + "/PG_VERSION") ?? "?")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Runs initdb into `folder/data`, writes `pg_hba.conf` and creates the roles.
  private static func build(binaries: PostgresBinaries, folder: String) throws(ClusterError) {
    let dataDirectory = folder + "/data"
    let admin = PostgresCluster.Role.admin.rawValue
    try binaries.command(
      [
        binaries.path("initdb"), "-D", dataDirectory, "-U", admin, "-A", "trust", "-E", "UTF8",
        "--locale=C", "--no-sync",
        // One-megabyte WAL segments: a 24 MB data directory to copy rather than 40.
        "--wal-segsize=1",
      ], in: folder, log: folder + "/initdb.log"
    ).run()

    // First match wins: each fixture role's method, locally and over TCP; then trust
    // for everyone else over the socket and for the superuser over TCP, SCRAM for the
    // rest over TCP.
    var hba: [String] = []
    for role in PostgresCluster.Role.allCases where role != .admin {
      hba.append("local all \(role.rawValue) \(role.method)")
      hba.append("host all \(role.rawValue) 127.0.0.1/32 \(role.method)")
    }
    hba += [
      "local all all trust", "host all \(admin) 127.0.0.1/32 trust",
      "host all all 127.0.0.1/32 scram-sha-256",
    ]
    try writeLines(hba, to: dataDirectory + "/pg_hba.conf")
    try createRoles(binaries: binaries, folder: folder, dataDirectory: dataDirectory)
  }

  /// Starts the template once on its own socket (no TCP), creates the roles, stops it.
  private static func createRoles(
    binaries: PostgresBinaries, folder: String, dataDirectory: String
  ) throws(ClusterError) {
    let options = "-c listen_addresses='' -c unix_socket_directories='\(folder)' -c fsync=off"
    let log = folder + "/pg_ctl.log"
    try binaries.command(
      [
        binaries.path("pg_ctl"), "-D", dataDirectory, "-o", options, "-l", folder + "/setup.log",
        "-w", "-t", "60", "start",
      ], in: folder, log: log
    ).run()
    let password = PostgresCluster.password.replacingOccurrences(of: "'", with: "''")
    var statements: [String] = []
    for role in PostgresCluster.Role.allCases where role != .admin {
      // md5_user's password is stored as md5, or the server would run SCRAM for it
      // whatever pg_hba.conf says.
      statements.append("SET password_encryption = '\(role == .md5 ? "md5" : "scram-sha-256")'")
      statements.append("CREATE ROLE \(role.rawValue) LOGIN CREATEDB PASSWORD '\(password)'")
    }
    let psql = binaries.command(
      [
        binaries.path("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", "5432",
        "-U", PostgresCluster.Role.admin.rawValue, "-d", "postgres", "-c",
        statements.joined(separator: "; "),
      ], in: folder, log: folder + "/psql.log", asOwner: false)
    let created = Result { () throws(ClusterError) in try psql.run() }
    try binaries.command(
      [binaries.path("pg_ctl"), "-D", dataDirectory, "-w", "-m", "fast", "stop"], in: folder,
      log: log
    ).run()
    try created.get()
  }
}
