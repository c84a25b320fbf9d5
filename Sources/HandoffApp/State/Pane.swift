import HandoffModel

/// One of the four panes of the dashboard, in Tab order.
package enum Pane: Int, CaseIterable, Hashable, Sendable {
  case marketing, queue, sales, targets

  /// The pane's title on screen.
  package var title: String {
    switch self {
    case .marketing: return "Marketing"
    case .queue: return "Handoff queue"
    case .sales: return "Sales"
    case .targets: return "Targets"
    }
  }

  /// The next pane in Tab order.
  var next: Pane { Pane(rawValue: (rawValue + 1) % 4) ?? .queue }
  /// The previous pane in Tab order.
  var previous: Pane { Pane(rawValue: (rawValue + 3) % 4) ?? .queue }

  /// The list of leads the pane shows on the dashboard, if it shows leads.
  var dashboardList: LeadListID? {
    switch self {
    case .marketing: return .marketing
    case .queue: return .queue
    case .sales: return .sales
    case .targets: return nil
    }
  }

  /// The full-screen list the pane opens into, if it shows leads.
  var fullList: LeadListID? {
    switch self {
    case .marketing: return .marketingAll
    case .queue: return .queue
    case .sales: return .salesAll
    case .targets: return nil
    }
  }
}

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
