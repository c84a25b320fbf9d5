import HandoffTerminal

/// The reason prompt for reject, recycle, lose or disqualify.
package struct ReasonPrompt: Equatable, Sendable {
  /// What the reason is for.
  package enum Purpose: Equatable, Sendable {
    case reject, lose, disqualify, moveBack
  }
  package var leadID: Int
  package var version: Int
  package var purpose: Purpose
  /// The reason as typed so far.
  package var editor = LineEditor()

  /// Creates an empty prompt.
  package init(leadID: Int, version: Int, purpose: Purpose) {
    self.leadID = leadID
    self.version = version
    self.purpose = purpose
  }

  /// The text typed so far.
  package var text: String { editor.text }

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
