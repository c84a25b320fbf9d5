import Testing

@testable import HandoffImport

@Suite struct ImportTextTests {
  @Test("UTF-8 without a mark is taken as it is")
  func plainUTF8() throws {
    let text = try ImportText(decoding: Array("név,€\n".utf8))
    #expect(text.encoding == .utf8)
    #expect(String(decoding: text.utf8, as: UTF8.self) == "név,€\n")
  }

  @Test("a UTF-8 mark is recognised and removed")
  func utf8BOM() throws {
    let text = try ImportText(decoding: [0xEF, 0xBB, 0xBF] + Array("a,b".utf8))
    #expect(text.encoding == .utf8WithBOM)
    #expect(text.utf8 == Array("a,b".utf8))
  }

  @Test("UTF-16 with a mark, either byte order, including characters beyond the BMP")
  func utf16() throws {
    let sample = "Wen 有限公司 😀\r\n"
    let units = Array(sample.utf16)
    let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let a = try ImportText(decoding: le)
    let b = try ImportText(decoding: be)
    #expect(a.encoding == .utf16LittleEndian)
    #expect(b.encoding == .utf16BigEndian)
    #expect(String(decoding: a.utf8, as: UTF8.self) == sample)
    #expect(String(decoding: b.utf8, as: UTF8.self) == sample)
  }

  @Test("UTF-16 without a mark is recognised by its zero bytes")
  func utf16Unmarked() throws {
    let units = Array("name\tcompany\r\nAda\tAcme\r\n".utf16)
    let le: [UInt8] = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let text = try ImportText(decoding: le)
    #expect(text.encoding == .utf16LittleEndian)
    #expect(String(decoding: text.utf8, as: UTF8.self) == "name\tcompany\r\nAda\tAcme\r\n")
  }

  @Test("broken UTF-16 is refused with the byte where it breaks")
  func brokenUTF16() {
    #expect(throws: ImportError.undecodable("it is UTF-16 but has an odd number of bytes")) {
      try ImportText(decoding: [0xFF, 0xFE, 0x41])
    }
    // A low surrogate alone.
    #expect(throws: ImportError.undecodable("it is UTF-16 but byte 4 starts a broken character")) {
      try ImportText(decoding: [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xDC])
    }
  }

  @Test("bytes that are not UTF-8 are read as Windows-1252")
  func windows1252() throws {
    // "Müller – 12€" in Windows-1252, and a curly quote.
    let bytes: [UInt8] = [
      0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x20, 0x96, 0x20, 0x31, 0x32, 0x80, 0x93,
    ]
    let text = try ImportText(decoding: bytes)
    #expect(text.encoding == .windows1252)
    #expect(String(decoding: text.utf8, as: UTF8.self) == "Müller – 12€\u{201C}")
  }

  @Test("a UTF-8 mark on Windows-1252 bytes reads the bytes as Windows-1252")
  func markedWindows1252() throws {
    let text = try ImportText(decoding: [0xEF, 0xBB, 0xBF, 0x4A, 0x6F, 0x73, 0xE9])
    #expect(text.encoding == .windows1252WithBOM)
    #expect(String(decoding: text.utf8, as: UTF8.self) == "José")
  }

  @Test(
    "the UTF-8 validator rejects overlong forms, surrogates and truncated sequences",
    arguments: [
      [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
      [0xFF],
    ] as [[UInt8]])
  func invalidUTF8(bytes: [UInt8]) {
    #expect(ImportText.firstInvalidUTF8([0x41] + bytes) == 1)
  }

  @Test("the UTF-8 validator accepts every scalar range")
  func validUTF8() {
    let sample = "a é € 𝄞 \u{10FFFF} \u{D7FF} \u{E000}"
    #expect(ImportText.firstInvalidUTF8(Array(sample.utf8)) == nil)
  }
}
