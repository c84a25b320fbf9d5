import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// What every view reads: the state, the pipeline, the moment drawn.
struct ViewContext {
  let state: AppState
  let pipeline: Pipeline
  let now: Timestamp
  let figures: DashboardFigures

  var currency: String { pipeline.settings.currency }

  /// An amount in the team's currency, compact: `$12.4k`.
  func money(_ minor: Int64) -> String { Money.compact(minor, currency: currency) }

  /// `hh:mm:ss` in the pipeline's zone.
  func clock(_ moment: Timestamp) -> String { LocalTime.clock(moment, zone: pipeline.zone) }

  /// `yyyy-mm-dd hh:mm` in the pipeline's zone.
  func dateTime(_ moment: Timestamp) -> String { LocalTime.format(moment, zone: pipeline.zone) }

  /// The selected lead of a list on screen.
  func selectedID(_ list: LeadListID) -> Int? { state.selected[list] }

  func reader(_ list: LeadListID) -> ListReader { state.reader(list, pipeline) }
}

/// The dashboard's own mappings beside the shared formatting: which theme role a
/// state is drawn in, and a metric's amount in the view's currency.
extension Format {
  /// The role a pace gets.
  static func role(_ pace: PaceState) -> ThemeRole {
    switch pace {
    case .onPace: return .good
    case .behind: return .warn
    case .atRisk: return .bad
    }
  }

  /// The role an SLA state gets.
  static func role(_ sla: SLAState) -> ThemeRole {
    switch sla {
    case .ok: return .good
    case .dueSoon: return .warn
    case .breached: return .bad
    }
  }

  /// A metric's amount: money for revenue, a count otherwise.
  static func amount(_ value: Int64, _ metric: Metric, _ context: ViewContext) -> String {
    metric.isMoney ? context.money(value) : Money.grouped(value)
  }
}
