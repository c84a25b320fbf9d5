import HandoffPostgres
import HandoffPostgresCluster
import Testing

/// The shared test server and sessions on it, for the suites that need one.
enum ServerFixture {
  /// The trait that skips a suite, with the reason printed, when PostgreSQL is not
  /// installed.
  static var needsServer: ConditionTrait {
    .enabled(if: PostgresCluster.isAvailable, Comment(rawValue: PostgresCluster.skipReason))
  }

  static func cluster() throws -> PostgresCluster { try PostgresCluster.shared.get() }

  /// A session as the superuser (or `role`) on `database`.
  static func connect(
    _ role: PostgresCluster.Role = .admin, database: String = "postgres", tcp: Bool = false
  ) throws -> PostgresConnection {
    let cluster = try cluster()
    let password = role == .admin || role == .trust ? nil : PostgresCluster.password
    return try PostgresConnection.connect(
      ConnectionOptions(
        url: cluster.url(role, password: password, database: database, tcp: tcp),
        environment: [:]))
  }

  /// A session on a database of its own, so a test's tables meet no other test's.
  static func connectToFreshDatabase() throws -> PostgresConnection {
    let name = "test_\(UInt64.random(in: 1...UInt64.max))"
    let admin = try connect()
    defer { admin.close() }
    try admin.simpleQuery("CREATE DATABASE \(name) TEMPLATE template0")
    return try connect(database: name)
  }
}
