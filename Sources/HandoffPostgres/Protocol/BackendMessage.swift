/// A message the server sends (protocol version 3.0), decoded from its type byte and
/// body. Only the messages a client that sends simple queries, extended queries and
/// COPY FROM STDIN can receive; anything else is a protocol violation.
package enum BackendMessage: Sendable {
  /// What the server asks for to sign in, or that signing in succeeded.
  case authentication(AuthenticationRequest)
  /// The session's process id and cancel key.
  case backendKeyData(processID: Int32, secretKey: Int32)
  /// A run-time setting the server reports (server_version, client_encoding…).
  case parameterStatus(name: String, value: String)
  /// The server is ready for the next query; its transaction status.
  case readyForQuery(TransactionStatus)
  /// The columns of the rows that follow.
  case rowDescription([PostgresColumn])
  /// One row.
  case dataRow(PostgresRow)
  /// A statement finished: its command tag ("INSERT 0 3", "SELECT 12").
  case commandComplete(String)
  /// The query string was empty.
  case emptyQueryResponse
  case error(ServerMessage)
  case notice(ServerMessage)
  /// A NOTIFY on a channel this session listens to.
  case notification(PostgresNotification)
  case parseComplete
  case bindComplete
  case closeComplete
  /// The portal returns no rows.
  case noData
  case parameterDescription
  case portalSuspended
  /// The server waits for COPY data, in text (0) or binary (1) format.
  case copyInResponse(format: UInt8)
  case copyOutResponse
  case copyData([UInt8])
  case copyDone
  /// The server supports only an older minor version or some of the options asked for.
  case negotiateProtocolVersion(newestMinor: Int32, unrecognized: [String])

  /// Decodes one message from its type byte and body.
  package static func decode(type: UInt8, body: ArraySlice<UInt8>) throws(ProtocolViolation)
    -> BackendMessage
  {
    var cursor = ByteCursor(body)
    let message: BackendMessage
    switch type {
    case UInt8(ascii: "R"): message = .authentication(try AuthenticationRequest.decode(&cursor))
    case UInt8(ascii: "K"):
      message = .backendKeyData(processID: try cursor.int32(), secretKey: try cursor.int32())
    case UInt8(ascii: "S"):
      message = .parameterStatus(name: try cursor.cString(), value: try cursor.cString())
    case UInt8(ascii: "Z"):
      let status = try cursor.byte()
      guard let transaction = TransactionStatus(rawValue: status) else {
        throw ProtocolViolation("unknown transaction status \(status)")
      }
      message = .readyForQuery(transaction)
    case UInt8(ascii: "T"):
      let count = Int(try cursor.int16())
      var columns: [PostgresColumn] = []
      columns.reserveCapacity(max(0, count))
      for _ in 0..<max(0, count) {
        let name = try cursor.cString()
        let table = try cursor.uint32()
        let attribute = try cursor.int16()
        let type = try cursor.uint32()
        _ = try cursor.int16()  // type size
        _ = try cursor.int32()  // type modifier
        _ = try cursor.int16()  // format
        columns.append(
          PostgresColumn(name: name, tableOID: table, attributeNumber: attribute, typeOID: type))
      }
      message = .rowDescription(columns)
    case UInt8(ascii: "D"):
      message = .dataRow(try PostgresRow(body: body))
      cursor.skipRest()
    case UInt8(ascii: "C"): message = .commandComplete(try cursor.cString())
    case UInt8(ascii: "I"): message = .emptyQueryResponse
    case UInt8(ascii: "E"): message = .error(try ServerMessage.decode(&cursor))
    case UInt8(ascii: "N"): message = .notice(try ServerMessage.decode(&cursor))
    case UInt8(ascii: "A"):
      message = .notification(
        PostgresNotification(
          processID: try cursor.int32(), channel: try cursor.cString(),
          payload: try cursor.cString()))
    case UInt8(ascii: "1"): message = .parseComplete
    case UInt8(ascii: "2"): message = .bindComplete
    case UInt8(ascii: "3"): message = .closeComplete
    case UInt8(ascii: "n"): message = .noData
    case UInt8(ascii: "t"):
      cursor.skipRest()
      message = .parameterDescription
    case UInt8(ascii: "s"): message = .portalSuspended
    case UInt8(ascii: "G"):
      message = .copyInResponse(format: try cursor.byte())
      cursor.skipRest()
    case UInt8(ascii: "H"), UInt8(ascii: "W"):
      cursor.skipRest()
      message = .copyOutResponse
    case UInt8(ascii: "d"): message = .copyData(try cursor.rest())
    case UInt8(ascii: "c"): message = .copyDone
    case UInt8(ascii: "v"):
      let newest = try cursor.int32()
      let count = try cursor.int32()
      var options: [String] = []
      for _ in 0..<max(0, count) { options.append(try cursor.cString()) }
      message = .negotiateProtocolVersion(newestMinor: newest, unrecognized: options)
    default:
      throw ProtocolViolation("unknown message type \(printable(type))")
    }
    guard cursor.isAtEnd else {
      throw ProtocolViolation("message \(printable(type)) is longer than its contents")
    }
    return message
  }
}

/// What an authentication message asks the client for.
package enum AuthenticationRequest: Sendable, Equatable {
  case ok
  case cleartextPassword
  case md5Password(salt: [UInt8])
  /// SASL, with the mechanisms the server offers.
  case sasl(mechanisms: [String])
  case saslContinue([UInt8])
  case saslFinal([UInt8])
  /// Kerberos, GSSAPI or SSPI: the method's code, for the message that refuses it.
  case unsupported(code: Int32)

  static func decode(_ cursor: inout ByteCursor) throws(ProtocolViolation) -> Self {
    let code = try cursor.int32()
    switch code {
    case 0: return .ok
    case 3: return .cleartextPassword
    case 5: return .md5Password(salt: try cursor.bytes(4))
    case 10:
      var mechanisms: [String] = []
      while true {
        let name = try cursor.cString()
        if name.isEmpty { break }
        mechanisms.append(name)
      }
      return .sasl(mechanisms: mechanisms)
    case 11: return .saslContinue(try cursor.rest())
    case 12: return .saslFinal(try cursor.rest())
    default:
      cursor.skipRest()
      return .unsupported(code: code)
    }
  }
}

/// The transaction state a ready-for-query message reports.
package enum TransactionStatus: UInt8, Sendable {
  case idle = 73  // "I"
  case inTransaction = 84  // "T"
  case failedTransaction = 69  // "E"
}

/// A notification delivered to a session that LISTENs on its channel.
package struct PostgresNotification: Sendable, Equatable {
  /// The server process that sent it.
  package var processID: Int32
  package var channel: String
  package var payload: String

  package init(processID: Int32, channel: String, payload: String) {
    self.processID = processID
    self.channel = channel
    self.payload = payload
  }
}

/// A message that does not follow the protocol: the session cannot go on.
package struct ProtocolViolation: Error, Sendable, CustomStringConvertible {
  package var description: String
  package init(_ description: String) { self.description = description }
}

/// A type byte as text for a message: `'Q'`, or its number when it is not printable.
func printable(_ type: UInt8) -> String {
  (0x21...0x7E).contains(type) ? "'\(Character(Unicode.Scalar(type)))'" : "\(type)"
}

/// Reads big-endian integers and zero-terminated strings from a message body.
struct ByteCursor {
  private let bytes: ArraySlice<UInt8>
  private var index: Int

  init(_ bytes: ArraySlice<UInt8>) {
    self.bytes = bytes
    index = bytes.startIndex
  }

  var isAtEnd: Bool { index == bytes.endIndex }

  mutating func byte() throws(ProtocolViolation) -> UInt8 {
    guard index < bytes.endIndex else { throw ProtocolViolation("a message ends too early") }
    defer { index += 1 }
    return bytes[index]
  }

  mutating func int16() throws(ProtocolViolation) -> Int16 {
    let high = try byte()
    let low = try byte()
    return Int16(bitPattern: UInt16(high) << 8 | UInt16(low))
  }

  mutating func uint32() throws(ProtocolViolation) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 { value = value << 8 | UInt32(try byte()) }
    return value
  }

  mutating func int32() throws(ProtocolViolation) -> Int32 {
    Int32(bitPattern: try uint32())
  }

  mutating func bytes(_ count: Int) throws(ProtocolViolation) -> [UInt8] {
    guard count >= 0, bytes.endIndex - index >= count else {
      throw ProtocolViolation("a message ends too early")
    }
    defer { index += count }
    return Array(bytes[index..<index + count])
  }

  /// A string up to its zero byte; invalid UTF-8 is repaired (shown as U+FFFD).
  mutating func cString() throws(ProtocolViolation) -> String {
    guard let end = bytes[index...].firstIndex(of: 0) else {
      throw ProtocolViolation("a string in a message has no end")
    }
    defer { index = end + 1 }
    return String(decoding: bytes[index..<end], as: UTF8.self)
  }

  mutating func rest() throws(ProtocolViolation) -> [UInt8] {
    try bytes(bytes.endIndex - index)
  }

  mutating func skipRest() { index = bytes.endIndex }
}
