import HandoffModel

/// A list of leads shown somewhere on screen; each keeps its own selection and scroll.
package enum LeadListID: Hashable, Sendable, CaseIterable {
  /// Marketing's pane: MQLs waiting to be handed off first, then nurturing, then new.
  case marketing
  /// The handoff queue, oldest first.
  case queue
  /// Sales' pane: open deals, stale first, then customers, overdue follow-ups first.
  case sales
  /// Every marketing lead, full screen (adds disqualified).
  case marketingAll
  /// Every sales lead, full screen (adds lost and churned).
  case salesAll

  /// The pipeline's sorted lists, concatenated in this order.
  var sources: [LeadList] {
    switch self {
    case .marketing: return [.stage(.mql), .stage(.nurturing), .stage(.new)]
    case .queue: return [.stage(.queued)]
    case .sales: return [.openDeals, .customers]
    case .marketingAll:
      return [.stage(.mql), .stage(.nurturing), .stage(.new), .stage(.disqualified)]
    case .salesAll: return [.openDeals, .customers, .stage(.lost), .stage(.churned)]
    }
  }

  /// The department whose leads the list holds (the queue counts as sales).
  var department: Department {
    switch self {
    case .marketing, .marketingAll: return .marketing
    case .queue, .sales, .salesAll: return .sales
    }
  }

  /// A title for the full-screen view.
  var title: String {
    switch self {
    case .marketing, .marketingAll: return "Marketing leads"
    case .queue: return "Handoff queue"
    case .sales, .salesAll: return "Sales leads"
    }
  }
}
