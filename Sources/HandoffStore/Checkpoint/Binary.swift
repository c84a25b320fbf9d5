/// A compact binary encoding for checkpoints: little-endian integers, variable-length
/// unsigned counts, length-prefixed UTF-8 strings. Not a package format: a checkpoint
/// is a cache that is rebuilt whenever it does not match.
package struct BinaryWriter {
  /// The bytes written so far.
  package private(set) var bytes: [UInt8] = []

  /// An empty writer.
  package init() {}

  package mutating func count(_ value: Int) {
    var v = UInt64(max(0, value))
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  package mutating func int64(_ value: Int64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  package mutating func int32(_ value: Int32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  package mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      count(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  package mutating func optionalString(_ value: String?) {
    bool(value != nil)
    if let value { string(value) }
  }

  package mutating func optionalInt64(_ value: Int64?) {
    bool(value != nil)
    if let value { int64(value) }
  }

  /// An array of fixed-size integers, copied as raw memory.
  package mutating func raw<T: FixedWidthInteger>(_ values: [T]) {
    count(values.count)
    values.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }
}

/// Reads what `BinaryWriter` wrote; every read fails (nil) rather than trap on bad input.
package struct BinaryReader {
  private let bytes: UnsafeRawBufferPointer
  /// The read position.
  package private(set) var index = 0

  /// A reader over `bytes`, which must outlive it.
  package init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  package var atEnd: Bool { index == bytes.count }

  package mutating func count() -> Int? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while index < bytes.count, shift < 64 {
      let byte = bytes[index]
      index += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value <= UInt64(Int32.max) ? Int(value) : nil }
      shift += 7
    }
    return nil
  }

  package mutating func int64() -> Int64? { fixed(Int64.self) }

  package mutating func int32() -> Int32? { fixed(Int32.self) }

  package mutating func bool() -> Bool? {
    guard index < bytes.count, bytes[index] <= 1 else { return nil }
    index += 1
    return bytes[index - 1] == 1
  }

  package mutating func string() -> String? {
    guard let n = count(), n <= bytes.count - index else { return nil }
    let text = String(
      decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<(index + n)]), as: UTF8.self)
    index += n
    return text
  }

  /// Reads an optional string: `.some(nil)` when absent, nil when the bytes are bad.
  package mutating func optionalString() -> String?? {
    guard let present = bool() else { return nil }
    return present ? string().map { .some($0) } : .some(nil)
  }

  package mutating func optionalInt64() -> Int64?? {
    guard let present = bool() else { return nil }
    return present ? int64().map { .some($0) } : .some(nil)
  }

  package mutating func raw<T: FixedWidthInteger>(_: T.Type) -> [T]? {
    guard let n = count() else { return nil }
    let size = n * MemoryLayout<T>.size
    guard size <= bytes.count - index else { return nil }
    let values = [T](unsafeUninitializedCapacity: n) { buffer, initialized in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(
        from: UnsafeRawBufferPointer(rebasing: bytes[index..<(index + size)]))
      initialized = n
    }
    index += size
    #if _endian(little)
      return values
    #else
      return values.map { T(littleEndian: $0) }
    #endif
  }

  private mutating func fixed<T: FixedWidthInteger>(_: T.Type) -> T? {
    let size = MemoryLayout<T>.size
    guard size <= bytes.count - index else { return nil }
    var value = T.zero
    withUnsafeMutableBytes(of: &value) {
      $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[index..<(index + size)]))
    }
    index += size
    return T(littleEndian: value)
  }
}
