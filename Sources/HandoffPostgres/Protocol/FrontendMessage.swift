/// A message the client sends (protocol version 3.0), encoded by `encode(into:)`: a type
/// byte (none for the start-up message), a 32-bit big-endian length that counts itself,
/// and the body.
package enum FrontendMessage: Sendable {
  /// Opens a session: the protocol version and `name=value` parameters (user, database…).
  case startup(parameters: [(String, String)])
  /// A password in clear text, or the md5 answer.
  case password(String)
  /// The first SASL message: the mechanism chosen and its first data.
  case saslInitialResponse(mechanism: String, data: [UInt8])
  /// A later SASL message.
  case saslResponse([UInt8])
  /// Simple query: one or more statements, no parameters.
  case query(String)
  /// Extended query: prepares `sql` as statement `name` ("" is the unnamed one);
  /// parameter types are left for the server to infer.
  case parse(name: String, sql: String)
  /// Extended query: binds text parameters (nil is SQL NULL) to a statement, into the
  /// unnamed portal; results come back as text.
  case bind(statement: String, parameters: [String?])
  /// Extended query: asks for the unnamed portal's row description.
  case describePortal
  /// Extended query: runs the unnamed portal to completion.
  case execute
  /// Ends an extended-query exchange; the server answers with ready-for-query.
  case sync
  /// COPY FROM STDIN: a chunk of rows.
  case copyData([UInt8])
  /// COPY FROM STDIN: all rows sent.
  case copyDone
  /// COPY FROM STDIN: abandons the copy with a reason.
  case copyFail(String)
  /// Ends the session politely.
  case terminate

  /// Appends the message's bytes.
  package func encode(into bytes: inout [UInt8]) {
    switch self {
    case .startup(let parameters):
      bytes.frame(type: nil) { body in
        body.appendInt32(3 << 16)
        for (name, value) in parameters {
          body.appendCString(name)
          body.appendCString(value)
        }
        body.append(0)
      }
    case .password(let text):
      bytes.frame(type: "p") { $0.appendCString(text) }
    case .saslInitialResponse(let mechanism, let data):
      bytes.frame(type: "p") { body in
        body.appendCString(mechanism)
        body.appendInt32(Int32(data.count))
        body.append(contentsOf: data)
      }
    case .saslResponse(let data):
      bytes.frame(type: "p") { $0.append(contentsOf: data) }
    case .query(let sql):
      bytes.frame(type: "Q") { $0.appendCString(sql) }
    case .parse(let name, let sql):
      bytes.frame(type: "P") { body in
        body.appendCString(name)
        body.appendCString(sql)
        body.appendInt16(0)
      }
    case .bind(let statement, let parameters):
      bytes.frame(type: "B") { body in
        body.appendCString("")
        body.appendCString(statement)
        body.appendInt16(0)  // every parameter in text format
        body.appendInt16(Int16(parameters.count))
        for parameter in parameters {
          if let parameter {
            body.appendInt32(Int32(parameter.utf8.count))
            body.append(contentsOf: parameter.utf8)
          } else {
            body.appendInt32(-1)
          }
        }
        body.appendInt16(0)  // every result column in text format
      }
    case .describePortal:
      bytes.frame(type: "D") { body in
        body.append(UInt8(ascii: "P"))
        body.appendCString("")
      }
    case .execute:
      bytes.frame(type: "E") { body in
        body.appendCString("")
        body.appendInt32(0)  // no row limit
      }
    case .sync:
      bytes.frame(type: "S") { _ in }
    case .copyData(let data):
      bytes.frame(type: "d") { $0.append(contentsOf: data) }
    case .copyDone:
      bytes.frame(type: "c") { _ in }
    case .copyFail(let reason):
      bytes.frame(type: "f") { $0.appendCString(reason) }
    case .terminate:
      bytes.frame(type: "X") { _ in }
    }
  }
}

extension [UInt8] {
  /// Appends a type byte, a length placeholder and the body, then fills in the length.
  fileprivate mutating func frame(type: Character?, _ body: (inout [UInt8]) -> Void) {
    if let type { append(type.asciiValue!) }
    let start = count
    appendInt32(0)
    body(&self)
    let length = UInt32(count - start)
    for offset in 0..<4 {
      self[start + offset] = UInt8(truncatingIfNeeded: length >> UInt32(24 - 8 * offset))
    }
  }

  fileprivate mutating func appendInt32(_ value: Int32) {
    let bits = UInt32(bitPattern: value)
    append(contentsOf: [
      UInt8(truncatingIfNeeded: bits >> 24), UInt8(truncatingIfNeeded: bits >> 16),
      UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits),
    ])
  }

  fileprivate mutating func appendInt16(_ value: Int16) {
    let bits = UInt16(bitPattern: value)
    append(contentsOf: [UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits)])
  }

  /// A string and its terminating zero byte.
  fileprivate mutating func appendCString(_ text: String) {
    append(contentsOf: text.utf8)
    append(0)
  }
}
