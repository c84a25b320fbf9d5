/// One of the four panes of the dashboard, in Tab order.
package enum DashboardPane: Int, CaseIterable, Hashable, Sendable {
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
  var next: DashboardPane { DashboardPane(rawValue: (rawValue + 1) % 4) ?? .queue }
  /// The previous pane in Tab order.
  var previous: DashboardPane { DashboardPane(rawValue: (rawValue + 3) % 4) ?? .queue }

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
