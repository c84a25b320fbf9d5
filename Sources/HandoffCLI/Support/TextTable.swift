/// A table of aligned columns for terminal output: every cell is data text made safe
/// with `UntrustedText.sanitized`, columns are as wide as their widest cell, and the
/// flexible columns shrink (with `…`) so a row fits the width given.
struct TextTable {
  struct Column {
    var title: String
    var rightAligned = false
    /// Whether this column gives up width when the table is too wide.
    var flexible = false
    var minimum = 6
  }

  var columns: [Column]
  private(set) var rows: [[String]] = []

  init(_ columns: [Column]) { self.columns = columns }

  /// Adds a row; cells are sanitized here.
  mutating func add(_ cells: [String]) {
    rows.append(cells.map { UntrustedTextCLI.safe($0) })
  }

  /// The table as lines, header first, fitting `width` cells where the flexible columns allow.
  func render(width: Int = 80) -> String {
    var widths = columns.map { Cells.width($0.title) }
    for row in rows {
      for (i, cell) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], Cells.width(cell))
      }
    }
    let gaps = 2 * max(0, columns.count - 1)
    var excess = widths.reduce(0, +) + gaps - width
    // Shrink the widest flexible column first, one cell at a time.
    while excess > 0 {
      let candidates = columns.indices.filter {
        columns[$0].flexible && widths[$0] > columns[$0].minimum
      }
      guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
      widths[widest] -= 1
      excess -= 1
    }
    var out = ""
    func line(_ cells: [String]) {
      var parts: [String] = []
      for (i, column) in columns.enumerated() {
        let cell = Cells.truncated(i < cells.count ? cells[i] : "", to: widths[i])
        let isLast = i == columns.count - 1
        parts.append(
          isLast && !column.rightAligned
            ? cell : Cells.padded(cell, to: widths[i], right: column.rightAligned))
      }
      out += parts.joined(separator: "  ") + "\n"
    }
    line(columns.map(\.title))
    for row in rows { line(row) }
    return out
  }
}
