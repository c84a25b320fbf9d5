/// PBKDF2 with HMAC-SHA-256 as its pseudo-random function (RFC 8018 §5.2): SCRAM's
/// `Hi(password, salt, iterations)` is its first block.
package enum PBKDF2 {
  /// `length` bytes derived from `password` and `salt` by `iterations` rounds.
  package static func deriveKey(
    password: [UInt8], salt: [UInt8], iterations: Int, length: Int = SHA256.digestSize
  ) -> [UInt8] {
    precondition(iterations > 0 && length > 0)
    let prf = HMACSHA256(key: password)
    var key: [UInt8] = []
    key.reserveCapacity(length)
    var blockIndex: UInt32 = 1
    while key.count < length {
      let counter = [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: blockIndex >> UInt32($0)) }
      let first = prf.authenticate(salt + counter)
      var block = first
      // Each later round authenticates the previous round's code: done in place in one
      // SHA-256 block, and folded into the result by exclusive or.
      var round = HMACSHA256.digestBlock(first)
      round.withUnsafeMutableBytes { raw in
        let u = raw.baseAddress!
        block.withUnsafeMutableBufferPointer { result in
          for _ in 1..<iterations {
            prf.authenticateInPlace(u)
            for i in 0..<SHA256.digestSize { result[i] ^= raw[i] }
          }
        }
      }
      key += block.prefix(length - key.count)
      blockIndex += 1
    }
    return key
  }
}
