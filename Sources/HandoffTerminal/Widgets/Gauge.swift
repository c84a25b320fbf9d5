/// A one-line bar: an optional label, a bar filled to a ratio with ⅛-cell precision,
/// and an optional value after it.
public struct Gauge: Sendable {
  public var label: String
  /// How full the bar is, clamped to 0…1 when drawn.
  public var ratio: Double
  /// Text after the bar, such as `63%`.
  public var value: String
  /// The role of the filled part.
  public var fillRole: ThemeRole

  public init(
    label: String = "", ratio: Double, value: String = "", fillRole: ThemeRole = .gaugeFill
  ) {
    self.label = label
    self.ratio = ratio
    self.value = value
    self.fillRole = fillRole
  }

  private static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// The glyph of the bar's empty part.
  public static let emptyGlyph: Character = "·"

  /// How many eighths of `width` cells a ratio fills: the nearest eighth, except that
  /// a bar is full only when the ratio is 1 or more and empty only when it is 0 or
  /// less, so a bar never claims a target met, or nothing done, when that is not so.
  public static func eighths(ratio: Double, width: Int) -> Int {
    guard width > 0, ratio.isFinite, ratio > 0 else { return 0 }
    let total = width * 8
    guard ratio < 1 else { return total }
    return min(total - 1, max(1, Int((ratio * Double(total)).rounded())))
  }

  /// The bar's text for a width, in full blocks and one partial block, and how many
  /// cells are left empty.
  public static func bar(ratio: Double, width: Int) -> (filled: String, empty: Int) {
    guard width > 0 else { return ("", 0) }
    let eighths = eighths(ratio: ratio, width: width)
    var filled = String(repeating: "█", count: eighths / 8)
    var used = eighths / 8
    if eighths % 8 > 0 {
      filled.append(partials[eighths % 8 - 1])
      used += 1
    }
    return (filled, width - used)
  }

  /// Draws the gauge on the first row of the area.
  public func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    let row = area.row(0)
    var x = area.x
    if !label.isEmpty {
      x = buffer.put(label + " ", x: x, y: area.y, style: theme[.text], clip: row)
    }
    let valueText = value.isEmpty ? "" : " " + value
    let barWidth = max(0, area.maxX - x - DisplayWidth.of(valueText))
    let (filled, empty) = Gauge.bar(ratio: ratio, width: barWidth)
    x = buffer.put(filled, x: x, y: area.y, style: theme[fillRole], clip: row)
    buffer.fill(
      Rect(x: x, y: area.y, width: empty, height: 1).intersection(row), with: Gauge.emptyGlyph,
      style: theme[.gaugeEmpty])
    buffer.put(valueText, x: x + empty, y: area.y, style: theme[.text], clip: row)
  }
}
