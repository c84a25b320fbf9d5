import Testing

@testable import HandoffImport

@Suite struct CSVReaderTests {
  private func records(_ text: String, delimiter: UInt8 = 0x2C) -> [CSVRecord] {
    var reader = CSVReader(Array(text.utf8), dialect: CSVDialect(delimiter: delimiter))
    var out: [CSVRecord] = []
    while let r = reader.next() { out.append(r) }
    return out
  }

  @Test("quoted fields keep delimiters, doubled quotes and line breaks; lines are counted")
  func quoting() {
    let r = records("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\ny,z\n")
    #expect(r.map(\.fields) == [["a", "b,c", "say \"hi\""], ["two\nlines", "x"], ["y", "z"]])
    #expect(r.map(\.line) == [1, 2, 4])
  }

  @Test("LF, CRLF and CR alone all end a record", arguments: ["\n", "\r\n", "\r"])
  func lineEnds(end: String) {
    let r = records("a,b" + end + "c,d" + end + "\"e" + end + "f\",g" + end + "h,i")
    #expect(r.map(\.fields) == [["a", "b"], ["c", "d"], ["e" + end + "f", "g"], ["h", "i"]])
    #expect(r.map(\.line) == [1, 2, 3, 5])
  }

  @Test("blank lines and spreadsheets' empty rows read as blank records")
  func blanks() {
    let r = records("a,b\n\n,,\n \t\nc,d\n\n\n")
    #expect(r.map(\.isBlank) == [false, true, true, true, false, true, true])
  }

  @Test("an empty last field, with or without a line end")
  func trailingDelimiter() {
    #expect(records("a,").map(\.fields) == [["a", ""]])
    #expect(records("a,\nb").map(\.fields) == [["a", ""], ["b"]])
  }

  @Test("a quote inside an unquoted value and text after a closing quote are kept")
  func lenientQuotes() {
    #expect(records("5\" disk,\"Smith\" Jr\n").map(\.fields) == [["5\" disk", "Smith Jr"]])
  }

  @Test("a quote that never closes is reported on its record")
  func unterminated() {
    let r = records("a,b\n\"open,c\nd,e\n")
    #expect(r.count == 2)
    #expect(r[1].unterminatedQuote)
    #expect(r[1].line == 2)
    #expect(r[1].fields == ["open,c\nd,e\n"])
  }

  @Test("the delimiter is sniffed from the header and the rows under it")
  func sniffing() {
    #expect(CSVDialect.sniff(Array("a,b,c\n1,2,3\n".utf8)).delimiter == 0x2C)
    #expect(CSVDialect.sniff(Array("a;b;c\n1,5;2;3\n".utf8)).delimiter == 0x3B)
    #expect(CSVDialect.sniff(Array("a\tb\n1\t2\n".utf8)).delimiter == 0x09)
    // Commas inside quoted headers do not count.
    #expect(CSVDialect.sniff(Array("\"a,x\";b\n1;2\n".utf8)).delimiter == 0x3B)
    // One column: comma.
    #expect(CSVDialect.sniff(Array("email\nx@y.z\n".utf8)).delimiter == 0x2C)
  }

  @Test("Excel's sep= line names the delimiter and is skipped")
  func separatorHint() {
    let text = Array("sep=;\r\nname;value\r\nAda;1,5\r\n".utf8)
    let dialect = CSVDialect.sniff(text)
    #expect(dialect.delimiter == 0x3B)
    var reader = CSVReader(text, dialect: dialect)
    let header = reader.next()
    #expect(header?.fields == ["name", "value"])
    #expect(header?.line == 2)
    #expect(reader.next()?.fields == ["Ada", "1,5"])
  }
}
