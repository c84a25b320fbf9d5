import HandoffModel

/// The demo team: who is in which department, how busy each is, who routes the queue
/// and who is away, so that every generated assignment is one the model accepts.
struct DemoRoster: Sendable {
  let marketing: [String]
  let sales: [String]
  private let marketingWeights: [Double]
  private let salesWeights: [Double]
  /// The sales manager, who assigns queued leads to reps.
  var manager: String { sales[0] }
  /// A rep on leave from `awayFrom` on: given no new leads after that.
  let away: String
  let awayFrom: Timestamp

  init(dice: inout DemoDice, now: Timestamp) {
    marketing = DemoCatalog.marketing.map(\.handle)
    sales = DemoCatalog.sales.map(\.handle)
    // Uneven shares of the work make pace differ from member to member.
    marketingWeights = marketing.map { _ in 0.5 + dice.unit() }
    salesWeights = sales.indices.map { $0 == 0 ? 0.3 : 0.5 + dice.unit() }
    away = sales[sales.count - 2]
    awayFrom = now - .days(3)
  }

  /// A marketer, by share of the work.
  func marketer(_ dice: inout DemoDice) -> String {
    marketing[dice.weighted(marketingWeights)]
  }

  /// A sales rep who may be given a lead at a moment, other than `other`.
  func rep(_ dice: inout DemoDice, at moment: Timestamp, other: String? = nil) -> String {
    while true {
      let handle = sales[dice.weighted(salesWeights)]
      if handle == other { continue }
      if handle == away, moment >= awayFrom { continue }
      return handle
    }
  }
}
