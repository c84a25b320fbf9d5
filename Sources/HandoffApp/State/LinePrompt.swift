import HandoffModel
import HandoffTerminal

/// A question over the screen answered in one line, asked before an action that needs
/// words or cannot be taken back by accident: a reason (reject, recycle, lose,
/// disqualify, churn), the value of a deal being won, a note, the next follow-up date.
/// Enter sends, Esc cancels and changes nothing.
package struct LinePrompt: Equatable, Sendable {
  /// What the answer is for.
  package enum Purpose: Equatable, Sendable {
    case reject, lose, disqualify, moveBack, churn
    /// Mark won: the answer is the deal's value.
    case win
    /// A note on the lead.
    case note
    /// A follow-up done: the answer is when the next one is due.
    case followUp
  }
  package var leadID: Int
  package var version: Int
  package var purpose: Purpose
  /// The answer as typed so far (prefilled for a value or a date).
  package var editor: LineEditor

  /// A prompt, empty or with a proposed answer.
  package init(leadID: Int, version: Int, purpose: Purpose, text: String = "") {
    self.leadID = leadID
    self.version = version
    self.purpose = purpose
    editor = LineEditor(text)
  }

  /// The text typed so far.
  package var text: String { editor.text }

  /// Whether the answer is a reason for a move.
  var asksReason: Bool {
    switch purpose {
    case .reject, .lose, .disqualify, .moveBack, .churn: return true
    case .win, .note, .followUp: return false
    }
  }

  /// The prompt's title.
  var title: String {
    switch purpose {
    case .win: return "Won · Enter confirms, Esc cancels"
    case .note: return "Note · Enter adds, Esc cancels"
    case .followUp: return "Follow-up · Enter logs, Esc cancels"
    default: return "Reason · Enter sends, Esc cancels"
    }
  }

  /// The question shown.
  var question: String {
    switch purpose {
    case .reject: return "Reject \(leadID) back to marketing — reason:"
    case .lose: return "Mark \(leadID) lost — reason:"
    case .disqualify: return "Disqualify \(leadID) — reason:"
    case .moveBack: return "Send \(leadID) back to nurturing — reason:"
    case .churn: return "Mark customer \(leadID) churned — reason:"
    case .win: return "Mark \(leadID) won — the deal's value:"
    case .note: return "Note on \(leadID):"
    case .followUp: return "Follow-up with \(leadID) done — next one due (date or 30d):"
    }
  }

  /// An amount in minor units as the prompt proposes it: major units, no grouping
  /// (`12000`, `12000.50`), which `Money.parse` reads back.
  static func plainAmount(_ minor: Int64) -> String {
    let cents = minor % 100
    let whole = String(minor / 100)
    return cents == 0 ? whole : whole + "." + (cents < 10 ? "0" : "") + String(cents)
  }
}
