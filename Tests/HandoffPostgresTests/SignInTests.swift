import Foundation
import HandoffPostgres
import HandoffPostgresCluster
import Testing

/// Signing in by every method `pg_hba.conf` can ask for, over the socket and over TCP,
/// against a real server.
@Suite(ServerFixture.needsServer)
struct SignInTests {
  @Test(
    "each sign-in method accepts the right password and reports the server's identity",
    arguments: [PostgresCluster.Role.trust, .password, .md5, .scram], [false, true])
  func signIn(role: PostgresCluster.Role, tcp: Bool) throws {
    let cluster = try PostgresCluster.shared.get()
    let password = role == .trust ? nil : PostgresCluster.password
    let options = try ConnectionOptions(
      url: cluster.url(role, password: password, tcp: tcp), environment: [:])
    let connection = try PostgresConnection.connect(options)
    defer { connection.close() }
    let result = try connection.query("SELECT current_user, pg_backend_pid(), $1::text", ["x"])
    #expect(connection.signInMethod.rawValue == role.method)
    #expect(result.rows.count == 1)
    #expect(result.rows[0].string(0) == role.rawValue)
    #expect(result.rows[0].int(1) == Int(connection.processID))
    #expect(result.rows[0].string(2) == "x")
    #expect(connection.parameters["server_version"]?.hasPrefix(cluster.version) == true)
  }
}

/// SCRAM passwords the server and the client must both prepare (SASLprep) the same way.
@Suite(ServerFixture.needsServer)
struct SASLPrepAgreementTests {
  @Test(
    "a role whose password needs SASLprep, or is kept raw by it, signs in by SCRAM",
    arguments: Array(
      [
        "pass\u{00A0}word", "I\u{00AD}X", "ｆｕｌｌｗｉｄｔｈ", "\u{FB01}le", "ä\u{0007}",
        "ä\u{00A0}😀", "\u{05D0}\u{05D1}", "\u{05D0}a\u{00A0}", "quote'and\\backslash",
      ].enumerated()))
  func preparedPasswords(index: Int, password: String) throws {
    let cluster = try ServerFixture.cluster()
    let role = "saslprep_\(index)"
    let admin = try ServerFixture.connect()
    defer { admin.close() }
    let literal = "'" + password.replacingOccurrences(of: "'", with: "''") + "'"
    try admin.simpleQuery(
      "SET password_encryption = 'scram-sha-256'; DROP ROLE IF EXISTS \(role); "
        + "CREATE ROLE \(role) LOGIN PASSWORD \(literal)")
    // Over TCP only the fixture roles and the superuser are trusted: this role uses SCRAM.
    let url = "postgres://\(role)@127.0.0.1:\(cluster.port)/postgres"
    let connection = try PostgresConnection.connect(
      ConnectionOptions(url: url, environment: ["PGPASSWORD": password]))
    defer { connection.close() }
    #expect(connection.signInMethod == .scramSHA256)
    #expect(try connection.query("SELECT current_user").rows[0].string(0) == role)
  }
}
