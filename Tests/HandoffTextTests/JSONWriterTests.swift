import Foundation
import Testing

@testable import HandoffText

/// The one JSON writer: structure, numbers, and strings that never carry a control raw.
struct JSONWriterTests {
  private func string(_ text: String) -> String {
    var w = JSONWriter()
    w.string(text)
    return w.text
  }

  @Test("objects and arrays get their commas, nested or not")
  func structure() {
    var w = JSONWriter()
    w.open()
    w.field("a", 1)
    w.beginArray("list")
    w.integer(1)
    w.open()
    w.field("b", true)
    w.nullable("c", nil as String?)
    w.close()
    w.open()
    w.close()
    w.endArray()
    w.key("from data")
    w.string("x")
    w.close()
    #expect(w.text == #"{"a":1,"list":[1,{"b":true,"c":null},{}],"from data":"x"}"#)
  }

  @Test("a one-per-line array puts each item on its own line, and is [] when empty")
  func onePerLine() {
    var w = JSONWriter()
    w.beginArray(onePerLine: true)
    for n in 1...2 {
      w.open()
      w.field("n", n)
      w.beginArray("inner")
      w.integer(Int64(n))
      w.integer(0)
      w.endArray()
      w.close()
    }
    w.endArray()
    #expect(w.text == "[\n{\"n\":1,\"inner\":[1,0]},\n{\"n\":2,\"inner\":[2,0]}\n]")
    var empty = JSONWriter()
    empty.beginArray(onePerLine: true)
    empty.endArray()
    #expect(empty.text == "[]")
  }

  @Test("numbers: whole ones exactly, fractions to four decimals, null for none or infinity")
  func numbers() {
    var w = JSONWriter()
    w.beginArray()
    w.integer(.min)
    w.integer(0)
    w.integer(-42)
    w.fraction(0.123456)
    w.fraction(2)
    w.fraction(nil)
    w.fraction(.infinity)
    w.endArray()
    #expect(w.text == "[-9223372036854775808,0,-42,0.1235,2.0,null,null]")
  }

  @Test("strings escape quotes, backslashes and every listed control, and nothing else")
  func escapes() {
    #expect(string("a\"b\\c") == #""a\"b\\c""#)
    #expect(string("l1\nl2\r\t") == #""l1\nl2\r\t""#)
    #expect(string("a\u{1B}b\u{9B}c\u{202E}d\u{7F}") == #""a\u001bb\u009bc\u202ed\u007f""#)
    #expect(string("\u{2028}\u{2069}") == #""\u2028\u2069""#)
    #expect(string("£ … ’ é 東京 👩‍👩‍👧") == "\"£ … ’ é 東京 👩‍👩‍👧\"")
  }

  @Test("every scalar of the first plane round-trips, and no listed one is written raw")
  func everyScalar() throws {
    for block in stride(from: UInt32(0), through: 0xFFFF, by: 0x1000) {
      var text = ""
      for value in block..<block + 0x1000 {
        if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
      }
      let json = string(text)
      #expect(ControlCharacters.isFree(json))
      let back = try JSONSerialization.jsonObject(
        with: Data(json.utf8), options: [.fragmentsAllowed])
      #expect((back as? String)?.unicodeScalars.elementsEqual(text.unicodeScalars) == true)
    }
  }
}
