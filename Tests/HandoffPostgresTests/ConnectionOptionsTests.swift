import HandoffPostgres
import Testing

/// Connection URLs read the way libpq reads them, with its environment variables.
@Suite struct ConnectionOptionsTests {
  private let environment = ["HOME": "/home/sam", "PGUSER": "envuser"]

  private func options(_ url: String, _ environment: [String: String]? = nil) throws
    -> ConnectionOptions
  {
    try ConnectionOptions(url: url, environment: environment ?? self.environment)
  }

  @Test("a full URL gives user, password, host, port and database, in either scheme")
  func fullURL() throws {
    for scheme in ["postgres", "postgresql", "PostgreSQL"] {
      let parsed = try options("\(scheme)://sam:secret@db.example:6543/pipeline")
      #expect(parsed.user == "sam")
      #expect(parsed.password == "secret")
      #expect(parsed.passwordSource == "the URL")
      #expect(parsed.host == .tcp("db.example"))
      #expect(parsed.port == 6543)
      #expect(parsed.database == "pipeline")
      #expect(parsed.sslMode == "prefer")
      #expect(parsed.applicationName == "handoff")
      #expect(parsed.connectTimeout == .seconds(10))
      #expect(parsed.passwordFile == "/home/sam/.pgpass")
    }
  }

  @Test("every part may be percent-encoded, a Unix socket's folder included")
  func percentDecoding() throws {
    let parsed = try options("postgres://s%40m:p%3Aw%2F%25d%20%C3%A4@%2Frun%2Fpostgresql/my%20db")
    #expect(parsed.user == "s@m")
    #expect(parsed.password == "p:w/%d ä")
    #expect(parsed.host == .socketDirectory("/run/postgresql"))
    #expect(parsed.database == "my db")
  }

  @Test("query parameters name the socket folder, port, user and the rest")
  func parameters() throws {
    let parsed = try options(
      "postgres:///handoff?host=/tmp/pg%20sock&port=5433&user=ops&password=pw&sslmode=disable"
        + "&application_name=wall&connect_timeout=1&passfile=/etc/pgpass")
    #expect(parsed.host == .socketDirectory("/tmp/pg sock"))
    #expect(parsed.port == 5433)
    #expect(parsed.user == "ops")
    #expect(parsed.password == "pw")
    #expect(parsed.sslMode == "disable")
    #expect(parsed.applicationName == "wall")
    // As libpq: less than two seconds is taken as two, and 0 waits for ever.
    #expect(parsed.connectTimeout == .seconds(2))
    #expect(try options("postgres:///x?connect_timeout=0").connectTimeout == nil)
    #expect(parsed.passwordFile == "/etc/pgpass")
  }

  @Test("an IPv6 address goes in brackets, with or without a port")
  func ipv6() throws {
    #expect(try options("postgres://u@[::1]:5440/d").host == .tcp("::1"))
    #expect(try options("postgres://u@[::1]:5440/d").port == 5440)
    #expect(try options("postgres://u@[fe80::1]/d").host == .tcp("fe80::1"))
  }

  @Test("what the URL leaves out comes from PGHOST, PGPORT, PGUSER, PGDATABASE and PGPASSWORD")
  func environmentDefaults() throws {
    let parsed = try options(
      "postgres://",
      [
        "PGHOST": "/var/run/postgresql", "PGPORT": "5999", "PGUSER": "pat",
        "PGDATABASE": "sales", "PGPASSWORD": "hunter2", "PGSSLMODE": "disable",
        "PGAPPNAME": "cron", "PGPASSFILE": "/srv/pgpass",
      ])
    #expect(parsed.host == .socketDirectory("/var/run/postgresql"))
    #expect(parsed.port == 5999)
    #expect(parsed.user == "pat")
    #expect(parsed.database == "sales")
    #expect(parsed.password == "hunter2")
    #expect(parsed.passwordSource == "PGPASSWORD")
    #expect(parsed.sslMode == "disable")
    #expect(parsed.applicationName == "cron")
    #expect(parsed.passwordFile == "/srv/pgpass")
    // The URL wins over the environment; the database defaults to the user.
    let overridden = try options(
      "postgres://kim:pw@h/?port=7000", ["PGPORT": "5999", "PGPASSWORD": "env"])
    #expect(overridden.port == 7000)
    #expect(overridden.database == "kim")
    #expect(overridden.password == "pw")
    // Nothing at all: the local server's socket, port 5432, no password yet.
    let bare = try options("postgres://", [:])
    #expect(bare.host == .local)
    #expect(bare.port == 5432)
    #expect(bare.password == nil)
  }

  @Test(
    "sslmode that asks for TLS is refused over TCP with one line saying what to do instead",
    arguments: ["require", "verify-ca", "verify-full"])
  func tlsRefused(mode: String) throws {
    let error = #expect(throws: PostgresError.self) {
      try options("postgres://u@db.example/d?sslmode=\(mode)")
    }
    let line = error?.description ?? ""
    #expect(line.hasPrefix("sslmode=\(mode) asks for TLS, which Handoff does not speak"))
    #expect(line.contains("SSH tunnel") && line.contains("Unix socket"))
    #expect(!line.contains("\n"))
    // PGSSLMODE is refused the same way; over a Unix socket libpq never uses TLS either,
    // so there the mode is accepted.
    #expect(throws: PostgresError.self) { try options("postgres://u@h/d", ["PGSSLMODE": mode]) }
    #expect(try options("postgres://u@/d?host=/tmp&sslmode=\(mode)").sslMode == mode)
  }

  @Test(
    "a malformed URL is one clear line",
    arguments: [
      ("http://x/y", "invalid PostgreSQL URL: it must start with postgres:// or postgresql://"),
      (
        "postgres://u@h:99999/d",
        "invalid PostgreSQL URL: port \"99999\" is not a number from 1 to 65535"
      ),
      (
        "postgres://u@h:abc/d",
        "invalid PostgreSQL URL: port \"abc\" is not a number from 1 to 65535"
      ),
      ("postgres://u@h/d?colour=red", "invalid PostgreSQL URL: unknown parameter \"colour\""),
      ("postgres://u@h/d?host", "invalid PostgreSQL URL: parameter \"host\" has no value"),
      (
        "postgres://u%zz@h/d",
        "invalid PostgreSQL URL: \"u%zz\" has a % not followed by two hexadecimal digits"
      ),
      ("postgres://u%00@h/d", "invalid PostgreSQL URL: \"u%00\" holds %00"),
      ("postgres://u%ff@h/d", "invalid PostgreSQL URL: \"u%ff\" is not UTF-8 once decoded"),
      (
        "postgres://u@h1,h2/d", "invalid PostgreSQL URL: several hosts in one URL are not supported"
      ),
      (
        "postgres://u@[::1/d", "invalid PostgreSQL URL: an IPv6 address opened with [ is not closed"
      ),
      ("postgres://u@h/d?sslmode=maybe", "invalid PostgreSQL URL: sslmode \"maybe\" is not one of"),
      (
        "postgres://u@h/d?connect_timeout=soon",
        "invalid PostgreSQL URL: connect_timeout \"soon\" is not a number of seconds"
      ),
    ])
  func malformed(url: String, line: String) {
    let error = #expect(throws: PostgresError.self) { try options(url) }
    #expect(error?.description.hasPrefix(line) == true, "\(error?.description ?? "no error")")
  }

  @Test("the redacted form never shows the password and reads back to the same place")
  func redacted() throws {
    let parsed = try options("postgres://s%40m:secret@db.example:6543/my%20db")
    #expect(parsed.redacted == "postgres://s%40m@db.example:6543/my%20db")
    let socket = try options("postgres://sam:secret@/handoff?host=/run/postgresql")
    #expect(socket.redacted == "postgres://sam@/handoff?host=/run/postgresql")
    var again = try options(socket.redacted)
    again.password = socket.password
    again.passwordSource = socket.passwordSource
    #expect(again == socket)
  }

  @Test("store arguments are told apart from paths by their scheme")
  func isURL() {
    #expect(ConnectionOptions.isURL("postgres://x"))
    #expect(ConnectionOptions.isURL("postgresql://x"))
    #expect(!ConnectionOptions.isURL("/home/sam/store.jsonl"))
    #expect(!ConnectionOptions.isURL("postgres.jsonl"))
  }
}
