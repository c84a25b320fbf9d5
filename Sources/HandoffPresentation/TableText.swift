import HandoffTerminal

/// A table printed as text (`list`, `team list`, `targets`): columns as wide as their
/// widest cell, the flexible ones shrinking with `…` so a row fits the width given,
/// two spaces between columns.
///
/// The rows are drawn by the terminal engine's `Table` into a cell buffer and read
/// back as plain text, so widths, wide characters, truncation and the sanitizing of
/// data text are the same code as on the dashboard.
package struct TableText {
  /// A column: its title, alignment, and whether it gives up width when the table is
  /// too wide (down to `minimum` cells).
  package struct Column: Sendable {
    package var title: String
    package var alignment: Alignment
    package var flexible: Bool
    package var minimum: Int

    package init(
      _ title: String, alignment: Alignment = .left, flexible: Bool = false, minimum: Int = 6
    ) {
      self.title = title
      self.alignment = alignment
      self.flexible = flexible
      self.minimum = minimum
    }
  }

  /// Cells between columns.
  static let spacing = 2
  /// Rows drawn into one buffer: a long list is printed a block at a time, so the
  /// buffer stays small however many rows there are.
  static let block = 256

  package var columns: [Column]
  package private(set) var rows: [[String]] = []

  package init(_ columns: [Column]) { self.columns = columns }

  /// Whether the table has no rows.
  package var isEmpty: Bool { rows.isEmpty }

  /// Adds a row of cells, in column order (sanitized when drawn).
  package mutating func add(_ cells: [String]) { rows.append(cells) }

  /// The table as lines (each ending in a newline), header first, fitting `width`
  /// cells where the flexible columns allow; trailing spaces are not printed.
  package func render(width: Int) -> String {
    var out = ""
    render(width: width) {
      out += $0
      return true
    }
    return out
  }

  /// The table's text as `render(width:)` makes it, handed to `emit` a block of lines
  /// at a time as it is drawn, until `emit` returns false (the reader went away).
  package func render(width: Int, emit: (Substring) -> Bool) {
    let widths = columnWidths(fitting: width)
    let table = Table(
      columns: zip(columns, widths).map { column, cells in
        TableColumn(column.title, width: cells, alignment: column.alignment)
      },
      rowCount: rows.count, spacing: Self.spacing,
      row: { index in rows[index].map { Span($0) } })
    let lineWidth = widths.reduce(0, +) + Self.spacing * max(0, columns.count - 1)
    var first = 0
    repeat {
      // Each block is drawn with the header on top (that is how `Table` draws); only
      // the first block prints it.
      let count = min(Self.block, rows.count - first)
      var buffer = CellBuffer(width: lineWidth, height: 1 + count)
      var window = table
      window.offset = first
      window.draw(in: &buffer, area: buffer.bounds, theme: .standard)
      let text = buffer.plainText
      var lines = text[...]
      if first > 0, let header = text.utf8.firstIndex(of: 0x0A) {
        lines = text[text.utf8.index(after: header)...]
      }
      guard emit(lines) else { return }
      first += count
    } while first < rows.count
  }

  /// How wide each column is: its widest cell (title included), then the widest
  /// flexible column gives up a cell, again and again, until the row fits `width` or
  /// every flexible column is at its minimum (the engine's `TableColumn.fit`; no
  /// column is dropped: a row of minimums wider than `width` is printed whole).
  func columnWidths(fitting width: Int) -> [Int] {
    var widths = columns.map { Self.cells($0.title) }
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], Self.cells(cell))
      }
    }
    let wanted = zip(columns, widths).map { column, cells in
      TableColumn(column.title, width: cells, minimum: column.flexible ? column.minimum : cells)
    }
    let minimums = wanted.reduce(0) { $0 + $1.minimum } + Self.spacing * max(0, columns.count - 1)
    return TableColumn.fit(wanted, width: max(width, minimums), spacing: Self.spacing).map(\.width)
  }

  /// The cells a cell's text takes once sanitized, as the buffer will draw it.
  private static func cells(_ text: String) -> Int {
    // Printable ASCII (most cells) is one cell a byte and needs no sanitizing.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    return DisplayWidth.of(UntrustedText.sanitized(text))
  }
}
