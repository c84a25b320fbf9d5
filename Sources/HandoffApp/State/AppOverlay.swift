/// Something drawn over the screen that takes the keys until it closes.
package enum AppOverlay: Equatable, Sendable {
  /// The help listing every key.
  case help
  /// Choosing a member to assign a lead to.
  case picker(MemberPicker)
  /// Asking one line (a reason, a deal's value, a note, a date) before an action.
  case prompt(LinePrompt)
  /// Asking whether to take a lead or assign anyway, before an action that needs it.
  case override(OverridePrompt)
}
