import HandoffModel
import HandoffTerminal

/// What every view reads: the state, the pipeline, the moment drawn.
struct ViewContext {
  let state: AppState
  let pipeline: Pipeline
  let now: Timestamp
  let figures: DashboardFigures

  var currency: String { pipeline.settings.currency }

  func money(_ minor: Int64) -> String { Money.compact(minor, currency: currency) }

  /// `hh:mm:ss` in the pipeline's zone.
  func clock(_ moment: Timestamp) -> String {
    let local = moment.milliseconds + pipeline.zone.offsetSeconds(at: moment) * 1000
    let ms = ((local % 86_400_000) + 86_400_000) % 86_400_000
    return Format.two(ms / 3_600_000) + ":" + Format.two(ms / 60_000 % 60) + ":"
      + Format.two(ms / 1000 % 60)
  }

  /// `yyyy-mm-dd hh:mm` in the pipeline's zone.
  func dateTime(_ moment: Timestamp) -> String {
    let (y, m, d) = CivilDate.from(daysSinceEpoch: pipeline.zone.day(of: moment))
    return "\(y)-\(Format.two(m))-\(Format.two(d)) " + clock(moment).prefix(5)
  }

  /// The selected lead of a list on screen.
  func selectedID(_ list: LeadListID) -> Int? { state.selected[list] }

  func reader(_ list: LeadListID) -> ListReader { state.reader(list, pipeline) }
}

/// Number and label formatting shared by the views.
enum Format {
  static func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

  /// `73%`, or `—` when there is no figure.
  static func percent(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    return "\(Int((value * 100).rounded()))%"
  }

  /// `1.4×`, `∞` when the quota is already met, `—` without a quota.
  static func times(_ value: Double?) -> String {
    guard let value else { return "—" }
    guard value.isFinite else { return "∞" }
    return String(Int((value * 10).rounded()) / 10) + "." + String(Int((value * 10).rounded()) % 10)
      + "×"
  }

  /// A stage in at most five letters, for narrow columns.
  static func stage(_ stage: Stage) -> String {
    switch stage {
    case .new: return "new"
    case .nurturing: return "nurt"
    case .mql: return "mql"
    case .queued: return "queue"
    case .accepted: return "acc"
    case .meeting: return "meet"
    case .negotiation: return "nego"
    case .won: return "won"
    case .lost: return "lost"
    case .disqualified: return "disq"
    case .churned: return "churn"
    }
  }

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
