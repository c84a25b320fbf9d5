import HandoffModel
import HandoffTerminal

/// Everything the dashboard shows besides the pipeline itself: focus, selection,
/// scroll, filter, overlays. A value; only `update` changes it.
package struct AppState: Equatable {
  /// Who is using the dashboard: the actor of every action.
  package var user: String
  /// The store's path, shown in the status bar.
  package var storeName: String
  /// The terminal's size in cells.
  package var width: Int
  package var height: Int
  /// The screen, and what is drawn over it.
  package var screen: Screen = .dashboard
  package var overlay: AppOverlay?
  /// The pane with the keyboard focus on the dashboard.
  package var focus: DashboardPane = .queue
  /// The selected lead of each list, by id, so the selection follows the lead.
  package var selected: [LeadListID: Int] = [:]
  /// The row the selection was last seen on, to pick the nearest lead when it leaves.
  package var selectedRow: [LeadListID: Int] = [:]
  /// The first row shown of each list.
  package var scroll: [LeadListID: Int] = [:]
  /// The first target row shown in the targets pane and the wall view.
  package var targetScroll = 0
  /// The `/` filter as typed, and whether it is being typed.
  package var filterEditor = LineEditor()
  package var editingFilter = false
  /// How lists are sorted.
  package var sort: SortMode = .urgency
  /// Show only leads the user owns.
  package var onlyMine = false
  /// The message in the status bar, if any.
  package var status: StatusMessage?
  /// The leads of the user's actions here, oldest first: `u` undoes the user's last
  /// change to the last of them, then the one before, and so on; when none is left, the
  /// user's last change anywhere.
  package var undoLeads: [Int] = []
  /// The words of a long note that was not added (refused, or not written yet): `N` on
  /// that lead opens the editor on them again, so nothing typed there is lost.
  package var noteDraft: NoteDraft?
  /// Whether events from the store are being followed (the live indicator).
  package var live = true
  /// Whether the store cannot be reached now (the status bar says offline).
  package var offline = false
  /// Whether the store refuses this user's writes (the status bar says so).
  package var readOnly = false
  /// Cached filtered or sorted orders, one per list, when a filter, sort or
  /// "only mine" applies.
  var derived: [LeadListID: DerivedOrder] = [:]
  /// The store's name when it was not there yet as the dashboard opened: the
  /// first-run screen shows until the store has an event.
  package var firstRunStore: String?
  /// What the keys do: the standard keys unless a config file rebinds them.
  package var keymap = Keymap.standard
  /// Whether the app should stop.
  package var quitting = false

  /// A fresh state: the dashboard, the queue focused.
  package init(user: String, storeName: String, width: Int = 80, height: Int = 24) {
    self.user = user
    self.storeName = storeName
    self.width = width
    self.height = height
  }

  /// The filter the lists apply: what was typed after `/`.
  package var filter: String {
    get { filterEditor.text }
    set { filterEditor = LineEditor(newValue) }
  }

  /// Whether lists are read through a derived order.
  var needsDerivedOrder: Bool { !filter.isEmpty || onlyMine || sort != .urgency }

  /// The list the keys act on: the focused pane's on the dashboard, the full-screen one.
  var activeList: LeadListID? {
    switch screen {
    case .dashboard: return focus.dashboardList
    case .list(let id): return id
    case .detail, .wall: return nil
    }
  }

  /// A reader for one list of the pipeline.
  func reader(_ id: LeadListID, _ pipeline: Pipeline) -> ListReader {
    ListReader(id: id, pipeline: pipeline, derived: derived[id])
  }
}
