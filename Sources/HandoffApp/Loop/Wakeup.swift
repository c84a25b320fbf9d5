import HandoffModel

/// When the loop must wake on its own: the next moment anything visible changes.
enum Wakeup {
  /// The wait before the next clock second, status expiry or SLA edge, whichever is
  /// first (the clock shows seconds, so never more than a second).
  static func delay(_ state: AppState, pipeline: Pipeline, now: Timestamp) -> Duration {
    var next = Timestamp(milliseconds: (now.milliseconds / 1000 + 1) * 1000)
    if let status = state.status, status.expires < next { next = status.expires }
    if let edge = pipeline.nextSLAChange(after: now), edge < next { next = edge }
    return Duration(milliseconds: max(1, (next - now).milliseconds))
  }
}
