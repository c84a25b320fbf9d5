/// SHA-256 (FIPS 180-4), the hash under SCRAM-SHA-256: fed in pieces with `update`, read
/// once with `finalize`. A value, so a state that has absorbed a prefix can be copied
/// and continued twice (HMAC keeps its padded keys that way).
///
/// Written with raw pointers and no arrays in the compression function so that it stays
/// fast in debug builds too: SCRAM runs 4,096 rounds of it at every sign-in, and the
/// tests sign in often.
package struct SHA256: Sendable {
  /// Bytes in a digest.
  package static let digestSize = 32
  /// Bytes in one block of the compression function.
  package static let blockSize = 64

  /// The eight working words between blocks.
  struct State: Sendable {
    var h0: UInt32 = 0x6a09_e667
    var h1: UInt32 = 0xbb67_ae85
    var h2: UInt32 = 0x3c6e_f372
    var h3: UInt32 = 0xa54f_f53a
    var h4: UInt32 = 0x510e_527f
    var h5: UInt32 = 0x9b05_688c
    var h6: UInt32 = 0x1f83_d9ab
    var h7: UInt32 = 0x5be0_cd19

    /// Writes the words big-endian: the digest, once the last block is in.
    func write(to bytes: UnsafeMutableRawPointer) {
      bytes.storeBytes(of: h0.bigEndian, toByteOffset: 0, as: UInt32.self)
      bytes.storeBytes(of: h1.bigEndian, toByteOffset: 4, as: UInt32.self)
      bytes.storeBytes(of: h2.bigEndian, toByteOffset: 8, as: UInt32.self)
      bytes.storeBytes(of: h3.bigEndian, toByteOffset: 12, as: UInt32.self)
      bytes.storeBytes(of: h4.bigEndian, toByteOffset: 16, as: UInt32.self)
      bytes.storeBytes(of: h5.bigEndian, toByteOffset: 20, as: UInt32.self)
      bytes.storeBytes(of: h6.bigEndian, toByteOffset: 24, as: UInt32.self)
      bytes.storeBytes(of: h7.bigEndian, toByteOffset: 28, as: UInt32.self)
    }
  }

  private(set) var state = State()
  /// Bytes waiting for a whole block (fewer than 64).
  private var pending: [UInt8] = []
  /// Bytes absorbed so far.
  private var length: UInt64 = 0

  package init() {}

  /// The digest of `bytes`.
  package static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Absorbs more of the message.
  package mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Absorbs more of the message from raw memory.
  package mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    length &+= UInt64(bytes.count)
    var start = 0
    if !pending.isEmpty {
      let take = min(Self.blockSize - pending.count, bytes.count)
      pending.append(contentsOf: bytes[0..<take])
      start = take
      guard pending.count == Self.blockSize else { return }
      pending.withUnsafeBytes { Self.compress(&state, $0.baseAddress!) }
      pending.removeAll(keepingCapacity: true)
    }
    while bytes.count - start >= Self.blockSize {
      Self.compress(&state, base + start)
      start += Self.blockSize
    }
    pending.append(contentsOf: bytes[start...])
  }

  /// Pads the message and returns its 32-byte digest.
  package mutating func finalize() -> [UInt8] {
    let bits = length &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % Self.blockSize != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
    }
    tail.withUnsafeBytes { raw in
      for start in stride(from: 0, to: raw.count, by: Self.blockSize) {
        Self.compress(&state, raw.baseAddress! + start)
      }
    }
    pending.removeAll()
    length = 0
    var digest = [UInt8](repeating: 0, count: Self.digestSize)
    digest.withUnsafeMutableBytes { state.write(to: $0.baseAddress!) }
    return digest
  }

  /// The compression function over the 64-byte block at `block`.
  static func compress(_ state: inout State, _ block: UnsafeRawPointer) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { buffer in
      let w = buffer.baseAddress!
      let k = roundConstants
      // `while`, `&+` and `&>>` rather than ranges and smart shifts: debug builds call out
      // for every range step and every smart shift.
      var t = 0
      while t < 16 {
        w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 &* t, as: UInt32.self))
        t &+= 1
      }
      while t < 64 {
        let x = w[t &- 15]
        let y = w[t &- 2]
        let s0 = (x &>> 7 | x &<< 25) ^ (x &>> 18 | x &<< 14) ^ (x &>> 3)
        let s1 = (y &>> 17 | y &<< 15) ^ (y &>> 19 | y &<< 13) ^ (y &>> 10)
        w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
        t &+= 1
      }
      var a = state.h0
      var b = state.h1
      var c = state.h2
      var d = state.h3
      var e = state.h4
      var f = state.h5
      var g = state.h6
      var h = state.h7
      t = 0
      while t < 64 {
        let sum1 = (e &>> 6 | e &<< 26) ^ (e &>> 11 | e &<< 21) ^ (e &>> 25 | e &<< 7)
        let choose = (e & f) ^ (~e & g)
        let t1 = h &+ sum1 &+ choose &+ k[t] &+ w[t]
        let sum0 = (a &>> 2 | a &<< 30) ^ (a &>> 13 | a &<< 19) ^ (a &>> 22 | a &<< 10)
        let majority = (a & b) ^ (a & c) ^ (b & c)
        h = g
        g = f
        f = e
        e = d &+ t1
        d = c
        c = b
        b = a
        a = t1 &+ sum0 &+ majority
        t &+= 1
      }
      state.h0 &+= a
      state.h1 &+= b
      state.h2 &+= c
      state.h3 &+= d
      state.h4 &+= e
      state.h5 &+= f
      state.h6 &+= g
      state.h7 &+= h
    }
  }
}

/// The first 32 bits of the fractional parts of the cube roots of the first 64 primes,
/// kept behind a pointer so the rounds read them without array bounds checks.
nonisolated(unsafe) private let roundConstants: UnsafePointer<UInt32> = {
  let words: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]
  let pointer = UnsafeMutablePointer<UInt32>.allocate(capacity: words.count)
  pointer.initialize(from: words, count: words.count)
  return UnsafePointer(pointer)
}()
