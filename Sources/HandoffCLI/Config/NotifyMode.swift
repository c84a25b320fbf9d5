/// How the dashboard tells of a lead newly assigned to you or an SLA coming due:
/// `none` (the status bar only; the default), `bell` (and the terminal's bell),
/// `desktop` (and a desktop notification). Set by `--notify`, `HANDOFF_NOTIFY` or the
/// config file's `notify`.
enum NotifyMode: String, CaseIterable, Sendable {
  case none, bell, desktop

  /// The names, for messages: `none, bell or desktop`.
  static var names: String { "none, bell or desktop" }
}
