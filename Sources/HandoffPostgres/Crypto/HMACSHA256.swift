/// HMAC with SHA-256 (RFC 2104, RFC 4231). The key's padded blocks are absorbed once,
/// so authenticating many messages with one key (PBKDF2's thousands of rounds) costs two
/// compressions a message rather than four.
package struct HMACSHA256: Sendable {
  private let inner: SHA256
  private let outer: SHA256

  package init(key: [UInt8]) {
    var key = key
    if key.count > SHA256.blockSize { key = SHA256.hash(key) }
    key += [UInt8](repeating: 0, count: SHA256.blockSize - key.count)
    var inner = SHA256()
    inner.update(key.map { $0 ^ 0x36 })
    var outer = SHA256()
    outer.update(key.map { $0 ^ 0x5c })
    self.inner = inner
    self.outer = outer
  }

  /// The 32-byte authentication code of `message`.
  package func authenticate(_ message: [UInt8]) -> [UInt8] {
    var inner = inner
    inner.update(message)
    var outer = outer
    outer.update(inner.finalize())
    return outer.finalize()
  }

  /// The code of `message` under `key`, in one call.
  package static func authenticate(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
    HMACSHA256(key: key).authenticate(message)
  }

  /// Replaces the 32-byte message at the start of `block` by its code, without
  /// allocating: PBKDF2's rounds. `block` is one whole SHA-256 block whose last 32 bytes
  /// already hold the padding of a 96-byte message (see `digestBlock`); inner and outer
  /// hashes both end with such a block, so the padding never changes.
  func authenticateInPlace(_ block: UnsafeMutableRawPointer) {
    var state = inner.state
    SHA256.compress(&state, block)
    state.write(to: block)
    state = outer.state
    SHA256.compress(&state, block)
    state.write(to: block)
  }

  /// A block for `authenticateInPlace`: `message` (32 bytes) then the padding of a
  /// 96-byte message (one key block before it).
  static func digestBlock(_ message: [UInt8]) -> [UInt8] {
    precondition(message.count == SHA256.digestSize)
    let bits = UInt64(SHA256.blockSize + SHA256.digestSize) * 8
    var block = message + [0x80] + [UInt8](repeating: 0, count: 23)
    for shift in stride(from: 56, through: 0, by: -8) {
      block.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
    }
    return block
  }
}
