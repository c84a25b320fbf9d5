/// A column of a `Table`: its title, how wide it is, how it gives way when the table
/// is narrow, and how its cells align.
public struct TableColumn: Hashable, Sendable {
  public var title: String
  /// The cells the column asks for.
  public var width: Int
  /// The cells it may shrink to, its text cut with `…`, before any column is dropped;
  /// `width` unless given.
  public var minimum: Int
  /// Whether it takes a share of the width the columns leave over.
  public var grows: Bool
  public var alignment: Alignment
  /// When even the minimum widths do not fit, columns are dropped lowest priority
  /// first (the leftmost of equals first).
  public var priority: Int

  public init(
    _ title: String, width: Int, minimum: Int? = nil, grows: Bool = false,
    alignment: Alignment = .left, priority: Int = 0
  ) {
    self.title = title
    self.width = max(0, width)
    self.minimum = max(0, min(minimum ?? width, width))
    self.grows = grows
    self.alignment = alignment
    self.priority = priority
  }
}

extension TableColumn {
  /// The columns shown in `width` cells with `spacing` between them, each with its
  /// width, in their own order: the lowest priorities dropped while even the minimum
  /// widths do not fit, then the growing columns given the spare cells (the earlier
  /// ones the odd cells), or the shrinkable ones shrunk, widest first, to fit.
  public static func fit(_ columns: [TableColumn], width: Int, spacing: Int = 1) -> [(
    index: Int, width: Int
  )] {
    var kept = Array(columns.indices)
    func total(_ indices: [Int], _ size: (TableColumn) -> Int) -> Int {
      indices.reduce(0) { $0 + size(columns[$1]) } + spacing * max(0, indices.count - 1)
    }
    while kept.count > 1, total(kept, \.minimum) > width {
      let drop = kept.min { columns[$0].priority < columns[$1].priority } ?? kept[0]
      kept.removeAll { $0 == drop }
    }
    var widths = kept.map { columns[$0].width }
    var spare = width - total(kept, \.width)
    if spare > 0 {
      let growing = kept.indices.filter { columns[kept[$0]].grows }
      for (n, position) in growing.enumerated() {
        widths[position] += spare / growing.count + (n < spare % growing.count ? 1 : 0)
      }
    }
    while spare < 0 {
      let shrinkable = kept.indices.filter { widths[$0] > columns[kept[$0]].minimum }
      guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
      widths[widest] -= 1
      spare += 1
    }
    if kept.count == 1 { widths[0] = min(widths[0], max(0, width)) }
    return zip(kept, widths).map { (index: $0, width: $1) }
  }
}
