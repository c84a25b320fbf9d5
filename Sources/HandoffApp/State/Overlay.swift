import HandoffModel

/// Which screen fills the terminal.
public enum Screen: Equatable, Sendable {
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
public struct LeadDetail: Equatable, Sendable {
  /// The lead shown.
  public var leadID: Int
  /// Its events, oldest first; nil while loading.
  public var history: [Event]?
  /// Why the history could not be read, if it could not.
  public var error: String?
  /// The first history line shown.
  public var scroll = 0
  /// The screen to return to on Esc.
  public var returnTo: ReturnScreen
  /// The lead's version when its history was last asked for.
  public var loadedVersion: Int?
}

/// Where Esc from a detail view goes.
public enum ReturnScreen: Equatable, Sendable {
  case dashboard
  case list(LeadListID)
}

/// Something drawn over the screen that takes the keys until it closes.
public enum Overlay: Equatable, Sendable {
  /// The help listing every key.
  case help
  /// Choosing a member to assign a lead to.
  case picker(MemberPicker)
  /// Asking for a reason before a move that needs one.
  case reason(ReasonPrompt)
}

/// The assign picker: the members of the lead's department, filtered as you type.
public struct MemberPicker: Equatable, Sendable {
  /// The lead being assigned, and the version the user saw.
  public var leadID: Int
  public var version: Int
  /// The department whose members may own the lead.
  public var department: Department
  /// What has been typed to narrow the list.
  public var query = ""
  /// The highlighted row among the matches.
  public var cursor = 0
}

/// The reason prompt for reject, recycle, lose or disqualify.
public struct ReasonPrompt: Equatable, Sendable {
  /// What the reason is for.
  public enum Purpose: Equatable, Sendable {
    case reject, lose, disqualify, moveBack
  }
  public var leadID: Int
  public var version: Int
  public var purpose: Purpose
  /// The text typed so far.
  public var text = ""

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
public struct StatusMessage: Equatable, Sendable {
  /// Whether it reports a success or a refusal.
  public enum Kind: Equatable, Sendable { case info, error }
  public var text: String
  public var kind: Kind
  /// When it disappears.
  public var expires: Timestamp

  /// Creates a message.
  public init(text: String, kind: Kind, expires: Timestamp) {
    self.text = text
    self.kind = kind
    self.expires = expires
  }
}
