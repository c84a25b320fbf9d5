/// What a cell is, for colour: views name roles, the theme gives them colours.
public enum Role: Int, CaseIterable, Hashable, Sendable {
  case text, dim, title, titleFocused, border, borderFocused, header
  case selected, selectedUnfocused
  case ok, warn, bad, accent
  case statusBar, statusKey, statusInfo, statusError
  case overlay
}
