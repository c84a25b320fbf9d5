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
    let columns = tableColumns()
    // The engine's `Table` fits the columns into the area (`TableColumn.fit`): the
    // widest flexible column gives up a cell at a time down to its minimum. It drops
    // columns only when even the minimums do not fit, which a printed table never
    // does: then the area is as wide as the minimums and the line is longer than asked.
    let spacing = Self.spacing * max(0, columns.count - 1)
    let natural = columns.reduce(0) { $0 + $1.width } + spacing
    let minimums = columns.reduce(0) { $0 + $1.minimum } + spacing
    let lineWidth = min(natural, max(width, minimums))
    var table = Table(
      columns: columns, rowCount: rows.count, spacing: Self.spacing,
      row: { index in rows[index].map { Span($0) } })
    var first = 0
    repeat {
      let count = min(Self.block, rows.count - first)
      // Only the first block has the header on top.
      table.showsHeader = first == 0
      table.offset = first
      var buffer = CellBuffer(width: lineWidth, height: count + (first == 0 ? 1 : 0))
      table.draw(in: &buffer, area: buffer.bounds, theme: .standard)
      guard emit(buffer.plainText[...]) else { return }
      first += count
    } while first < rows.count
  }

  /// The engine's columns: each as wide as its widest cell (title included); a
  /// flexible one may shrink to its minimum, the others keep their width.
  func tableColumns() -> [TableColumn] {
    var widths = columns.map { Self.cells($0.title) }
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], Self.cells(cell))
      }
    }
    return zip(columns, widths).map { column, cells in
      TableColumn(
        column.title, width: cells, minimum: column.flexible ? column.minimum : cells,
        alignment: column.alignment)
    }
  }

  /// The cells a cell's text takes once sanitized, as the buffer will draw it.
  private static func cells(_ text: String) -> Int {
    // Printable ASCII (most cells) is one cell a byte and needs no sanitizing.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    return DisplayWidth.of(UntrustedText.sanitized(text))
  }
}
