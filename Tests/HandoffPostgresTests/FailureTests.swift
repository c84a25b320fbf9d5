import Dispatch
import HandoffPostgres
import HandoffPostgresCluster
import HandoffSystem
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Everything that can go wrong reaching a server or while connected is one line saying
/// what happened, and tells whether trying again later may help.
@Suite(ServerFixture.needsServer)
struct FailureTests {
  private func connect(_ url: String, _ environment: [String: String] = [:]) throws
    -> PostgresConnection
  {
    try PostgresConnection.connect(ConnectionOptions(url: url, environment: environment))
  }

  /// The error connecting throws.
  private func failure(_ url: String, _ environment: [String: String] = [:]) -> PostgresError? {
    #expect(throws: PostgresError.self) { try connect(url, environment) }
  }

  @Test(
    "a wrong password is one line for every method, socket and TCP",
    arguments: [PostgresCluster.Role.password, .md5, .scram], [false, true])
  func wrongPassword(role: PostgresCluster.Role, tcp: Bool) throws {
    let cluster = try ServerFixture.cluster()
    let error = failure(cluster.url(role, password: "wrong", tcp: tcp))
    let endpoint =
      tcp ? "127.0.0.1:\(cluster.port)" : "\(cluster.socketDirectory)/.s.PGSQL.\(cluster.port)"
    #expect(
      error?.description
        == "cannot connect to PostgreSQL at \(endpoint): password authentication failed for user "
        + "\"\(role.rawValue)\" (password from the URL)")
    #expect(error?.sqlState == SQLState.invalidPassword)
    #expect(error?.isTransient == false)
  }

  @Test("no password where one is needed says where one could come from")
  func missingPassword() throws {
    let cluster = try ServerFixture.cluster()
    let folder = TemporaryDirectory("handoff-pgpass")
    let error = failure(cluster.url(.scram), ["PGPASSFILE": folder.file("none")])
    #expect(
      error?.description
        == "cannot connect to PostgreSQL at \(cluster.socketDirectory)/.s.PGSQL.\(cluster.port): "
        + "the server asks for a password for user \"scram_user\" and none was given "
        + "(in the URL, PGPASSWORD or ~/.pgpass)")
  }

  @Test(
    "the password comes from PGPASSWORD, else from a private password file; an open one is ignored with libpq's warning"
  )
  func passwordSources() throws {
    let cluster = try ServerFixture.cluster()
    let folder = TemporaryDirectory("handoff-pgpass")
    let file = folder.file("pgpass")
    let url = cluster.url(.scram, tcp: true)
    let viaEnvironment = try connect(url, ["PGPASSWORD": PostgresCluster.password])
    #expect(viaEnvironment.signInMethod == .scramSHA256)
    viaEnvironment.close()

    let fd = try FileDescriptor.open(file, O_WRONLY | O_CREAT, mode: 0o600)
    try fd.writeAll(
      "# handoff\n127.0.0.1:\(cluster.port):*:scram_user:\(PostgresCluster.password)\n")
    fd.close()
    try connect(url, ["PGPASSFILE": file]).close()
    // A wrong password from the file says where it came from.
    let wrong = failure(url, ["PGPASSFILE": file, "PGPASSWORD": "wrong"])
    #expect(wrong?.description.hasSuffix("(password from PGPASSWORD)") == true)

    chmod(file, 0o644)
    let ignored = failure(url, ["PGPASSFILE": file])
    #expect(
      ignored?.description.hasSuffix(
        "none was given (in the URL, PGPASSWORD or ~/.pgpass); password file \"\(file)\" has "
          + "group or world access; permissions should be u=rw (0600) or less") == true)
  }

  @Test("an unknown database is one line")
  func unknownDatabase() throws {
    let cluster = try ServerFixture.cluster()
    let error = failure(cluster.url(database: "no_such_db", tcp: true))
    #expect(
      error?.description
        == "cannot connect to PostgreSQL at 127.0.0.1:\(cluster.port): database \"no_such_db\" does not exist"
    )
    #expect(error?.sqlState == SQLState.invalidCatalogName)
    #expect(error?.isTransient == false)
  }

  @Test(
    "a server that is not running is one line, over TCP and over a socket, and may be tried again")
  func serverDown() throws {
    // A port nothing listens on: bound, read and released at once.
    let listener = try Listener()
    let port = listener.port
    listener.close()
    let tcp = failure("postgres://u@127.0.0.1:\(port)/d")
    #expect(
      tcp?.description
        == "cannot connect to PostgreSQL at 127.0.0.1:\(port): Connection refused (is the server "
        + "running and accepting connections there?)")
    #expect(tcp?.isTransient == true)
    let folder = TemporaryDirectory("handoff-nosocket")
    let socket = failure("postgres://u@/d?host=\(folder.path)")
    #expect(
      socket?.description
        == "cannot connect to PostgreSQL at \(folder.path)/.s.PGSQL.5432: No such file or "
        + "directory (is the server running and accepting connections there?)")
    let unknownHost = failure("postgres://u@no-such-host.invalid/d")
    #expect(
      unknownHost?.description.hasPrefix(
        "cannot connect to PostgreSQL: cannot resolve no-such-host.invalid: ") == true)
  }

  @Test("a server that accepts but never answers is given up after the connect timeout")
  func silentServer() throws {
    let listener = try Listener()
    defer { listener.close() }
    let error = failure("postgres://u@127.0.0.1:\(listener.port)/d?connect_timeout=2")
    #expect(
      error?.description
        == "PostgreSQL at 127.0.0.1:\(listener.port) did not answer in time (waited 2.0 seconds)")
    #expect(error?.isTransient == true)
  }

  @Test("a query that outlasts the session's timeout ends the session with one line")
  func queryTimeout() throws {
    let connection = try ServerFixture.connect()
    connection.timeout = .milliseconds(300)
    let error = #expect(throws: PostgresError.self) { try connection.query("SELECT pg_sleep(30)") }
    #expect(error?.description.contains("did not answer in time") == true)
    #expect(connection.isClosed)
    #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
  }

  @Test(
    "a session the server ends while idle (pg_terminate_backend) wakes the descriptor and says so")
  func terminatedWhileIdle() throws {
    let victim = try ServerFixture.connect()
    let admin = try ServerFixture.connect()
    defer { admin.close() }
    try victim.listen("handoff_test_terminate")
    try admin.query("SELECT pg_terminate_backend($1)", [String(victim.processID)])
    #expect(try victim.descriptor.waitUntilReadable(timeout: .seconds(20)))
    let error = #expect(throws: PostgresError.self) { try victim.readAvailable() }
    #expect(
      error?.description
        == "PostgreSQL at \(victim.endpoint) ended the session: terminating connection due to administrator command"
    )
    #expect(error?.sqlState == SQLState.adminShutdown)
    #expect(error?.isTransient == true)
    #expect(victim.isClosed)
    let again = #expect(throws: PostgresError.self) { try victim.query("SELECT 1") }
    #expect(again?.description == error?.description)
  }

  @Test("a session the server ends during a query fails that query with the server's reason")
  func terminatedDuringQuery() throws {
    let victim = try ServerFixture.connect()
    let pid = String(victim.processID)
    // Another thread ends the session once the server shows the query running.
    let killer = DispatchQueue(label: "killer")
    let done = DispatchSemaphore(value: 0)
    killer.async {
      defer { done.signal() }
      guard let admin = try? ServerFixture.connect() else { return }
      defer { admin.close() }
      let running =
        "SELECT count(*) FROM pg_stat_activity WHERE pid = $1::int AND query LIKE 'SELECT pg_sleep%'"
      for _ in 0..<2000 {
        if (try? admin.query(running, [pid]).rows[0].int(0)) == 1 { break }
      }
      _ = try? admin.query("SELECT pg_terminate_backend($1::int)", [pid])
    }
    let error = #expect(throws: PostgresError.self) { try victim.query("SELECT pg_sleep(60)") }
    done.wait()
    #expect(error?.sqlState == SQLState.adminShutdown)
    #expect(victim.isClosed)
  }
}

/// A TCP socket listening on 127.0.0.1 that never accepts: a server that never answers,
/// or (once closed) a port nothing listens on.
private final class Listener {
  let fd: CInt
  let port: Int

  init() throws {
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let ok = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
        bind(fd, raw, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, raw, &length) == 0
      }
    }
    try #require(ok)
    self.fd = fd
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  func close() { _ = systemClose(fd) }
}

private func systemClose(_ fd: CInt) -> CInt {
  #if canImport(Glibc)
    return Glibc.close(fd)
  #else
    return Darwin.close(fd)
  #endif
}
