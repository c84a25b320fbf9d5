import HandoffModel
import HandoffPresentation
import HandoffStore
import HandoffTerminal

/// What `handoff snapshot` draws.
package enum SnapshotView: Equatable, Sendable {
  case dashboard, queue, marketing, sales, targets
  /// One lead's detail with its history.
  case lead(Int)

  /// Parses `dashboard`, `queue`, `marketing`, `sales`, `targets`; a lead is `lead ID`.
  package init?(name: String, lead: Int? = nil) {
    switch name {
    case "dashboard": self = .dashboard
    case "queue": self = .queue
    case "marketing": self = .marketing
    case "sales": self = .sales
    case "targets": self = .targets
    case "lead":
      guard let lead else { return nil }
      self = .lead(lead)
    default: return nil
    }
  }
}

/// What `handoff snapshot` needs.
package struct SnapshotOptions {
  /// The store to draw, not yet opened.
  package var store: any EventStore
  package var user: String
  package var view: SnapshotView
  package var width: Int
  package var height: Int
  /// Colour escapes in the output (truecolor), or plain text.
  package var color: Bool
  package var theme: Theme
  /// How many colours the escapes may use, when `color` is set.
  package var depth: ColorDepth
  package var clock: any Clock
  /// What the keys do, for the status bar's hints.
  package var keymap = Keymap.standard
  /// The moment to draw the store as it stood at (`--at`); nil: now.
  package var at: Timestamp?

  /// Creates the options.
  package init(
    store: any EventStore, user: String, view: SnapshotView = .dashboard, width: Int = 120,
    height: Int = 36, color: Bool = false, theme: Theme = .standard,
    depth: ColorDepth = .truecolor, clock: any Clock
  ) {
    self.store = store
    self.user = user
    self.view = view
    self.width = width
    self.height = height
    self.color = color
    self.theme = theme
    self.depth = depth
    self.clock = clock
  }
}

extension Dashboard {
  /// One frame of a view, as text: the same view code as the live dashboard.
  package static func snapshot(options: SnapshotOptions) throws -> String {
    let store = options.store
    do {
      try store.open()
    } catch {
      throw DashboardError(error.description)
    }
    let now = options.at ?? options.clock.now()
    var pipeline = store.pipeline
    if let at = options.at {
      do {
        pipeline = try store.pipeline(at: at)
      } catch {
        throw DashboardError(error.description)
      }
    }
    var state = AppState(
      user: options.user, storeName: shortName(store.name), width: options.width,
      height: options.height)
    state.live = false
    state.readOnly = !store.isWritable
    state.keymap = options.keymap
    state.travel = options.at
    switch options.view {
    case .dashboard: break
    case .queue: state.screen = .list(.queue)
    case .marketing: state.screen = .list(.marketingAll)
    case .sales: state.screen = .list(.salesAll)
    case .targets: state.screen = .wall
    case .lead(let id):
      guard let lead = pipeline.lead(id) else {
        throw DashboardError(
          "no lead \(id)"
            + (options.at.map { " at " + LocalTime.format($0, zone: pipeline.zone) } ?? ""))
      }
      let history: [Event]
      do {
        history = try store.history(of: id).filter { $0.seq <= pipeline.lastSeq }
      } catch {
        throw DashboardError(error.description)
      }
      state.screen = .detail(
        LeadDetail(leadID: id, history: history, returnTo: .dashboard, loadedVersion: lead.version))
    }
    _ = Update.update(&state, .tick, pipeline: pipeline, now: now)
    let frame = AppView.render(state, pipeline: pipeline, now: now, theme: options.theme)
    return options.color ? frame.styledText(depth: options.depth) : frame.plainText
  }
}
