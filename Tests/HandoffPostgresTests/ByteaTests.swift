import HandoffPostgres
import Testing

@Suite struct ByteaTests {
  @Test("bytea's hex form round-trips every byte value")
  func roundTrip() {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37) } + Array(0...255)
    let text = Bytea.parameter(bytes)
    #expect(text.hasPrefix("\\x"))
    #expect(text.utf8.count == 2 + 2 * bytes.count)
    let decoded = Array(text.utf8).withUnsafeBytes { Bytea.bytes($0) }
    #expect(decoded == bytes)
    #expect(Bytea.parameter([0x00, 0xAB, 0xFF]) == "\\x00abff")
  }

  @Test("text that is not bytea's hex form is refused, not misread")
  func refused() {
    for text in ["", "x", "\\x0", "\\xzz", "ab00", "\\y00", "\\x00G0"] {
      #expect(Array(text.utf8).withUnsafeBytes { Bytea.bytes($0) } == nil, "\(text)")
    }
    #expect(Array("\\x".utf8).withUnsafeBytes { Bytea.bytes($0) } == [])
    #expect(Array("\\xABcd".utf8).withUnsafeBytes { Bytea.bytes($0) } == [0xAB, 0xCD])
  }
}
