/// How the dashboard tells of a lead newly assigned to you or an SLA coming due:
/// `none` (the status bar only; the default), `bell` (and the terminal's bell),
/// `desktop` (and a desktop notification, OSC 9 or OSC 777, instead of the bell: one
/// sound or pop-up a notice, not two). Set by `--notify`, `HANDOFF_NOTIFY` or the
/// config file's `notify`.
package enum NotifyMode: String, CaseIterable, Sendable {
  case none, bell, desktop

  /// The names, for messages: `none, bell or desktop`.
  package static var names: String { "none, bell or desktop" }
}
