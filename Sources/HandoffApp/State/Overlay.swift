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

/// Something drawn over the screen that takes the keys until it closes.
package enum Overlay: Equatable, Sendable {
  /// The help listing every key.
  case help
  /// Choosing a member to assign a lead to.
  case picker(MemberPicker)
  /// Asking for a reason before a move that needs one.
  case reason(ReasonPrompt)
}

/// The assign picker: the members of the lead's department, filtered as you type.
package struct MemberPicker: Equatable, Sendable {
  /// The lead being assigned, and the version the user saw.
  package var leadID: Int
  package var version: Int
  /// The department whose members may own the lead.
  package var department: Department
  /// What has been typed to narrow the list.
  package var query = ""
  /// The highlighted row among the matches.
  package var cursor = 0
}

/// The reason prompt for reject, recycle, lose or disqualify.
package struct ReasonPrompt: Equatable, Sendable {
  /// What the reason is for.
  package enum Purpose: Equatable, Sendable {
    case reject, lose, disqualify, moveBack
  }
  package var leadID: Int
  package var version: Int
  package var purpose: Purpose
  /// The text typed so far.
  package var text = ""

  /// The question shown.
  var question: String {
    switch purpose {
    case .reject: return "Reject \(leadID) back to marketing — reason:"
    case .lose: return "Mark \(leadID) lost — reason:"
    case .disqualify: return "Disqualify \(leadID) — reason:"
    case .moveBack: return "Send \(leadID) back to nurturing — reason:"
    }
  }
}

/// A short message in the status bar, gone after a few seconds.
package struct StatusMessage: Equatable, Sendable {
  /// Whether it reports a success or a refusal.
  package enum Kind: Equatable, Sendable { case info, error }
  package var text: String
  package var kind: Kind
  /// When it disappears.
  package var expires: Timestamp

  /// Creates a message.
  package init(text: String, kind: Kind, expires: Timestamp) {
    self.text = text
    self.kind = kind
    self.expires = expires
  }
}
