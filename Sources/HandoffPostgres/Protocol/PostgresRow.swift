/// One row of a result, its values in text format (nil is SQL NULL). Keeps the row's
/// message and where each value lies in it, so a row costs two allocations however
/// many columns it has.
package struct PostgresRow: Sendable {
  private let body: [UInt8]
  /// Where each value lies in `body`; nil for NULL.
  private let ranges: [Range<Int>?]

  /// Decodes a data-row message body.
  init(body: ArraySlice<UInt8>) throws(ProtocolViolation) {
    let bytes = Array(body)
    guard bytes.count >= 2 else { throw ProtocolViolation("a data row ends too early") }
    let count = Int(UInt16(bytes[0]) << 8 | UInt16(bytes[1]))
    var ranges: [Range<Int>?] = []
    ranges.reserveCapacity(count)
    var index = 2
    for _ in 0..<count {
      guard bytes.count - index >= 4 else { throw ProtocolViolation("a data row ends too early") }
      var length: UInt32 = 0
      for offset in 0..<4 { length = length << 8 | UInt32(bytes[index + offset]) }
      index += 4
      if length == UInt32.max {
        ranges.append(nil)
        continue
      }
      let size = Int(length)
      guard bytes.count - index >= size else {
        throw ProtocolViolation("a data row ends too early")
      }
      ranges.append(index..<index + size)
      index += size
    }
    guard index == bytes.count else {
      throw ProtocolViolation("a data row is longer than its values")
    }
    self.body = bytes
    self.ranges = ranges
  }

  /// The number of values.
  package var count: Int { ranges.count }

  /// Whether the value at `column` is SQL NULL.
  package func isNull(_ column: Int) -> Bool { ranges[column] == nil }

  /// The value's bytes (nil for NULL).
  package func bytes(_ column: Int) -> ArraySlice<UInt8>? {
    ranges[column].map { body[$0] }
  }

  /// Runs `body` over the value's bytes without copying them (nil for NULL).
  package func withBytes<Result>(
    _ column: Int, _ read: (UnsafeRawBufferPointer?) throws -> Result
  ) rethrows -> Result {
    guard let range = ranges[column] else { return try read(nil) }
    return try body.withUnsafeBytes { try read(UnsafeRawBufferPointer(rebasing: $0[range])) }
  }

  /// The value as text (nil for NULL).
  package func string(_ column: Int) -> String? {
    ranges[column].map { String(decoding: body[$0], as: UTF8.self) }
  }

  /// The value as an integer (nil for NULL or for text that is not one).
  package func int(_ column: Int) -> Int? {
    string(column).flatMap { Int($0) }
  }

  /// The value as a boolean (PostgreSQL writes `t` or `f`).
  package func bool(_ column: Int) -> Bool? {
    switch string(column) {
    case "t": true
    case "f": false
    default: nil
    }
  }

  /// Every value as text.
  package var strings: [String?] { (0..<count).map(string) }
}

/// A column of a result: its name and where it comes from.
package struct PostgresColumn: Sendable, Equatable {
  package var name: String
  /// The table it was read from (0 when it is computed).
  package var tableOID: UInt32
  package var attributeNumber: Int16
  /// Its data type (`int8` is 20, `text` 25, `jsonb` 3802…).
  package var typeOID: UInt32
}
