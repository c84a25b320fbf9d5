import HandoffModel
import HandoffTerminal

/// A box drawn over the screen, centred.
enum OverlayBox {
  /// Blanks and frames a centred box; returns its inside.
  static func draw(_ frame: inout Frame, width: Int, height: Int, title: String) -> Area {
    let w = min(width, frame.width - 2)
    let h = min(height, frame.height - 2)
    let area = Area(x: (frame.width - w) / 2, y: (frame.height - h) / 2, width: w, height: h)
    frame.fill(area, role: .overlay)
    frame.box(area, title: title, focused: true)
    frame.paint(
      Area(x: area.x, y: area.y, width: area.width, height: 1), role: .overlayBorder)
    return area.inner
  }
}

/// Every key, for `?`.
enum HelpOverlay {
  static let keys: [(String, String)] = [
    ("j k ↑ ↓", "move the selection"), ("g G", "top / bottom"), ("PgUp PgDn", "page up / down"),
    ("Tab S-Tab", "next / previous pane"), ("Enter", "lead detail, history"),
    ("Esc", "back; clear the filter"), ("a", "assign from a picker"),
    ("A", "auto-assign, least loaded"), ("> <", "move stage forward / back"),
    ("h", "hand off to sales"), ("x", "accept"), ("r", "reject, recycle or lose"),
    ("/", "filter as you type"), ("s", "sort: urgency, score…"),
    ("m", "only my leads"), ("u", "undo my last action"), ("f", "focused pane full screen"),
    ("w", "targets for a wall screen"), ("?", "this help"), ("q", "quit"),
    ("Ctrl-L", "redraw"), ("Ctrl-Z", "suspend"), ("mouse", "click, wheel scrolls"),
  ]

  static func draw(_ frame: inout Frame) {
    // One column when the screen is tall enough, else two side by side.
    let columns = keys.count + 4 <= frame.height ? 1 : 2
    let rows = (keys.count + columns - 1) / columns
    let inner = OverlayBox.draw(
      &frame, width: columns == 1 ? 58 : 2 + 2 * 50, height: rows + 3,
      title: "Keys · any key closes")
    let columnWidth = columns == 1 ? inner.width : inner.width / 2
    for (i, (key, what)) in keys.enumerated() {
      let x = inner.x + (i / rows) * columnWidth
      let y = inner.y + i % rows
      guard y < inner.y + inner.height else { continue }
      frame.put(Truncation.pad(key, width: 10), x: x + 1, y: y, role: .accent)
      frame.put(what, x: x + 12, y: y, role: .overlay, limit: columnWidth - 13)
    }
  }
}

/// The assign picker: members of the lead's department with their load.
enum PickerOverlay {
  static func draw(_ frame: inout Frame, _ c: ViewContext, picker: MemberPicker) {
    let candidates = picker.candidates(c.pipeline)
    let inner = OverlayBox.draw(
      &frame, width: 52, height: min(17, candidates.count + 6),
      title: "Assign \(picker.leadID) to \(picker.department.rawValue)")
    let col = frame.put("> ", x: inner.x + 1, y: inner.y, role: .accent)
    frame.put(picker.query + "▏", x: col, y: inner.y, role: .prompt, limit: inner.width - 3)
    frame.put(
      "type to filter · name: note adds a note", x: inner.x + 1, y: inner.y + inner.height - 1,
      role: .muted, limit: inner.width - 2)
    let room = inner.height - 3
    let top = max(0, picker.cursor - room + 1)
    if candidates.isEmpty {
      frame.put("no member matches", x: inner.x + 1, y: inner.y + 2, role: .muted)
    }
    for (i, m) in candidates.dropFirst(top).prefix(room).enumerated() {
      let y = inner.y + 2 + i
      let chosen = top + i == picker.cursor
      let role: ThemeRole = chosen ? .selection : .overlay
      if chosen { frame.fill(Area(x: inner.x, y: y, width: inner.width, height: 1), role: role) }
      let load = c.pipeline.load(of: m.handle)
      let loadText =
        "\(load) open" + (m.capacity.map { " / \($0)" } ?? "") + (m.away ? " · away" : "")
      frame.put(Truncation.pad(m.handle, width: 10), x: inner.x + 1, y: y, role: role)
      frame.put(Truncation.pad(m.name, width: 18), x: inner.x + 12, y: y, role: role)
      let over = m.capacity.map { load >= $0 } ?? false
      frame.put(
        loadText, x: inner.x + 31, y: y, role: chosen ? role : (m.away || over ? .warn : .muted),
        limit: inner.width - 31)
    }
  }
}

/// The reason prompt.
enum PromptOverlay {
  static func draw(_ frame: inout Frame, prompt: ReasonPrompt) {
    let inner = OverlayBox.draw(
      &frame, width: 64, height: 5, title: "Reason · Enter sends, Esc cancels")
    frame.put(prompt.question, x: inner.x + 1, y: inner.y, role: .overlay, limit: inner.width - 2)
    let text = prompt.text + "▏"
    let room = inner.width - 4
    let shown = DisplayWidth.of(text) > room ? "…" + String(text.suffix(room - 1)) : text
    let col = frame.put("> ", x: inner.x + 1, y: inner.y + 2, role: .accent)
    frame.put(shown, x: col, y: inner.y + 2, role: .prompt, limit: room)
  }
}
