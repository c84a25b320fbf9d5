import HandoffModel
import HandoffText

/// Where one target stands, as a JSON object: the same keys in `targets --json` and
/// in the standup report's `targets`.
enum TargetProgressJSON {
  static func write(_ p: TargetProgress, into w: inout JSONWriter) {
    w.open()
    w.field("metric", p.metric.rawValue)
    w.field("scope", p.scope.description)
    w.field("period", p.period.description)
    w.field("actual", p.actual)
    w.field("target", p.target)
    w.key("attainment")
    w.fraction(p.attainment)
    w.key("pace")
    w.fraction(p.pace)
    w.field("state", p.paceState.rawValue)
    w.close()
  }
}
