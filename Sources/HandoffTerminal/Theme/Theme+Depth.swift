extension Theme {
  /// The theme as it should be used at a colour depth. Without colour (`NO_COLOR`),
  /// a role that stands out only by its background colour (the selection, the status
  /// bar, overlays) is drawn in reverse video instead, so it stays visible. At any
  /// other depth the theme is unchanged: the renderer maps colours itself.
  public func adapted(to depth: ColorDepth) -> Theme {
    guard depth == .none else { return self }
    var adapted = self
    let screen = self[.background].background
    for role in ThemeRole.allCases where role != .background {
      let style = self[role]
      if style.background != .default && style.background != screen {
        adapted[role] = style.adding(.reverse)
      }
    }
    return adapted
  }
}
