/// How a delimited file separates its fields, and where its records start.
package struct CSVDialect: Sendable, Hashable {
  /// The byte between fields: comma, semicolon or tab.
  package var delimiter: UInt8
  /// Where the header row starts (after an Excel `sep=;` line, when there is one).
  package var start: Int

  /// The delimiters a file is sniffed for, in the order ties go.
  static let candidates: [UInt8] = [0x2C, 0x3B, 0x09]

  /// The delimiter's name in the report.
  package var delimiterName: String {
    switch delimiter {
    case 0x2C: return "comma"
    case 0x3B: return "semicolon"
    case 0x09: return "tab"
    default: return "'\(Character(Unicode.Scalar(delimiter)))'"
    }
  }

  /// Creates a dialect.
  package init(delimiter: UInt8, start: Int = 0) {
    self.delimiter = delimiter
    self.start = start
  }

  /// Sniffs the dialect of UTF-8 text: an Excel `sep=X` first line decides; otherwise
  /// the candidate that splits the header into the most fields and gives the next rows
  /// the same number of fields.
  package static func sniff(_ text: [UInt8]) -> CSVDialect {
    if let hint = separatorHint(text) { return hint }
    var best = CSVDialect(delimiter: candidates[0])
    var bestScore = (agreeing: -1, fields: 0)
    for candidate in candidates {
      var reader = CSVReader(text, dialect: CSVDialect(delimiter: candidate))
      guard let header = reader.nextNonBlank() else { return best }
      let width = header.fields.count
      guard width > 1 else { continue }
      var agreeing = 0
      for _ in 0..<20 {
        guard let row = reader.nextNonBlank() else { break }
        if row.fields.count == width { agreeing += 1 }
      }
      let score = (agreeing: agreeing, fields: width)
      if score.agreeing > bestScore.agreeing
        || (score.agreeing == bestScore.agreeing && score.fields > bestScore.fields)
      {
        best = CSVDialect(delimiter: candidate)
        bestScore = score
      }
    }
    return best
  }

  /// The dialect an Excel `sep=;` first line names, with the header after it.
  private static func separatorHint(_ text: [UInt8]) -> CSVDialect? {
    let prefix = Array("sep=".utf8)
    guard text.count >= 5,
      zip(text.prefix(4), prefix).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
    else { return nil }
    let separator = text[4]
    guard separator != 0x0A, separator != 0x0D else { return nil }
    var end = 5
    guard end == text.count || text[end] == 0x0A || text[end] == 0x0D else { return nil }
    if end < text.count, text[end] == 0x0D { end += 1 }
    if end < text.count, text[end] == 0x0A { end += 1 }
    return CSVDialect(delimiter: separator, start: end)
  }
}
