/// Reads records from delimited UTF-8 text one at a time (RFC 4180 and what
/// spreadsheets really write): quoted fields with doubled quotes and line breaks inside,
/// lines ending in LF, CRLF or CR, any number of blank lines.
///
/// Lenient where spreadsheets are: a quote inside an unquoted field is an ordinary
/// character, and text after a closing quote joins the field. A quoted value that never
/// closes is reported on its record (`unterminatedQuote`).
package struct CSVReader: Sendable {
  private let text: [UInt8]
  private let delimiter: UInt8
  private var position: Int
  private var line = 1

  /// A reader of `text` in `dialect`, from the dialect's start.
  package init(_ text: [UInt8], dialect: CSVDialect) {
    self.text = text
    self.delimiter = dialect.delimiter
    self.position = dialect.start
    if dialect.start > 0 {
      line += text[..<dialect.start].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
  }

  /// The next record that is not blank, or nil at the end.
  package mutating func nextNonBlank() -> CSVRecord? {
    while let record = next() {
      if !record.isBlank { return record }
    }
    return nil
  }

  /// The next record (possibly blank), or nil at the end of the text.
  package mutating func next() -> CSVRecord? {
    guard position < text.count else { return nil }
    let delimiter = self.delimiter
    var start = position
    var line = self.line
    let startLine = line
    let result = text.withUnsafeBufferPointer { b -> CSVRecord in
      var fields: [String] = []
      var i = start
      let n = b.count
      var unterminated = false
      var ended = false
      while !ended {
        if i < n, b[i] == 0x22 {
          // A quoted field: until a quote not followed by another quote. The bytes are
          // copied only when a doubled quote or text after the closing quote needs it.
          var copied: [UInt8]?
          i += 1
          let valueStart = i
          var valueEnd = n
          var closed = false
          while i < n {
            let c = b[i]
            if c == 0x22 {
              if i + 1 < n, b[i + 1] == 0x22 {
                if copied == nil { copied = Array(b[valueStart..<i]) }
                copied?.append(0x22)
                i += 2
                continue
              }
              valueEnd = i
              i += 1
              closed = true
              break
            }
            if c == 0x0A || (c == 0x0D && !(i + 1 < n && b[i + 1] == 0x0A)) { line += 1 }
            copied?.append(c)
            i += 1
          }
          if !closed { unterminated = true }
          // Text after the closing quote (`"Smith" Jr`) joins the field.
          if closed, i < n, b[i] != delimiter, b[i] != 0x0A, b[i] != 0x0D {
            if copied == nil { copied = Array(b[valueStart..<valueEnd]) }
            while i < n, b[i] != delimiter, b[i] != 0x0A, b[i] != 0x0D {
              copied?.append(b[i])
              i += 1
            }
          }
          if let copied {
            fields.append(String(decoding: copied, as: UTF8.self))
          } else {
            fields.append(
              String(
                decoding: UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd]), as: UTF8.self))
          }
        } else {
          let fieldStart = i
          while i < n, b[i] != delimiter, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
          fields.append(
            String(decoding: UnsafeBufferPointer(rebasing: b[fieldStart..<i]), as: UTF8.self))
        }
        if i >= n {
          ended = true
        } else if b[i] == delimiter {
          i += 1
          if i >= n { fields.append("") }
          ended = i >= n
        } else {
          // A line break ends the record: CRLF, LF or CR alone.
          if b[i] == 0x0D, i + 1 < n, b[i + 1] == 0x0A { i += 1 }
          i += 1
          line += 1
          ended = true
        }
      }
      start = i
      return CSVRecord(line: startLine, fields: fields, unterminatedQuote: unterminated)
    }
    position = start
    self.line = line
    return result
  }
}
