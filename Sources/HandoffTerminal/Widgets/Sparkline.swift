/// A one-line chart of the most recent values, one cell per value.
public struct Sparkline: Sendable {
  public var values: [Double]
  /// The value drawn as a full bar; the largest value when nil.
  public var maximum: Double?

  public init(values: [Double], maximum: Double? = nil) {
    self.values = values
    self.maximum = maximum
  }

  private static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// The chart's text for a width: the last `width` values, right-aligned. A value
  /// gets the bar of its share of the maximum in sevenths, rounded down, so only
  /// the maximum reaches the full bar; nothing, or less, is the lowest bar.
  public func text(width: Int) -> String {
    guard width > 0 else { return "" }
    let shown = values.suffix(width)
    let top = maximum ?? shown.max() ?? 0
    var line = String(repeating: " ", count: width - shown.count)
    for value in shown {
      guard top > 0, value.isFinite, value > 0 else {
        line.append(Sparkline.bars[0])
        continue
      }
      // Multiplied first: whole counts divide exactly, as in integer arithmetic.
      let level = Int((min(value, top) * 7 / top).rounded(.down))
      line.append(Sparkline.bars[max(0, min(7, level))])
    }
    return line
  }

  /// Draws the chart on the last row of the area.
  public func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    buffer.put(
      text(width: area.width), x: area.x, y: area.maxY - 1, style: theme[.sparkline], clip: area)
  }
}
