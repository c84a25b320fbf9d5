import HandoffModel

/// One data row of an import file as read: the text of the columns the import uses,
/// nothing parsed yet, and what was wrong with its shape.
package struct RawRow: Sendable {
  /// The line the row starts on.
  package var line: Int
  /// The text of each used column, in `RowLayout.fields` order (surrounding spaces kept).
  package var cells: [String]
  /// More fields with text in them than the header has columns.
  package var extraFields = 0
  /// Fewer fields than the header has columns.
  package var missingFields = 0
  /// A quoted value opened on this row never closes.
  package var unterminatedQuote = false
  /// What is wrong with the row as a whole (a JSON line that is no object).
  package var problem: String?
}

/// The columns of a file the import uses, in the order `RawRow.cells` keeps them.
package struct RowLayout: Sendable {
  /// The field of each kept cell.
  package let fields: [ImportField]
  /// The file's column of each kept cell.
  package let columns: [Int]
  /// The header of each kept cell, as written.
  package let headers: [String]
  /// How many columns the header has.
  package let width: Int
  private let slots: [ImportField: Int]

  /// The layout of a column map.
  package init(_ map: ColumnMap) {
    var fields: [ImportField] = []
    var columns: [Int] = []
    var headers: [String] = []
    for (column, field) in map.fields.enumerated() {
      guard let field else { continue }
      fields.append(field)
      columns.append(column)
      headers.append(map.headers[column])
    }
    self.fields = fields
    self.columns = columns
    self.headers = headers
    self.width = map.fields.count
    var slots: [ImportField: Int] = [:]
    for (i, f) in fields.enumerated() { slots[f] = i }
    self.slots = slots
  }

  /// The position of a field's cell, if the file has it.
  package func slot(of field: ImportField) -> Int? { slots[field] }

  /// The row of a record: its used cells and its shape.
  package func row(_ record: CSVRecord) -> RawRow {
    var cells: [String] = []
    cells.reserveCapacity(columns.count)
    for column in columns {
      cells.append(column < record.fields.count ? record.fields[column] : "")
    }
    var row = RawRow(line: record.line, cells: cells, unterminatedQuote: record.unterminatedQuote)
    if record.fields.count > width {
      row.extraFields = record.fields[width...].filter { !$0.trimmingWhitespace.isEmpty }.count
    } else if record.fields.count < width {
      row.missingFields = width - record.fields.count
    }
    return row
  }
}
