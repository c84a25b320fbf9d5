/// What a key can do on the dashboard. The raw value is the action's name in a
/// config file (`key.assign = a`) and in `KeymapError` messages.
package enum KeyAction: String, CaseIterable, Hashable, Sendable {
  case down, up, top, bottom
  case pageDown = "page-down"
  case pageUp = "page-up"
  case nextPane = "next-pane"
  case previousPane = "previous-pane"
  /// The selected lead's detail.
  case open
  /// Back to the dashboard; on it, clear the filter.
  case back
  case assign
  case autoAssign = "auto-assign"
  case forward = "move-forward"
  case backward = "move-back"
  case handOff = "hand-off"
  case accept, reject
  /// A note on the lead, typed in one line.
  case note
  /// A long note on the lead, written in the user's editor.
  case longNote = "long-note"
  /// A follow-up with a customer done, and the date of the next.
  case followUp = "follow-up"
  case filter, sort, mine
  case fullScreen = "full-screen"
  case wall, undo, help, quit, redraw, suspend

  /// Whether the action works wherever the keys go: in an overlay and while text is
  /// typed too (a printable key typed into text stays text).
  var isGlobal: Bool { self == .redraw || self == .suspend }

  /// Whether the action acts on the selected lead (or the lead in the detail view).
  var actsOnLead: Bool {
    switch self {
    case .assign, .autoAssign, .forward, .backward, .handOff, .accept, .reject, .note, .longNote,
      .followUp:
      return true
    default: return false
    }
  }
}
