import HandoffModel

/// Which screen fills the terminal.
package enum Screen: Equatable, Sendable {
  /// The four panes.
  case dashboard
  /// One department's leads, full screen.
  case list(LeadListID)
  /// One lead and its history.
  case detail(LeadDetail)
  /// The targets, large, for a wall screen.
  case wall
}

/// The lead-detail screen's state: the lead, and its history once loaded.
package struct LeadDetail: Equatable, Sendable {
  /// The lead shown.
  package var leadID: Int
  /// Its events, oldest first; nil while loading.
  package var history: [Event]?
  /// Why the history could not be read, if it could not.
  package var error: String?
  /// The first history line shown.
  package var scroll = 0
  /// The screen to return to on Esc.
  package var returnTo: ReturnScreen
  /// The lead's version when its history was last asked for.
  package var loadedVersion: Int?
}

/// Where Esc from a detail view goes.
package enum ReturnScreen: Equatable, Sendable {
  case dashboard
  case list(LeadListID)
}
