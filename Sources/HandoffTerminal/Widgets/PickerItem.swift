/// One item of a `ListPicker`: what it stands for, what its row shows, and the text
/// that typing is matched against.
public struct PickerItem: Hashable, Sendable {
  /// What the item stands for (a handle, a path): the caller's way back to its data,
  /// and how the selection is kept when the items are replaced.
  public var key: String
  /// The row's cells, one per column of the picker.
  public var cells: [Span]
  /// What typed words must appear in (lower-cased).
  public var searchText: String

  public init(key: String, cells: [Span], searchText: String? = nil) {
    self.key = key
    self.cells = cells
    self.searchText = (searchText ?? cells.map(\.text).joined(separator: " ")).lowercased()
  }

  /// An item that shows its text in one column, in the overlay's colours.
  public init(_ text: String) {
    self.init(key: text, cells: [Span(text, role: .overlay)])
  }
}
