import HandoffPostgres
import Testing

/// Protocol 3.0 messages as bytes: what the client sends, and the server's stream cut
/// into messages however it arrives.
@Suite struct MessageTests {
  private func encoded(_ message: FrontendMessage) -> [UInt8] {
    var bytes: [UInt8] = []
    message.encode(into: &bytes)
    return bytes
  }

  @Test("the client's messages have the layout the protocol documents")
  func frontendLayout() {
    #expect(encoded(.query("SELECT 1")) == [0x51, 0, 0, 0, 13] + Array("SELECT 1".utf8) + [0])
    #expect(encoded(.sync) == [0x53, 0, 0, 0, 4])
    #expect(encoded(.terminate) == [0x58, 0, 0, 0, 4])
    // Start-up: no type byte, the length, version 3.0, name/value pairs, a final zero.
    let startup = encoded(.startup(parameters: [("user", "sam")]))
    #expect(startup == [0, 0, 0, 18, 0, 3, 0, 0] + Array("user\0sam\0".utf8) + [0])
    // Bind: unnamed portal, the statement, all-text formats, a value and a NULL.
    let bind = encoded(.bind(statement: "s1", parameters: ["ab", nil]))
    #expect(
      bind == [0x42, 0, 0, 0, 24, 0] + Array("s1".utf8) + [0, 0, 0, 0, 2, 0, 0, 0, 2]
        + Array("ab".utf8) + [0xFF, 0xFF, 0xFF, 0xFF, 0, 0])
    let sasl = encoded(.saslInitialResponse(mechanism: "SCRAM-SHA-256", data: [1, 2]))
    #expect(sasl == [0x70, 0, 0, 0, 24] + Array("SCRAM-SHA-256\0".utf8) + [0, 0, 0, 2, 1, 2])
  }

  /// A server message: type, length, body.
  private func backend(_ type: Character, _ body: [UInt8]) -> [UInt8] {
    let length = UInt32(body.count + 4)
    return [type.asciiValue!] + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) }
      + body
  }

  @Test("the server's stream is cut into whole messages whatever the read sizes")
  func decodingAnySplit() throws {
    let stream =
      backend("S", Array("server_version\u{0}15.8\u{0}".utf8))
      + backend("D", [0, 3, 0, 0, 0, 2] + Array("hi".utf8) + [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])
      + backend("A", [0, 0, 0, 42] + Array("leads\u{0}42\u{0}".utf8))
      + backend("Z", [UInt8(ascii: "I")])
    for piece in [1, 2, 3, 7, stream.count] {
      var decoder = MessageDecoder()
      var messages: [BackendMessage] = []
      var offset = 0
      while offset < stream.count {
        let end = min(offset + piece, stream.count)
        stream[offset..<end].withUnsafeBytes { decoder.append($0) }
        while let message = try decoder.next() { messages.append(message) }
        offset = end
      }
      #expect(messages.count == 4)
      #expect(!decoder.hasPartialMessage)
      guard messages.count == 4 else { continue }
      if case .parameterStatus(let name, let value) = messages[0] {
        #expect(name == "server_version" && value == "15.8")
      } else {
        Issue.record("expected a parameter status, got \(messages[0])")
      }
      if case .dataRow(let row) = messages[1] {
        #expect(row.count == 3)
        #expect(row.string(0) == "hi")
        #expect(row.isNull(1) && row.string(1) == nil)
        #expect(row.string(2) == "")
      } else {
        Issue.record("expected a data row, got \(messages[1])")
      }
      if case .notification(let notification) = messages[2] {
        #expect(
          notification == PostgresNotification(processID: 42, channel: "leads", payload: "42"))
      } else {
        Issue.record("expected a notification, got \(messages[2])")
      }
      if case .readyForQuery(let status) = messages[3] {
        #expect(status == .idle)
      } else {
        Issue.record("expected ready-for-query, got \(messages[3])")
      }
    }
  }

  @Test("errors carry their fields: severity, SQLSTATE, message, detail")
  func errorFields() throws {
    let body = Array(
      "SERROR\u{0}VERROR\u{0}C23505\u{0}Mduplicate key\u{0}Dkey (id)=(1)\u{0}\u{0}".utf8)
    var decoder = MessageDecoder()
    backend("E", body).withUnsafeBytes { decoder.append($0) }
    guard case .error(let error) = try decoder.next() else {
      Issue.record("expected an error")
      return
    }
    #expect(error.severity == "ERROR")
    #expect(error.code == SQLState.uniqueViolation)
    #expect(error.message == "duplicate key")
    #expect(error.detail == "key (id)=(1)")
    #expect(!error.endsSession)
  }

  @Test("the server's text reaches a message as one line with no raw control character")
  func hostileServerText() {
    let message = ServerMessage(fields: [
      UInt8(ascii: "S"): "ERROR", UInt8(ascii: "C"): "XX000",
      UInt8(ascii: "M"): "first\r\n\tsecond \u{1B}[2J\u{07} \u{202E}txt  ",
    ])
    let error = PostgresError(.server(message), endpoint: "db:5432")
    #expect(
      error.description == "PostgreSQL at db:5432: first second \u{FFFD}[2J\u{FFFD} \u{FFFD}txt")
  }

  @Test(
    "a stream that breaks the protocol is refused, not guessed at",
    arguments: [
      // Unknown type.
      [UInt8(ascii: "?"), 0, 0, 0, 4],
      // A length shorter than itself.
      [UInt8(ascii: "Z"), 0, 0, 0, 2],
      // A length past PostgreSQL's limit.
      [UInt8(ascii: "D"), 0x7F, 0xFF, 0xFF, 0xFF],
      // A ready-for-query with an unknown status.
      [UInt8(ascii: "Z"), 0, 0, 0, 5, UInt8(ascii: "X")],
      // A data row whose value runs past the message.
      [UInt8(ascii: "D"), 0, 0, 0, 12, 0, 1, 0, 0, 0, 9, 1, 2],
      // A string without its terminating zero.
      [UInt8(ascii: "C"), 0, 0, 0, 6, 65, 66],
      // Bytes left over after the message's fields.
      [UInt8(ascii: "Z"), 0, 0, 0, 6, UInt8(ascii: "I"), 0],
    ])
  func violations(stream: [UInt8]) {
    var decoder = MessageDecoder()
    stream.withUnsafeBytes { decoder.append($0) }
    #expect(throws: ProtocolViolation.self) { try decoder.next() }
  }
}
