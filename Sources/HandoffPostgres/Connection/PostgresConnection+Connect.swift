import HandoffSystem

extension PostgresConnection {
  /// Opens a session: reaches the server, signs in (trust, password, md5 or
  /// SCRAM-SHA-256, whichever `pg_hba.conf` asks for) and waits until it is ready, all
  /// within the options' connect timeout.
  package static func connect(_ options: ConnectionOptions) throws(PostgresError)
    -> PostgresConnection
  {
    let deadline = options.connectTimeout.map { ContinuousClock.now.advanced(by: $0) }
    let (socket, endpoint) = try reach(options, deadline: deadline)
    let connection = PostgresConnection(options: options, endpoint: endpoint, socket: socket)
    connection.timeout = options.connectTimeout
    do {
      try connection.startUp(deadline: deadline)
    } catch {
      var error = error
      error.duringStartup = true
      connection.lose(error)
      throw error
    }
    connection.timeout = nil
    return connection
  }

  /// Connects a socket to the first address of the server that answers.
  private static func reach(_ options: ConnectionOptions, deadline: ContinuousClock.Instant?)
    throws(PostgresError) -> (FileDescriptor, String)
  {
    func left() -> Duration? { deadline.map { ContinuousClock.now.duration(to: $0) } }
    let socketName = ".s.PGSQL.\(options.port)"
    var candidates: [SocketAddress] = []
    var tcpHost: String?
    switch options.host {
    case .socketDirectory(let folder):
      do {
        candidates = [try SocketAddress.unix(folder + "/" + socketName)]
      } catch {
        throw PostgresError(.invalidURL("the socket path \(folder)/\(socketName) is too long"))
      }
    case .local:
      let found = ConnectionOptions.localSocketDirectories.lazy
        .map { $0 + "/" + socketName }
        .first { FileStatus.of(path: $0) != nil }
      if let found, let address = try? SocketAddress.unix(found) {
        candidates = [address]
      } else {
        tcpHost = "localhost"
      }
    case .tcp(let host):
      tcpHost = host
    }
    if let tcpHost {
      try options.refuseTLS()
      do {
        candidates = try SocketAddress.resolve(host: tcpHost, port: options.port)
      } catch {
        throw PostgresError(.cannotResolve(error))
      }
    }
    var failure = PostgresError(.cannotConnect(.connectionRefused))
    for address in candidates {
      do {
        return (try FileDescriptor.connect(to: address, timeout: left()), address.description)
      } catch {
        failure =
          error == .timedOut
          ? PostgresError(.timedOut("connecting"), endpoint: address.description)
          : PostgresError(.cannotConnect(error), endpoint: address.description)
      }
    }
    throw failure
  }

  /// Sends the start-up message and answers what the server asks until it is ready.
  private func startUp(deadline: ContinuousClock.Instant?) throws(PostgresError) {
    try send([
      .startup(parameters: [
        ("user", options.user), ("database", options.database),
        ("application_name", options.applicationName), ("client_encoding", "UTF8"),
      ])
    ])
    var passwordSource = options.passwordSource
    var scram: SCRAMClient?
    while true {
      let message = try receive(until: deadline)
      switch message {
      case .authentication(let request):
        switch request {
        case .ok:
          break
        case .cleartextPassword:
          signInMethod = .password
          try send([.password(try password(&passwordSource))])
        case .md5Password(let salt):
          signInMethod = .md5
          let answer = MD5Password.response(
            user: options.user, password: try password(&passwordSource), salt: salt)
          try send([.password(answer)])
        case .sasl(let mechanisms):
          guard mechanisms.contains("SCRAM-SHA-256") else {
            throw PostgresError(
              .unsupported(
                "the server offers SASL mechanisms \(mechanisms.joined(separator: ", ")); "
                  + "Handoff speaks SCRAM-SHA-256"), endpoint: endpoint)
          }
          signInMethod = .scramSHA256
          let client = SCRAMClient(password: try password(&passwordSource))
          scram = client
          try send([
            .saslInitialResponse(mechanism: "SCRAM-SHA-256", data: client.clientFirstMessage)
          ])
        case .saslContinue(let data):
          guard var client = scram else { throw violation("SASL data before SASL began") }
          let final: [UInt8]
          do {
            final = try client.clientFinalMessage(serverFirst: data)
          } catch {
            throw PostgresError(.authentication(error.description), endpoint: endpoint)
          }
          scram = client
          try send([.saslResponse(final)])
        case .saslFinal(let data):
          guard let client = scram else { throw violation("SASL result before SASL began") }
          do {
            try client.verify(serverFinal: data)
          } catch {
            throw PostgresError(.authentication(error.description), endpoint: endpoint)
          }
        case .unsupported(let code):
          let method =
            [2: "Kerberos V5", 7: "GSSAPI", 8: "GSSAPI", 9: "SSPI"][code] ?? "method \(code)"
          throw PostgresError(
            .unsupported(
              "PostgreSQL at \(endpoint) asks for \(method) sign-in, which Handoff does not "
                + "support: give this user scram-sha-256 (or md5, password) in pg_hba.conf"),
            endpoint: endpoint)
        }
      case .backendKeyData(let processID, _):
        self.processID = processID
      case .readyForQuery(let status):
        transactionStatus = status
        return
      case .error(let error):
        throw PostgresError(.server(error), endpoint: endpoint, passwordSource: passwordSource)
      case .negotiateProtocolVersion:
        // Sent when the server's newest minor version is older than asked; 3.0 is what
        // every server since 7.4 speaks, and no protocol options were asked for.
        continue
      default:
        throw violation("unexpected message while signing in")
      }
    }
  }

  /// The password to answer with: the given one, else the password file's.
  private func password(_ source: inout String?) throws(PostgresError) -> String {
    if let password = options.password { return password }
    let missing =
      "the server asks for a password for user \"\(options.user)\" and none was given "
      + "(in the URL, PGPASSWORD or ~/.pgpass)"
    guard let path = options.passwordFile else {
      throw PostgresError(.authentication(missing), endpoint: endpoint)
    }
    switch PasswordFile.lookup(
      path: path, host: options.host, port: options.port, database: options.database,
      user: options.user)
    {
    case .found(let password):
      source = "password file \(path)"
      return password
    case .notFound:
      throw PostgresError(.authentication(missing), endpoint: endpoint)
    case .ignored(let reason):
      throw PostgresError(.authentication("\(missing); \(reason)"), endpoint: endpoint)
    }
  }

  func violation(_ what: String) -> PostgresError {
    let error = PostgresError(.protocolViolation(what), endpoint: endpoint)
    lose(error)
    return error
  }
}
