/// One record of a delimited file: its fields and where it starts.
package struct CSVRecord: Sendable, Hashable {
  /// The 1-based line of the file the record starts on (a quoted value may carry it over
  /// several lines).
  package var line: Int
  /// The fields, unquoted.
  package var fields: [String]
  /// Set when a quoted value opened in this record is never closed: the last field
  /// then holds the rest of the file.
  package var unterminatedQuote = false

  /// Whether every field is empty or whitespace (a blank line, or `,,,` that
  /// spreadsheets leave after the last row).
  package var isBlank: Bool {
    fields.allSatisfy { field in field.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
  }
}
