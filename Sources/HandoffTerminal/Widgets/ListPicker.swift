/// What a key did to a `ListPicker`.
public enum ListPickerOutcome: Hashable, Sendable {
  /// The filter or selection changed.
  case changed
  /// Enter: the item at this index of `items` was chosen.
  case chosen(Int)
  /// Esc: nothing chosen.
  case cancelled
  /// The key means nothing to the picker (Enter when nothing matches).
  case ignored
}

/// An overlay list with type-to-filter: typing narrows the items (case-insensitive,
/// every typed word must appear), arrows move, Enter chooses, Esc cancels.
///
/// With a `noteSeparator`, what is typed after it is a note to go with the choice
/// (`sam: knows the account`), not part of the filter.
public struct ListPicker: Hashable, Sendable {
  public var title: String
  public private(set) var items: [PickerItem]
  /// How the rows are laid out: one growing column unless given.
  public var columns: [TableColumn]
  /// A muted line at the bottom of the box (how to use it), if any.
  public var hint: String?
  /// What the list says when nothing matches.
  public var emptyText = "no match"
  /// The label before the filter.
  public var prompt = "› "
  /// The box's width; from the items when nil.
  public var width: Int?
  /// The character after which typed text is a note, if notes are taken.
  public var noteSeparator: Character?
  /// The most rows the list shows.
  public var maxRows = 12
  public private(set) var filter = LineEditor()
  /// Indices into `items` of the items matching the filter, in order.
  public private(set) var matches: [Int]
  /// Position in `matches` of the highlighted item.
  public private(set) var selected = 0
  private var offset = 0

  public init(
    title: String, items: [PickerItem], columns: [TableColumn]? = nil, hint: String? = nil,
    noteSeparator: Character? = nil
  ) {
    self.title = title
    self.items = items
    self.columns = columns ?? [TableColumn("", width: 1, grows: true)]
    self.hint = hint
    self.noteSeparator = noteSeparator
    matches = Array(items.indices)
  }

  /// A picker of plain strings.
  public init(title: String, items: [String]) {
    self.init(title: title, items: items.map(PickerItem.init))
  }

  /// The index into `items` of the highlighted item, if any matches.
  public var selectedItem: Int? { matches.isEmpty ? nil : matches[selected] }

  /// The typed text that filters: all of it, or what comes before the note separator.
  public var query: String {
    guard let separator = noteSeparator else { return filter.text }
    return String(filter.text.prefix { $0 != separator })
  }

  /// The note typed after the separator, trimmed; nil when there is none.
  public var note: String? {
    guard let separator = noteSeparator, let at = filter.text.firstIndex(of: separator) else {
      return nil
    }
    let text = String(filter.text[filter.text.index(after: at)...].trimmingSpaces())
    return text.isEmpty ? nil : text
  }

  /// Applies one input event.
  @discardableResult
  public mutating func handle(_ event: InputEvent) -> ListPickerOutcome {
    let outcome = apply(event)
    offset = Table.scrollOffset(
      selected: selected, current: offset, visible: visibleRows, count: matches.count)
    return outcome
  }

  /// Replaces the items (the data behind them changed), keeping the filter and, when
  /// it still matches, the highlighted item.
  public mutating func replaceItems(_ newItems: [PickerItem]) {
    let kept = selectedItem.map { items[$0].key }
    items = newItems
    refilter()
    if let kept, let position = matches.firstIndex(where: { items[$0].key == kept }) {
      selected = position
    }
    offset = Table.scrollOffset(
      selected: selected, current: offset, visible: visibleRows, count: matches.count)
  }

  private var visibleRows: Int { max(1, min(items.count, maxRows)) }

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
    let words = query.lowercased().split(separator: " ")
    matches = items.indices.filter { index in
      words.allSatisfy { items[index].searchText.contains($0) }
    }
    selected = 0
    offset = 0
  }

  /// Draws the picker as a box centred in `area` (the whole screen, usually): the
  /// filter, a blank line, the matching rows, and the hint under another blank line;
  /// returns the filter's cursor position.
  @discardableResult
  public func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) -> (x: Int, y: Int) {
    let rows = visibleRows
    let hintRows = hint == nil ? 0 : 2
    let boxWidth =
      width
      ?? items.reduce(DisplayWidth.of(title) + 4) { widest, item in
        max(widest, item.cells.reduce(0) { $0 + $1.width + 1 } + 2)
      }
    let inner = Overlay(title: title).draw(
      in: &buffer, area: area, width: max(24, boxWidth), height: rows + 4 + hintRows,
      theme: theme)
    guard inner.height >= 1 else { return (inner.x, inner.y) }
    let layered = theme.layered(over: .overlay)
    let cursor = filter.draw(
      in: &buffer, area: inner.row(0).inset(left: 1), label: prompt, theme: layered,
      marksCursor: true)
    let list = Rect(
      x: inner.x, y: inner.y + 2, width: inner.width, height: min(rows, inner.height - 2 - hintRows)
    )
    let position = matches.isEmpty ? nil : selected
    let offset = Table.scrollOffset(
      selected: selected, current: self.offset, visible: list.height, count: matches.count)
    if let position, position >= offset, position < offset + list.height {
      // The highlight spans the box; the cells start one cell in.
      buffer.fill(list.row(position - offset), style: layered[.selection])
    }
    let matches = self.matches
    let items = self.items
    Table(
      columns: columns, rowCount: matches.count, selected: position, offset: offset,
      showsHeader: false, empty: emptyText
    ) { items[matches[$0]].cells }
    .draw(in: &buffer, area: list.inset(left: 1), theme: layered)
    if let hint, inner.height >= 3 {
      TextLine.draw(
        Span(hint, role: .muted), in: &buffer, area: inner.row(inner.height - 1).inset(left: 1),
        theme: layered)
    }
    return cursor
  }
}
