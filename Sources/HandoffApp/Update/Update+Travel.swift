import HandoffModel
import HandoffPresentation

/// Time travel on the dashboard: `[` a day back, `]` a day forward, `.` back to now.
/// While it shows the past it is read-only: keys that would write say so and change
/// nothing.
extension Update {
  /// How far `[` and `]` step.
  static let travelStep = Duration.days(1)

  /// The travel keys, and the refusal of writes while the past is shown; nil for keys
  /// that are neither.
  static func travelKey(_ action: KeyAction, _ state: inout AppState, _ context: Context)
    -> [Effect]?
  {
    switch action {
    case .dayBack:
      return [.travel(to: (state.travel ?? context.now) - travelStep)]
    case .dayForward:
      guard let shown = state.travel else {
        inform(&state, context, "already showing now")
        return []
      }
      let next = shown + travelStep
      // A step that would pass the present ends at it: live again.
      return [.travel(to: next < context.now ? next : nil)]
    case .backToNow:
      guard state.travel != nil else {
        inform(&state, context, "already showing now")
        return []
      }
      return [.travel(to: nil)]
    default:
      guard action.writes, let shown = state.travel else { return nil }
      refuse(&state, context, readOnlyMessage(shown, context))
      return []
    }
  }

  /// What a write is told while the past is shown.
  static func readOnlyMessage(_ shown: Timestamp, _ context: Context) -> String {
    "read-only: showing \(LocalTime.format(shown, zone: context.pipeline.zone)); "
      + "press . to return to now"
  }

  /// The dashboard now shows `moment` (nil: now, live), `context.pipeline` being the
  /// state then.
  static func traveled(
    to moment: Timestamp?, _ state: inout AppState, _ context: inout Context
  ) -> [Effect] {
    state.travel = moment
    context.orderChanged = true
    if let moment {
      let zone = context.pipeline.zone
      inform(
        &state, context,
        "showing \(LocalTime.format(moment, zone: zone)) (read-only): [ ] a day, . now")
    } else {
      inform(&state, context, "back to now")
    }
    guard case .detail(var detail) = state.screen else { return [] }
    guard let lead = context.pipeline.lead(detail.leadID) else {
      // The lead did not exist yet then: back to where it was opened from.
      switch detail.returnTo {
      case .dashboard: state.screen = .dashboard
      case .list(let id): state.screen = .list(id)
      }
      return []
    }
    detail.loadedVersion = lead.version
    state.screen = .detail(detail)
    return [.loadHistory(lead: lead.id)]
  }

  /// Drops any write among `effects` while the past is shown (opening a lead new to
  /// you marks it seen, which is a write).
  static func withoutWrites(_ effects: [Effect], _ state: AppState) -> [Effect] {
    guard state.travel != nil else { return effects }
    return effects.filter {
      switch $0 {
      case .perform, .undo, .editNote: return false
      default: return true
      }
    }
  }
}
