import HandoffModel
import HandoffPresentation

/// Something the dashboard tells its user of without being asked: a lead assigned to
/// them by someone else, or a queued lead of theirs (any, for a manager) that became
/// due soon or breached its SLA.
package enum Notice: Equatable, Sendable {
  /// `lead` is now the user's, assigned by `by`.
  case assigned(lead: Int, name: String, by: String)
  /// `lead` entered the last quarter of its SLA, `left` to go.
  case dueSoon(lead: Int, name: String, left: Duration)
  /// `lead` waited longer than the SLA; `owner` holds it (nil: nobody, or the user).
  case breached(lead: Int, name: String, owner: String?)

  /// The notice in words: `1042 Ada Byron assigned to you by maria`.
  package var text: String {
    switch self {
    case .assigned(let lead, let name, let by):
      return "\(lead) \(name) assigned to you by \(by)"
    case .dueSoon(let lead, let name, let left):
      return "\(lead) \(name) due soon: \(DurationText.countdown(left)) left to accept"
    case .breached(let lead, let name, let owner):
      return "\(lead) \(name) breached its SLA" + (owner.map { " (held by \($0))" } ?? "")
    }
  }

  /// Several notices in one status line: the first, and how many more (the queue and
  /// the leads' marks show the rest).
  package static func summary(_ notices: [Notice]) -> String {
    guard let first = notices.first else { return "" }
    return notices.count == 1 ? first.text : "\(first.text) (and \(notices.count - 1) more)"
  }
}
