import HandoffModel

/// The question asked before an action the model allows only when the user confirms
/// it (taking a lead someone else owns, assigning to a member away or at capacity):
/// `y` goes ahead with the override, `n` or Esc leaves everything as it was.
package struct OverridePrompt: Equatable, Sendable {
  /// The action, the version of its lead the user saw, and what saying yes confirms.
  package var command: Command
  package var version: Int
  package var overrides: Overrides
  /// The question shown, from the model's refusal.
  package var question: String

  /// Creates the prompt.
  package init(command: Command, version: Int, overrides: Overrides, question: String) {
    self.command = command
    self.version = version
    self.overrides = overrides
    self.question = question
  }
}
