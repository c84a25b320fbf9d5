/// What a piece of the screen is for; a theme gives each role a style.
///
/// The raw value is the key in a theme file (see docs/THEMES.md).
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
  /// The screen behind everything: its background colour fills empty cells.
  case background
  /// Ordinary text.
  case text
  /// Secondary text: hints, units, empty states.
  case muted
  /// Text that should catch the eye: keys in hints, the live indicator.
  case accent
  /// The border of a pane without focus.
  case border
  /// The border of the focused pane.
  case borderFocused = "border-focused"
  /// A pane's title.
  case title
  /// The focused pane's title.
  case titleFocused = "title-focused"
  /// Table header row.
  case header
  /// The selected row of the focused table or list.
  case selection
  /// The selected row of a table without focus.
  case selectionInactive = "selection-inactive"
  /// The status bar.
  case status
  /// A key name shown in the status bar.
  case statusKey = "status-key"
  /// Good news: on pace, SLA ok.
  case good
  /// Needs attention: behind, SLA due soon.
  case warn
  /// Bad news: at risk, SLA breached, errors.
  case bad
  /// The filled part of a gauge.
  case gaugeFill = "gauge-fill"
  /// The empty part of a gauge.
  case gaugeEmpty = "gauge-empty"
  /// Sparkline bars.
  case sparkline
  /// A marker on a row: new, changed, mine.
  case marker
  /// An overlay (picker, help, prompt box) body.
  case overlay
  /// An overlay's border.
  case overlayBorder = "overlay-border"
  /// The prompt line's text being edited.
  case prompt

  /// The role's position, for array storage.
  var index: Int {
    // allCases is in declaration order; a switch-free lookup through a static table.
    ThemeRole.indexTable[self] ?? 0
  }

  private static let indexTable: [ThemeRole: Int] = Dictionary(
    uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })
}
