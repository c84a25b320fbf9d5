import HandoffSystem

/// How a server asked a session to sign in (`pg_hba.conf`'s method).
package enum SignInMethod: String, Sendable {
  case trust
  case password
  case md5
  case scramSHA256 = "scram-sha-256"
}

/// One session with a PostgreSQL server over TCP or a Unix socket, speaking protocol
/// 3.0. Calls block until the server has answered (each waits at most `timeout`);
/// notifications the session LISTENs for arrive on `descriptor`, which a `poll(2)` loop
/// watches, and are read with `readAvailable()` and taken with `takeNotifications()`.
///
/// Not for several threads at once: one owner sends one exchange at a time. After the
/// session is lost (the server went away, the network broke, a protocol violation) every
/// call throws `connectionLost`; connect again with `connect(_:)`.
package final class PostgresConnection {
  /// What it connected with.
  package let options: ConnectionOptions
  /// The server it reached: `host:port` or the socket's path.
  package let endpoint: String
  /// The server's run-time settings as it reported them (`server_version`…).
  package internal(set) var parameters: [String: String] = [:]
  /// The server process serving this session (what `pg_terminate_backend` takes).
  package internal(set) var processID: Int32 = 0
  /// How the server had this session sign in.
  package internal(set) var signInMethod: SignInMethod = .trust
  /// The transaction state after the last exchange.
  package internal(set) var transactionStatus: TransactionStatus = .idle
  /// How long a call waits for the server before giving the session up; nil waits for
  /// ever (TCP keep-alive still notices a vanished peer).
  package var timeout: Duration?

  let socket: FileDescriptor
  var decoder = MessageDecoder()
  /// Notifications received and not yet taken.
  var notifications: [PostgresNotification] = []
  /// Notices received and not yet taken (at most `noticeLimit`, the latest).
  var notices: [ServerMessage] = []
  static let noticeLimit = 100
  /// Why the session is over, once it is.
  var lostReason: PostgresError?
  /// Whether the server has closed its end (messages before that may still be buffered).
  var reachedEnd = false
  /// Where reads land before the decoder takes them.
  private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
  /// Names of statements prepared on the server, by their SQL.
  var preparedStatements: [String: String] = [:]
  static let preparedStatementLimit = 200
  /// Numbers the statements prepared so far, so a name is never reused in a session.
  var statementCounter = 0
  /// Rows are sent to COPY in messages of about this many bytes.
  static let copyChunkSize = 256 * 1024

  init(options: ConnectionOptions, endpoint: String, socket: FileDescriptor) {
    self.options = options
    self.endpoint = endpoint
    self.socket = socket
  }

  deinit {
    if lostReason == nil { socket.close() }
  }

  /// The descriptor a poll loop watches for notifications (readable means: call
  /// `readAvailable()`).
  package var descriptor: FileDescriptor { socket }

  /// Whether the session is over.
  package var isClosed: Bool { lostReason != nil }

  /// Ends the session: tells the server, then closes the socket.
  package func close() {
    guard lostReason == nil else { return }
    var bytes: [UInt8] = []
    FrontendMessage.terminate.encode(into: &bytes)
    try? socket.sendAll(bytes)
    lose(PostgresError(.connectionLost("the session was closed"), endpoint: endpoint))
  }

  /// Whether notifications have been received and not yet taken: they may have arrived
  /// during a query, so a poll loop checks this as well as the descriptor.
  package var hasNotifications: Bool { !notifications.isEmpty }

  /// Takes the notifications received so far, oldest first.
  package func takeNotifications() -> [PostgresNotification] {
    defer { notifications.removeAll() }
    return notifications
  }

  /// Takes the notices (warnings, "already exists, skipping") received so far.
  package func takeNotices() -> [ServerMessage] {
    defer { notices.removeAll() }
    return notices
  }

  // MARK: - Bytes and messages

  /// Ends the session for `reason`, closing the socket once.
  func lose(_ reason: PostgresError) {
    guard lostReason == nil else { return }
    lostReason = reason
    socket.close()
  }

  /// Throws why the session is over, if it is.
  func ensureOpen() throws(PostgresError) {
    if let lostReason { throw lostReason }
    if reachedEnd {
      // A server shutting down immediately warns its sessions before it closes them.
      let warning = notices.last { $0.code.hasPrefix("57P") }
      let lost = PostgresError(
        .connectionLost(warning?.message ?? "the server closed it"), endpoint: endpoint)
      lose(lost)
      throw lost
    }
  }

  /// Sends encoded messages in one write.
  func send(_ messages: [FrontendMessage]) throws(PostgresError) {
    try ensureOpen()
    var bytes: [UInt8] = []
    for message in messages { message.encode(into: &bytes) }
    do {
      try socket.sendAll(bytes)
    } catch {
      throw lost(error)
    }
  }

  /// The next message of an exchange, waiting for it until `deadline`. Notifications,
  /// notices and parameter changes are kept aside, not returned. A FATAL error ends the
  /// session, and is returned so the exchange can report it.
  func receive(until deadline: ContinuousClock.Instant?) throws(PostgresError) -> BackendMessage {
    while true {
      if let message = try nextBuffered() { return message }
      try ensureOpen()
      var left: Duration?
      if let deadline {
        left = ContinuousClock.now.duration(to: deadline)
        if left! <= .zero {
          let error = PostgresError(.timedOut("waited \(timeout ?? .zero)"), endpoint: endpoint)
          lose(error)
          throw error
        }
      }
      if try waitUntilReadable(timeout: left) { try fill() }
    }
  }

  /// Waits for the socket to be readable; a failure to wait ends the session.
  private func waitUntilReadable(timeout: Duration?) throws(PostgresError) -> Bool {
    do {
      return try socket.waitUntilReadable(timeout: timeout)
    } catch {
      throw lost(error)
    }
  }

  /// Ends the session for a failed system call, and returns the error to throw.
  func lost(_ errno: Errno) -> PostgresError {
    let error = PostgresError(.connectionLost("\(errno)"), endpoint: endpoint)
    lose(error)
    return error
  }

  /// The deadline for an exchange starting now.
  func deadline() -> ContinuousClock.Instant? {
    timeout.map { ContinuousClock.now.advanced(by: $0) }
  }

  /// Reads whatever the socket holds now, without waiting, until it would block or the
  /// server has closed its end.
  func fill() throws(PostgresError) {
    while !reachedEnd {
      let count: Int
      do {
        count = try readBuffer.withUnsafeMutableBytes { raw in
          Result { () throws(Errno) in try socket.read(into: raw) }
        }.get()
      } catch {
        if error.isWouldBlock { return }
        throw lost(error)
      }
      if count == 0 {
        // Messages sent just before the end (a FATAL error) are still to be read.
        reachedEnd = true
        return
      }
      readBuffer.withUnsafeBytes {
        decoder.append(UnsafeRawBufferPointer(rebasing: $0[..<count]))
      }
    }
  }

  /// The next buffered message that belongs to an exchange, setting the others aside.
  private func nextBuffered() throws(PostgresError) -> BackendMessage? {
    while true {
      let message: BackendMessage?
      do {
        message = try decoder.next()
      } catch {
        let violation = PostgresError(.protocolViolation(error.description), endpoint: endpoint)
        lose(violation)
        throw violation
      }
      guard let message else { return nil }
      switch message {
      case .notification(let notification):
        notifications.append(notification)
      case .notice(let notice):
        notices.append(notice)
        if notices.count > Self.noticeLimit { notices.removeFirst() }
      case .parameterStatus(let name, let value):
        parameters[name] = value
      case .error(let error) where error.endsSession:
        let failure = PostgresError(.server(error), endpoint: endpoint)
        lose(failure)
        return message
      default:
        return message
      }
    }
  }

  /// Reads what has arrived while no exchange runs (notifications, notices, a FATAL
  /// error from a server shutting down) without waiting: call it when `descriptor` is
  /// readable. Throws when the session is over.
  package func readAvailable() throws(PostgresError) {
    try ensureOpen()
    try fill()
    while let message = try nextBuffered() {
      if case .error(let error) = message {
        throw PostgresError(.server(error), endpoint: endpoint)
      }
      let violation = PostgresError(
        .protocolViolation("a message arrived outside any exchange"), endpoint: endpoint)
      lose(violation)
      throw violation
    }
    try ensureOpen()
  }

  /// Waits up to `timeout` for at least one notification and takes what has arrived;
  /// empty when none came in time.
  package func waitForNotifications(timeout: Duration) throws(PostgresError)
    -> [PostgresNotification]
  {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while notifications.isEmpty {
      try ensureOpen()
      let left = ContinuousClock.now.duration(to: deadline)
      if left <= .zero { break }
      if try waitUntilReadable(timeout: left) { try readAvailable() }
    }
    return takeNotifications()
  }
}
