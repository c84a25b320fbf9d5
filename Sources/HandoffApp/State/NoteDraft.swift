/// A long note written in the editor and not yet added to its lead.
package struct NoteDraft: Equatable, Sendable {
  /// The lead it is for.
  package var leadID: Int
  /// The words, as the editor left them.
  package var text: String

  /// Creates a draft.
  package init(leadID: Int, text: String) {
    self.leadID = leadID
    self.text = text
  }
}
