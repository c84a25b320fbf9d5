import HandoffModel

/// When the loop must wake on its own: the next moment anything visible changes.
enum Wakeup {
  /// The wait before the next clock second or status expiry, whichever is first.
  /// Views are drawn at the whole second the clock shows, so an SLA edge between two
  /// seconds shows at the next one: waking for it would draw an identical frame.
  static func delay(_ state: AppState, now: Timestamp) -> Duration {
    var next = Timestamp(milliseconds: (now.milliseconds / 1000 + 1) * 1000)
    if let status = state.status, status.expires < next { next = status.expires }
    return Duration(milliseconds: max(1, (next - now).milliseconds))
  }
}
