import HandoffModel
import HandoffTerminal

/// The status bar: key hints (or the message, or the filter being typed) on the left;
/// view settings, user, store, live indicator and clock on the right.
struct StatusBarView: ScreenPart {
  var area: Rect
  /// What the left side shows.
  var left: Left
  /// View settings, user and store; then the live indicator and the clock.
  var right: [StatusItem]

  /// The left side of the bar.
  enum Left: Equatable {
    case hints([StatusItem])
    case message(String, ThemeRole)
    /// The `/` filter being typed.
    case filter(LineEditor)
  }

  init(_ c: ViewContext, width: Int, height: Int) {
    area = Rect(x: 0, y: height - 1, width: width, height: 1)
    let state = c.state
    if state.editingFilter {
      left = .filter(state.filterEditor)
    } else if let status = state.status {
      // A message of several lines (a long note added) reads as one: its lines joined
      // by spaces, not each line end shown as a visible control character.
      let oneLine = status.text.split(whereSeparator: \.isNewline).joined(separator: " ")
      left = .message(oneLine, status.kind == .error ? .bad : .accent)
    } else {
      left = .hints(state.keymap.hints.map { StatusItem(key: $0.key, $0.label) })
    }
    var settings: [String] = []
    if !state.filter.isEmpty, !state.editingFilter { settings.append("filter “\(state.filter)”") }
    if state.sort != .urgency { settings.append("sort \(state.sort.label)") }
    if state.onlyMine { settings.append("mine") }
    settings.append(state.user)
    settings.append(state.storeName + (state.readOnly ? " (read-only)" : ""))
    right = [
      StatusItem(settings.joined(separator: " · ")),
      StatusItem(
        (state.live ? "● live " : state.offline ? "○ offline " : "○ paused ") + c.clock(c.now),
        role: .statusKey),
    ]
  }

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    switch left {
    case .hints(let hints):
      StatusBar(left: hints, right: right).draw(in: &buffer, area: area, theme: theme)
    case .message(let text, let role):
      StatusBar(left: [StatusItem(text, role: role)], right: right).draw(
        in: &buffer, area: area, theme: theme)
    case .filter(let editor):
      let free = StatusBar(left: [], right: right).draw(in: &buffer, area: area, theme: theme)
      editor.draw(
        in: &buffer, area: free, label: " / ", theme: theme.layered(over: .status),
        marksCursor: true)
    }
  }
}
