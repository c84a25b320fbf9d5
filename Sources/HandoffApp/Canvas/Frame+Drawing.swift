import HandoffTerminal

/// Small drawing pieces the views share: boxes, aligned cells, bars.
extension Frame {
  /// A box with a title in its top border; the focused pane's border stands out.
  mutating func box(_ area: Area, title: String, focused: Bool, note: String = "") {
    guard area.width >= 2, area.height >= 2 else { return }
    let border: ThemeRole = focused ? .borderFocused : .border
    let right = area.x + area.width - 1
    let bottom = area.y + area.height - 1
    let h: Character = focused ? "━" : "─"
    let v: Character = focused ? "┃" : "│"
    // Whole edges in one call each: far fewer trips through the buffer's `put`.
    let edge = String(repeating: h, count: area.width - 2)
    put(edge, x: area.x + 1, y: area.y, role: border)
    put(edge, x: area.x + 1, y: bottom, role: border)
    for y in (area.y + 1)..<bottom {
      put(String(v), x: area.x, y: y, role: border)
      put(String(v), x: right, y: y, role: border)
    }
    put(focused ? "┏" : "┌", x: area.x, y: area.y, role: border)
    put(focused ? "┓" : "┐", x: right, y: area.y, role: border)
    put(focused ? "┗" : "└", x: area.x, y: bottom, role: border)
    put(focused ? "┛" : "┘", x: right, y: bottom, role: border)
    let end = put(
      " \(title) ", x: area.x + 1, y: area.y, role: focused ? .titleFocused : .title,
      limit: area.width - 2)
    if !note.isEmpty {
      put(" \(note) ", x: end, y: area.y, role: .muted, limit: area.x + area.width - 1 - end)
    }
  }

  /// Text fitted to `width` columns: cut with `…`, padded, right-aligned if asked.
  mutating func cell(
    _ text: String, x: Int, y: Int, width: Int, role: ThemeRole = .text, right: Bool = false
  ) {
    guard width > 0 else { return }
    // Most cells are short printable ASCII: one column a byte, nothing to cut. The
    // frame is already blank, so no padding needs writing.
    let utf8 = text.utf8
    if utf8.count <= width, utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
      put(text, x: right ? x + width - utf8.count : x, y: y, role: role, limit: width)
      return
    }
    let fitted = Truncation.fit(text, width: width)
    let used = DisplayWidth.of(fitted)
    put(fitted, x: right ? x + width - used : x, y: y, role: role, limit: width)
  }

  /// A horizontal bar `width` wide filled to `fraction`, in eighths.
  mutating func bar(fraction: Double, x: Int, y: Int, width: Int, role: ThemeRole) {
    guard width > 0 else { return }
    let eighths = Int((min(max(fraction, 0), 1) * Double(width * 8)).rounded(.down))
    let partial: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    let full = min(width, eighths / 8)
    let rest = eighths % 8
    var col = put(String(repeating: "█", count: full), x: x, y: y, role: role)
    if rest > 0, full < width { col = put(String(partial[rest - 1]), x: col, y: y, role: role) }
    put(String(repeating: "·", count: max(0, x + width - col)), x: col, y: y, role: .gaugeEmpty)
  }

  /// A sparkline of values scaled to the largest.
  static func sparkline(_ values: [Int]) -> String {
    let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    let top = max(1, values.max() ?? 1)
    return String(values.map { blocks[min(7, $0 * 7 / top)] })
  }
}
