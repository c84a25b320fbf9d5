/// Which column of a file gives which field, decided from its header row, its source
/// and the user's `--map COLUMN=FIELD` options.
package struct ColumnMap: Sendable, Equatable {
  /// The source whose column names and value tables apply.
  package let source: ImportSource
  /// The field of each column, by position; nil for a column not used.
  package let fields: [ImportField?]
  /// The headers as written (a BOM removed), by position.
  package let headers: [String]
  /// Columns `--map COLUMN=ignore` names.
  package let ignored: Set<Int>

  /// The position of the column giving `field`, if any.
  package func column(of field: ImportField) -> Int? {
    fields.firstIndex(of: field)
  }

  /// Whether some column gives `field`.
  package func has(_ field: ImportField) -> Bool { fields.contains(field) }

  /// Headers of columns the import does not use (blank ones, and those the user said
  /// to ignore, left out).
  package var unused: [String] {
    headers.indices.compactMap { i in
      fields[i] == nil && !headers[i].isEmpty && !ignored.contains(i) ? headers[i] : nil
    }
  }

  /// Maps `headers` for `source` (recognised from the headers when nil), then applies
  /// `overrides` (`--map`: a column's header to a field, or nil to ignore the column).
  /// A field given by two columns comes from the first. Fails when a `--map` names a
  /// column the file lacks, or when no column gives a name or an e-mail.
  package init(
    headers raw: [String], source: ImportSource?, overrides: [(column: String, field: ImportField?)]
  ) throws(ImportError) {
    let headers = raw.map { header in
      String(String.UnicodeScalarView(header.unicodeScalars.filter { $0 != "\u{FEFF}" }))
        .trimmingWhitespace
    }
    let keys = headers.map { HeaderKey($0) }
    let source = source ?? ImportSource.recognise(keys)
    let known = source.columns
    var fields: [ImportField?] = keys.map { known[$0] }
    var ignored: Set<Int> = []
    for (column, field) in overrides {
      let key = HeaderKey(column)
      guard let index = keys.firstIndex(of: key) else {
        throw .unknownColumn(column, headers: headers)
      }
      if let field {
        // The mapped column takes the field from any column recognised for it.
        for i in fields.indices where fields[i] == field { fields[i] = nil }
      }
      fields[index] = field
      if field == nil { ignored.insert(index) }
    }
    var seen: Set<ImportField> = []
    for i in fields.indices {
      guard let field = fields[i] else { continue }
      if seen.contains(field) { fields[i] = nil } else { seen.insert(field) }
    }
    guard seen.contains(where: { $0.namesLead || $0 == .email }) else {
      throw .noNameOrEmail(headers: headers)
    }
    self.source = source
    self.fields = fields
    self.headers = headers
    self.ignored = ignored
  }
}
