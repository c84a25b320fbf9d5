/// An error or notice from the server: its fields by their one-letter codes (severity,
/// SQLSTATE, message, detail, hint…).
package struct ServerMessage: Sendable, Equatable {
  package var fields: [UInt8: String]

  package init(fields: [UInt8: String]) { self.fields = fields }

  static func decode(_ cursor: inout ByteCursor) throws(ProtocolViolation) -> ServerMessage {
    var fields: [UInt8: String] = [:]
    while true {
      let code = try cursor.byte()
      if code == 0 { break }
      fields[code] = try cursor.cString()
    }
    return ServerMessage(fields: fields)
  }

  private func field(_ code: Character) -> String? { fields[code.asciiValue!] }

  /// ERROR, FATAL, PANIC, WARNING, NOTICE…, never translated.
  package var severity: String { field("V") ?? field("S") ?? "ERROR" }
  /// The SQLSTATE code: `28P01`, `3D000`…
  package var code: String { field("C") ?? SQLState.internalError }
  /// The primary message, in the server's words.
  package var message: String { field("M") ?? "unknown error" }
  package var detail: String? { field("D") }
  package var hint: String? { field("H") }
  /// The server's source routine that reported it (never translated).
  package var routine: String? { field("R") }
  /// The constraint a violation names, when there is one.
  package var constraint: String? { field("n") }

  /// Whether the server ends the session after it (FATAL or PANIC).
  package var endsSession: Bool { severity == "FATAL" || severity == "PANIC" }
}

/// The SQLSTATE codes Handoff acts on (PostgreSQL's Appendix A).
package enum SQLState {
  package static let uniqueViolation = "23505"
  package static let serializationFailure = "40001"
  package static let deadlockDetected = "40P01"
  package static let invalidAuthorization = "28000"
  package static let invalidPassword = "28P01"
  package static let invalidCatalogName = "3D000"
  package static let undefinedTable = "42P01"
  package static let insufficientPrivilege = "42501"
  package static let tooManyConnections = "53300"
  package static let queryCanceled = "57014"
  package static let adminShutdown = "57P01"
  package static let crashShutdown = "57P02"
  package static let cannotConnectNow = "57P03"
  package static let raiseException = "P0001"
  package static let featureNotSupported = "0A000"
  package static let internalError = "XX000"
}
