import HandoffModel
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
    let now = options.clock.now()
    var state = AppState(
      user: options.user, storeName: shortName(store.name), width: options.width,
      height: options.height)
    state.live = false
    state.readOnly = !store.isWritable
    switch options.view {
    case .dashboard: break
    case .queue: state.screen = .list(.queue)
    case .marketing: state.screen = .list(.marketingAll)
    case .sales: state.screen = .list(.salesAll)
    case .targets: state.screen = .wall
    case .lead(let id):
      guard let lead = store.pipeline.lead(id) else { throw DashboardError("no lead \(id)") }
      let history: [Event]
      do {
        history = try store.history(of: id)
      } catch {
        throw DashboardError(error.description)
      }
      state.screen = .detail(
        LeadDetail(leadID: id, history: history, returnTo: .dashboard, loadedVersion: lead.version))
    }
    _ = Update.update(&state, .tick, pipeline: store.pipeline, now: now)
    let frame = AppView.render(state, pipeline: store.pipeline, now: now, theme: options.theme)
    return options.color ? SnapshotText.colored(frame.buffer, depth: options.depth) : frame.text
  }
}

/// A frame as lines of text with SGR colour escapes, for `snapshot --color`.
enum SnapshotText {
  static func colored(_ buffer: CellBuffer, depth: ColorDepth) -> String {
    var out = ""
    for y in 0..<buffer.height {
      var current: Style?
      for x in 0..<buffer.width {
        let cell = buffer[x, y]
        if cell.isContinuation { continue }
        if cell.style != current {
          out += sgr(cell.style, depth: depth)
          current = cell.style
        }
        out += cell.text
      }
      out += "\u{1B}[0m\n"
    }
    return out
  }

  static func sgr(_ style: Style, depth: ColorDepth) -> String {
    var codes = ["0"]
    let a = style.attributes
    if a.contains(.bold) { codes.append("1") }
    if a.contains(.dim) { codes.append("2") }
    if a.contains(.italic) { codes.append("3") }
    if a.contains(.underline) { codes.append("4") }
    if a.contains(.reverse) { codes.append("7") }
    codes += color(reduced(style.foreground, to: depth), base: 30)
    codes += color(reduced(style.background, to: depth), base: 40)
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  /// A colour the depth can show: the nearest palette entry for 256 or 16 colours.
  private static func reduced(_ color: Color, to depth: ColorDepth) -> Color {
    switch (color, depth) {
    case (_, .none): return .default
    case (.rgb(let r, let g, let b), .indexed256): return .indexed(ColorPalette.nearest256(r, g, b))
    case (.rgb(let r, let g, let b), .ansi16): return .ansi(ColorPalette.nearest16(r, g, b))
    case (.indexed(let n), .ansi16):
      let (r, g, b) = ColorPalette.rgb(ofIndex: n)
      return .ansi(ColorPalette.nearest16(r, g, b))
    default: return color
    }
  }

  private static func color(_ color: Color, base: Int) -> [String] {
    switch color {
    case .default: return []
    case .ansi(let n): return [String(n < 8 ? base + Int(n) : base + 60 + Int(n) - 8)]
    case .indexed(let n): return [String(base + 8), "5", String(n)]
    case .rgb(let r, let g, let b): return [String(base + 8), "2", String(r), String(g), String(b)]
    }
  }
}
