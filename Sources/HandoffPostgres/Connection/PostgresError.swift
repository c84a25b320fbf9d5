import HandoffSystem
import HandoffText

/// Why talking to PostgreSQL failed. Its description is the one line a user sees, with
/// the server's words where it gave some: "cannot connect to PostgreSQL at
/// 127.0.0.1:5432: password authentication failed for user "sam" (password from
/// PGPASSWORD)".
package struct PostgresError: Error, Sendable, CustomStringConvertible {
  package enum Kind: Sendable, Equatable {
    /// The connection string cannot be used.
    case invalidURL(String)
    /// Something Handoff does not do (TLS, Kerberos), with what to do instead.
    case unsupported(String)
    case cannotResolve(ResolutionError)
    case cannotConnect(Errno)
    /// The server did not answer in time; what was waited for.
    case timedOut(String)
    /// The server refused or failed something, in its words.
    case server(ServerMessage)
    /// Signing in could not go on: no password to give, a SCRAM exchange that failed.
    case authentication(String)
    /// The session ended under a query or while idle; the reason when one is known.
    case connectionLost(String?)
    /// The server sent something the protocol does not allow.
    case protocolViolation(String)
  }

  package var kind: Kind
  /// The server, as `host:port` or the socket's path.
  package var endpoint: String?
  /// Whether it happened while opening the session (signing in, choosing the database).
  package var duringStartup = false
  /// Where the password that was refused came from, for the message.
  package var passwordSource: String?

  package init(
    _ kind: Kind, endpoint: String? = nil, duringStartup: Bool = false,
    passwordSource: String? = nil
  ) {
    self.kind = kind
    self.endpoint = endpoint
    self.duringStartup = duringStartup
    self.passwordSource = passwordSource
  }

  /// The server's SQLSTATE, when the server reported the error.
  package var sqlState: String? {
    if case .server(let message) = kind { return message.code }
    return nil
  }

  /// The server's message, when the server reported the error.
  package var serverMessage: ServerMessage? {
    if case .server(let message) = kind { return message }
    return nil
  }

  /// Whether connecting again later may succeed: the server was down, restarting,
  /// unreachable or ended the session. A refused password or a bad query is not.
  package var isTransient: Bool {
    switch kind {
    case .cannotConnect, .timedOut, .connectionLost, .cannotResolve: return true
    case .server(let message):
      return [
        SQLState.adminShutdown, SQLState.crashShutdown, SQLState.cannotConnectNow,
        SQLState.tooManyConnections,
      ].contains(message.code)
    case .invalidURL, .unsupported, .authentication, .protocolViolation: return false
    }
  }

  package var description: String {
    let place = endpoint.map { " at \($0)" } ?? ""
    switch kind {
    case .invalidURL(let reason):
      return "invalid PostgreSQL URL: \(oneLine(reason))"
    case .unsupported(let what):
      return oneLine(what)
    case .cannotResolve(let error):
      return "cannot connect to PostgreSQL: \(oneLine(error.description))"
    case .cannotConnect(let errno):
      let advice =
        errno == .connectionRefused || errno == .noSuchFile
        ? " (is the server running and accepting connections there?)" : ""
      return "cannot connect to PostgreSQL\(place): \(errno)\(advice)"
    case .timedOut(let what):
      return "PostgreSQL\(place) did not answer in time (\(what))"
    case .server(let message):
      var text = oneLine(message.message)
      if message.code == SQLState.invalidPassword, let passwordSource {
        text += " (password from \(passwordSource))"
      }
      if duringStartup { return "cannot connect to PostgreSQL\(place): \(text)" }
      if message.endsSession { return "PostgreSQL\(place) ended the session: \(text)" }
      return "PostgreSQL\(place): \(text)"
    case .authentication(let reason):
      return "cannot connect to PostgreSQL\(place): \(oneLine(reason))"
    case .connectionLost(let reason):
      return "lost the connection to PostgreSQL\(place)" + (reason.map { ": \(oneLine($0))" } ?? "")
    case .protocolViolation(let what):
      return "PostgreSQL\(place) broke the protocol: \(oneLine(what))"
    }
  }
}

/// Text from the server made fit for one line of a terminal: line breaks and tabs become
/// spaces, the other characters on the shared list (`ControlCharacters`) a visible
/// U+FFFD.
func oneLine(_ text: String) -> String {
  var result = ""
  var lastWasSpace = false
  for scalar in text.unicodeScalars {
    let value = scalar.value
    if value == 0x0A || value == 0x0D || value == 0x09 || value == 0x20 {
      if !lastWasSpace { result.append(" ") }
      lastWasSpace = true
      continue
    }
    lastWasSpace = false
    result.unicodeScalars.append(ControlCharacters.contains(scalar) ? "\u{FFFD}" : scalar)
  }
  return result.trimmingSpaces()
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var text = Substring(self)
    while text.first == " " { text.removeFirst() }
    while text.last == " " { text.removeLast() }
    return String(text)
  }
}
