/// Fitting text into a number of cells.
public enum Truncation {
  /// The text cut to at most `width` cells, ending in `…` when anything was cut.
  /// The result is sanitized.
  public static func fit(_ text: some StringProtocol, width: Int) -> String {
    guard width > 0 else { return "" }
    let safe = UntrustedText.sanitized(text)
    if DisplayWidth.of(safe) <= width { return safe }
    var result = ""
    var used = 0
    for character in safe {
      let cells = max(1, DisplayWidth.of(character))
      if used + cells > width - 1 { break }
      result.append(character)
      used += cells
    }
    return result + "…"
  }

  /// The text fitted to exactly `width` cells, aligned and padded with spaces.
  public static func pad(
    _ text: some StringProtocol, width: Int, alignment: Alignment = .left
  ) -> String {
    let fitted = fit(text, width: width)
    let gap = max(0, width - DisplayWidth.of(fitted))
    switch alignment {
    case .left: return fitted + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + fitted
    case .center:
      return String(repeating: " ", count: gap / 2) + fitted
        + String(repeating: " ", count: gap - gap / 2)
    }
  }
}

/// Horizontal alignment of text in a column.
public enum Alignment: Hashable, Sendable {
  case left
  case right
  case center
}
