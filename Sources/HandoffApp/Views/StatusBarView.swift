import HandoffModel
import HandoffTerminal

/// The status bar: key hints (or the message, or the filter being typed) on the left;
/// view settings, user, store, live indicator and clock on the right.
enum StatusBarView {
  static let hints: [(String, String)] = [
    ("?", "help"), ("q", "quit"), ("a", "assign"), ("h", "hand off"), ("x", "accept"),
    ("r", "reject"), (">", "move"), ("/", "filter"),
  ]

  static func draw(_ frame: inout Frame, _ c: ViewContext, y: Int) {
    let width = frame.width
    frame.fill(Rect(x: 0, y: y, width: width, height: 1), role: .status)
    var right: [String] = []
    if !c.state.filter.isEmpty, !c.state.editingFilter {
      right.append("filter “\(c.state.filter)”")
    }
    if c.state.sort != .urgency { right.append("sort \(c.state.sort.label)") }
    if c.state.onlyMine { right.append("mine") }
    right.append(c.state.user)
    right.append(c.state.storeName + (c.state.readOnly ? " (read-only)" : ""))
    let clock = (c.state.live ? "● live " : "○ paused ") + c.clock(c.now)
    let rightText = right.joined(separator: " · ")
    let rightWidth = min(width / 2, DisplayWidth.of(rightText) + 2 + DisplayWidth.of(clock))
    let rightX = width - rightWidth
    let clockX = width - DisplayWidth.of(clock)
    frame.put(
      Truncation.fit(rightText, width: max(0, clockX - rightX - 2)), x: rightX, y: y, role: .status)
    frame.put(clock, x: clockX, y: y, role: .statusKey)
    let leftWidth = max(0, rightX - 2)
    if c.state.editingFilter {
      let col = frame.put(" / ", x: 0, y: y, role: .statusKey)
      frame.put(c.state.filter + "▏", x: col, y: y, role: .prompt, limit: leftWidth - col)
    } else if let status = c.state.status {
      frame.put(
        " " + status.text, x: 0, y: y, role: status.kind == .error ? .bad : .accent,
        limit: leftWidth)
    } else {
      var col = 1
      for (key, label) in hints {
        let need = DisplayWidth.of(key) + DisplayWidth.of(label) + 2
        guard col + need <= leftWidth else { break }
        col = frame.put(key, x: col, y: y, role: .statusKey)
        col = frame.put(" " + label + " ", x: col, y: y, role: .status)
      }
    }
  }
}
