/// How many terminal cells text takes, from the generated `WidthTable`.
///
/// A grapheme cluster takes the width of its first scalar, with two exceptions
/// terminals agree on: an emoji variation selector (U+FE0F) or a regional-indicator
/// pair (a flag) makes it 2. Combining marks and joiners inside a cluster add
/// nothing, so a ZWJ family or an accented letter is as wide as its base.
public enum DisplayWidth {
  /// The Unicode version of the width table.
  public static var unicodeVersion: String { WidthTable.unicodeVersion }

  /// Cells one scalar takes on its own: 0, 1 or 2. Controls count 1 because text
  /// is sanitized into visible symbols before it is measured.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x300 { return 1 }
    if contains(WidthTable.wide, value) { return 2 }
    if contains(WidthTable.zero, value) { return 0 }
    return 1
  }

  /// Cells one grapheme cluster takes: 0 only when every scalar is zero-width.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if first.value < 0x300 && scalars.count == 1 { return 1 }
    var width = of(first)
    if width == 2 { return 2 }
    if isRegionalIndicator(first) && scalars.count > 1 { return 2 }
    for scalar in scalars.dropFirst() {
      if scalar.value == 0xFE0F { return 2 }
      if width == 0 { width = of(scalar) }
    }
    return width
  }

  /// Cells a string takes, cluster by cluster.
  public static func of(_ text: some StringProtocol) -> Int {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
    var total = 0
    // A zero-width cluster is drawn on a dotted circle (see `CellBuffer.put`): one cell.
    for character in text { total += max(1, of(character)) }
    return total
  }

  static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1F1E6...0x1F1FF).contains(scalar.value)
  }

  /// Binary search over flat (lower, upper) pairs.
  private static func contains(_ table: [UInt32], _ value: UInt32) -> Bool {
    var low = 0
    var high = table.count / 2 - 1
    while low <= high {
      let mid = (low + high) / 2
      if value < table[2 * mid] {
        high = mid - 1
      } else if value > table[2 * mid + 1] {
        low = mid + 1
      } else {
        return true
      }
    }
    return false
  }
}
