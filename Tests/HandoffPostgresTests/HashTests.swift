import HandoffPostgres
import Testing

/// The hashes under SCRAM and md5, against their standards' published vectors.
@Suite struct HashTests {
  @Test(
    "SHA-256 gives FIPS 180-4's and RFC 6234's digests",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
      ),
    ])
  func sha256(message: String, digest: String) {
    #expect(hexadecimal(SHA256.hash(Array(message.utf8))) == digest)
  }

  @Test("SHA-256 of a million 'a's, fed in uneven pieces, gives the standard's digest")
  func sha256Long() {
    var hasher = SHA256()
    let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 997)
    var fed = 0
    while fed < 1_000_000 {
      let count = min(piece.count, 1_000_000 - fed)
      hasher.update(Array(piece.prefix(count)))
      fed += count
    }
    #expect(
      hexadecimal(hasher.finalize())
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("SHA-256 fed in two pieces, split anywhere, equals the one-piece digest")
  func sha256Splits() {
    // Lengths around the padding's edges: 55, 56 and 64 bytes need one or two final blocks.
    for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 200] {
      let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
      let whole = SHA256.hash(message)
      for split in 0...length {
        var hasher = SHA256()
        hasher.update(Array(message[..<split]))
        hasher.update(Array(message[split...]))
        #expect(hasher.finalize() == whole, "length \(length) split at \(split)")
      }
    }
  }

  @Test(
    "HMAC-SHA-256 gives RFC 4231's codes (test cases 1 to 7)",
    arguments: [
      (
        [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
      ),
      (
        Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
      ),
      (
        [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
      ),
      (
        Array(1...25), [UInt8](repeating: 0xcd, count: 50),
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
      ),
      // Case 5 publishes only the first 128 bits.
      (
        [UInt8](repeating: 0x0c, count: 20), Array("Test With Truncation".utf8),
        "a3b6167473100ee06e0c796c2955552b"
      ),
      (
        [UInt8](repeating: 0xaa, count: 131),
        Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
      ),
      (
        [UInt8](repeating: 0xaa, count: 131),
        Array(
          ("This is a test using a larger than block-size key and a larger than block-size "
            + "data. The key needs to be hashed before being used by the HMAC algorithm.").utf8),
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
      ),
    ])
  func hmac(key: [UInt8], message: [UInt8], code: String) {
    let full = hexadecimal(HMACSHA256.authenticate(message, key: key))
    #expect(full.hasPrefix(code) && full.count == 64)
  }

  @Test(
    "PBKDF2-HMAC-SHA-256 gives RFC 7914 §11's first key and the RFC 6070-style keys",
    arguments: [
      (
        "passwd", "salt", 1, 64,
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
          + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
      ),
      (
        "password", "salt", 1, 32,
        "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
      ),
      (
        "password", "salt", 2, 32,
        "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"
      ),
      (
        "password", "salt", 4096, 32,
        "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"
      ),
      (
        "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 40,
        "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9"
      ),
      ("pass\0word", "sa\0lt", 4096, 16, "89b69d0516f829893c696226650a8687"),
    ])
  func pbkdf2(password: String, salt: String, iterations: Int, length: Int, key: String) {
    let derived = PBKDF2.deriveKey(
      password: Array(password.utf8), salt: Array(salt.utf8), iterations: iterations,
      length: length)
    #expect(hexadecimal(derived) == key)
  }

  @Test("PBKDF2-HMAC-SHA-256 gives RFC 7914 §11's second key (80,000 rounds)")
  func pbkdf2Long() {
    let derived = PBKDF2.deriveKey(
      password: Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80_000, length: 64)
    #expect(
      hexadecimal(derived)
        == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
        + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")
  }

  @Test(
    "MD5 gives RFC 1321's test suite",
    arguments: [
      ("", "d41d8cd98f00b204e9800998ecf8427e"),
      ("a", "0cc175b9c0f1b6a831c399e269772661"),
      ("abc", "900150983cd24fb0d6963f7d28e17f72"),
      ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
      ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
      (
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        "d174ab98d277d9f5a5611c2c9f419d9f"
      ),
      (
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
        "57edf4a22be3c955ac49da2e2107b67a"
      ),
    ])
  func md5(message: String, digest: String) {
    #expect(MD5.hexHash(Array(message.utf8)) == digest)
  }
}
