/// What a key did to a `ListPicker`.
public enum ListPickerOutcome: Hashable, Sendable {
  /// The filter or selection changed.
  case changed
  /// Enter: the item at this index of `items` was chosen.
  case chosen(Int)
  /// Esc: nothing chosen.
  case cancelled
  /// The key means nothing to the picker.
  case ignored
}

/// An overlay list with type-to-filter: typing narrows the items (case-insensitive,
/// every typed word must appear), arrows move, Enter chooses, Esc cancels.
public struct ListPicker: Sendable {
  public var title: String
  public private(set) var items: [String]
  public private(set) var filter = LineEditor()
  /// Indices into `items` of the items matching the filter, in order.
  public private(set) var matches: [Int]
  /// Position in `matches` of the highlighted item.
  public private(set) var selected = 0
  private var offset = 0

  public init(title: String, items: [String]) {
    self.title = title
    self.items = items
    matches = Array(items.indices)
  }

  /// The index into `items` of the highlighted item, if any matches.
  public var selectedItem: Int? { matches.isEmpty ? nil : matches[selected] }

  /// The most rows the list shows.
  static let maxRows = 12

  /// Applies one input event.
  @discardableResult
  public mutating func handle(_ event: InputEvent) -> ListPickerOutcome {
    let outcome = apply(event)
    offset = Table.scrollOffset(
      selected: selected, current: offset, visible: ListPicker.maxRows, count: matches.count)
    return outcome
  }

  private mutating func apply(_ event: InputEvent) -> ListPickerOutcome {
    switch event {
    case .key(.up, _), .key(.char("p"), .ctrl), .key(.backTab, _):
      selected = max(0, selected - 1)
      return .changed
    case .key(.down, _), .key(.char("n"), .ctrl), .key(.tab, _):
      selected = max(0, min(matches.count - 1, selected + 1))
      return .changed
    case .key(.pageUp, _):
      selected = max(0, selected - 10)
      return .changed
    case .key(.pageDown, _):
      selected = max(0, min(matches.count - 1, selected + 10))
      return .changed
    case .key(.enter, _):
      return selectedItem.map { .chosen($0) } ?? .ignored
    case .key(.escape, _):
      return .cancelled
    default:
      guard filter.handle(event) == .edited else { return .ignored }
      refilter()
      return .changed
    }
  }

  private mutating func refilter() {
    let words = filter.text.lowercased().split(separator: " ")
    matches = items.indices.filter { index in
      let item = items[index].lowercased()
      return words.allSatisfy { item.contains($0) }
    }
    selected = 0
    offset = 0
  }

  /// Draws the picker as a box centred in `area` (the whole screen, usually);
  /// returns the filter's cursor position.
  @discardableResult
  public func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) -> (x: Int, y: Int) {
    let longest = items.reduce(DisplayWidth.of(title) + 4) { max($0, DisplayWidth.of($1)) }
    let inner = Overlay(title: title).draw(
      in: &buffer, area: area, width: max(24, longest + 4),
      height: max(1, min(items.count, ListPicker.maxRows)) + 3, theme: theme)
    guard inner.height >= 2 else { return (inner.x, inner.y) }
    var editorTheme = theme
    editorTheme[.prompt] = theme[.overlay]
    let cursor = filter.draw(
      in: &buffer, area: inner.row(0), label: "› ", theme: editorTheme)
    let list = inner.inset(top: 1)
    let offset = Table.scrollOffset(
      selected: selected, current: offset, visible: list.height, count: matches.count)
    for line in 0..<list.height where offset + line < matches.count {
      let position = offset + line
      let style = position == selected ? theme[.selection] : theme[.overlay]
      buffer.fill(list.row(line), style: style)
      buffer.put(
        Truncation.fit(items[matches[position]], width: list.width - 1), x: list.x + 1,
        y: list.y + line, style: style, clip: list)
    }
    if matches.isEmpty {
      buffer.put(
        "no match", x: list.x + 1, y: list.y, style: theme[.overlay].patched(with: theme[.muted]),
        clip: list)
    }
    return cursor
  }
}
