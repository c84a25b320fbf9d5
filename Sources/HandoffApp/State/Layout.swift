import HandoffTerminal

/// Where the dashboard's panes go for a terminal size: a function of the size alone,
/// shared by the views (to draw) and `update` (to scroll and to hit-test the mouse).
struct DashboardLayout: Equatable {
  /// The smallest terminal the dashboard draws in.
  static let minimumWidth = 60
  static let minimumHeight = 20

  /// Whether the panes sit in a 2×2 grid (large) or stacked (80×24 and up).
  var large: Bool
  var panes: [DashboardPane: Rect]
  var statusBar: Rect

  /// The layout for a size; nil below the minimum.
  init?(width: Int, height: Int) {
    guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
    let body = height - 1
    statusBar = Rect(x: 0, y: height - 1, width: width, height: 1)
    large = width >= 140 && height >= 36
    if large {
      let left = width * 2 / 5
      let top = body * 11 / 20
      panes = [
        .marketing: Rect(x: 0, y: 0, width: left, height: top),
        .sales: Rect(x: 0, y: top, width: left, height: body - top),
        .queue: Rect(x: left, y: 0, width: width - left, height: top),
        .targets: Rect(x: left, y: top, width: width - left, height: body - top),
      ]
    } else {
      let extra = body - 23
      let queue = 9 + extra * 2 / 5
      let targets = 5 + extra / 5
      let middle = body - queue - targets
      let half = width / 2
      panes = [
        .queue: Rect(x: 0, y: 0, width: width, height: queue),
        .marketing: Rect(x: 0, y: queue, width: half, height: middle),
        .sales: Rect(x: half, y: queue, width: width - half, height: middle),
        .targets: Rect(x: 0, y: queue + middle, width: width, height: targets),
      ]
    }
  }

  /// How many lines of figures a pane shows above its list.
  func figureLines(_ pane: DashboardPane) -> Int {
    switch pane {
    case .marketing: return large ? 5 : 3
    case .queue: return large ? 2 : 1
    case .sales: return large ? 4 : 3
    case .targets: return 0
    }
  }

  /// The rows of a pane's list, below its figures and column header.
  func listArea(_ pane: DashboardPane) -> Rect {
    let inner = (panes[pane] ?? Rect(x: 0, y: 0, width: 0, height: 0)).inset(by: 1)
    let skip = pane == .targets ? 0 : figureLines(pane) + 1
    return Rect(x: inner.x, y: inner.y + skip, width: inner.width, height: inner.height - skip)
  }
}

/// Where a full-screen list's rows go: a title line, a column header, the rows, the
/// status bar.
enum FullScreenLayout {
  static func listArea(width: Int, height: Int) -> Rect {
    Rect(x: 0, y: 2, width: width, height: height - 3)
  }
}
