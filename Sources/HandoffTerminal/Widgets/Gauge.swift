/// A one-line bar: label, a bar filled to a ratio with ⅛-cell precision, and a value.
public struct Gauge: Sendable {
  public var label: String
  /// How full the bar is, clamped to 0…1 when drawn.
  public var ratio: Double
  /// Text after the bar, such as `63%`.
  public var value: String
  /// The role of the filled part.
  public var fillRole: ThemeRole

  public init(label: String, ratio: Double, value: String, fillRole: ThemeRole = .gaugeFill) {
    self.label = label
    self.ratio = ratio
    self.value = value
    self.fillRole = fillRole
  }

  private static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// The bar's text for a width, in full blocks and one partial block.
  public static func bar(ratio: Double, width: Int) -> (filled: String, empty: Int) {
    guard width > 0 else { return ("", 0) }
    let clamped = ratio.isFinite ? min(1, max(0, ratio)) : 0
    let eighths = Int((clamped * Double(width * 8)).rounded())
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
    let y = area.y
    var x = area.x
    if !label.isEmpty {
      x = buffer.put(label + " ", x: x, y: y, style: theme[.text], clip: area)
    }
    let valueText = value.isEmpty ? "" : " " + value
    let valueWidth = DisplayWidth.of(valueText)
    let barWidth = max(0, area.maxX - x - valueWidth)
    let (filled, empty) = Gauge.bar(ratio: ratio, width: barWidth)
    x = buffer.put(filled, x: x, y: y, style: theme[fillRole], clip: area)
    buffer.fill(Rect(x: x, y: y, width: empty, height: 1), with: "░", style: theme[.gaugeEmpty])
    buffer.put(valueText, x: x + empty, y: y, style: theme[.text], clip: area)
  }
}
