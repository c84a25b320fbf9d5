/// Cuts the server's byte stream into messages: bytes go in as they arrive, whole
/// messages come out.
package struct MessageDecoder: Sendable {
  /// The largest message accepted: PostgreSQL's own limit on a value is 1 GB.
  static let maximumLength = 1 << 30

  private var buffer: [UInt8] = []
  /// Where the next message starts in `buffer`.
  private var start = 0

  package init() {}

  /// Whether bytes of an unfinished message are waiting.
  package var hasPartialMessage: Bool { start < buffer.count }

  /// Takes bytes read from the socket.
  package mutating func append(_ bytes: UnsafeRawBufferPointer) {
    // Drop what was consumed once it outweighs what is left, so the buffer stays small
    // without moving bytes at every message.
    if start > 0, start >= buffer.count - start {
      buffer.removeFirst(start)
      start = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// The next whole message, or nil until more bytes come.
  package mutating func next() throws(ProtocolViolation) -> BackendMessage? {
    let available = buffer.count - start
    guard available >= 5 else { return nil }
    var length = 0
    for offset in 1...4 { length = length << 8 | Int(buffer[start + offset]) }
    guard length >= 4, length <= Self.maximumLength else {
      throw ProtocolViolation("a message claims \(length) bytes")
    }
    guard available >= 1 + length else { return nil }
    let type = buffer[start]
    let body = buffer[(start + 5)..<(start + 1 + length)]
    start += 1 + length
    return try BackendMessage.decode(type: type, body: body)
  }
}
