/// What a key did to a `LineEditor`.
public enum LineEditorOutcome: Hashable, Sendable {
  /// The text or cursor changed.
  case edited
  /// Enter: the text is done.
  case submitted(String)
  /// Esc: give up.
  case cancelled
  /// The key means nothing to the editor.
  case ignored
}

/// A one-line text editor for prompts and filters: insert, Backspace, Delete,
/// Ctrl-U (clear to start), Ctrl-W (delete word), arrows, Home/End (and Ctrl-A/E),
/// paste. Text is kept sanitized.
public struct LineEditor: Hashable, Sendable {
  /// The text as grapheme clusters.
  public private(set) var characters: [Character]
  /// The cursor position, 0…characters.count.
  public private(set) var cursor: Int

  public init(_ text: String = "") {
    characters = Array(UntrustedText.sanitized(text))
    cursor = characters.count
  }

  /// The current text.
  public var text: String { String(characters) }

  /// Applies one input event.
  @discardableResult
  public mutating func handle(_ event: InputEvent) -> LineEditorOutcome {
    switch event {
    case .paste(let text):
      insert(text)
      return .edited
    case .key(.char(let character), let modifiers) where modifiers.isEmpty || modifiers == .shift:
      insert(String(character))
      return .edited
    case .key(.char(let letter), .ctrl):
      switch letter {
      case "u":
        characters.removeSubrange(0..<cursor)
        cursor = 0
      case "w": deleteWordBackward()
      case "a": cursor = 0
      case "e": cursor = characters.count
      case "h": return handle(.key(.backspace))
      default: return .ignored
      }
      return .edited
    case .key(.backspace, _):
      if cursor > 0 {
        characters.remove(at: cursor - 1)
        cursor -= 1
      }
      return .edited
    case .key(.delete, _):
      if cursor < characters.count { characters.remove(at: cursor) }
      return .edited
    case .key(.left, _):
      cursor = max(0, cursor - 1)
      return .edited
    case .key(.right, _):
      cursor = min(characters.count, cursor + 1)
      return .edited
    case .key(.home, _):
      cursor = 0
      return .edited
    case .key(.end, _):
      cursor = characters.count
      return .edited
    case .key(.enter, _): return .submitted(text)
    case .key(.escape, _): return .cancelled
    default: return .ignored
    }
  }

  /// Inserts text at the cursor.
  public mutating func insert(_ text: String) {
    let clean = Array(UntrustedText.sanitized(text))
    characters.insert(contentsOf: clean, at: cursor)
    cursor += clean.count
  }

  private mutating func deleteWordBackward() {
    var start = cursor
    while start > 0 && characters[start - 1] == " " { start -= 1 }
    while start > 0 && characters[start - 1] != " " { start -= 1 }
    characters.removeSubrange(start..<cursor)
    cursor = start
  }

  /// Draws `label` and the text on the first row of the area, scrolled so the
  /// cursor is visible; returns the cursor's screen position. With `marksCursor`
  /// (for a screen that hides the terminal's cursor) the cursor is drawn too: a `▏`
  /// after the last character, or the character under it in reverse video.
  @discardableResult
  public func draw(
    in buffer: inout CellBuffer, area: Rect, label: String = "", theme: Theme,
    marksCursor: Bool = false
  ) -> (x: Int, y: Int) {
    guard !area.isEmpty else { return (area.x, area.y) }
    let row = area.row(0)
    buffer.fill(row, style: theme[.prompt])
    let labelStyle = theme[.prompt].patched(with: theme[.accent])
    let start = buffer.put(label, x: area.x, y: area.y, style: labelStyle, clip: row)
    let room = max(1, area.maxX - start - 1)
    // Scroll: drop clusters from the front until the cursor fits.
    var first = 0
    var before = characters[0..<cursor].reduce(0) { $0 + max(1, DisplayWidth.of($1)) }
    while before >= room && first < cursor {
      before -= max(1, DisplayWidth.of(characters[first]))
      first += 1
    }
    buffer.put(String(characters[first...]), x: start, y: area.y, style: theme[.prompt], clip: row)
    let position = (x: start + before, y: area.y)
    if marksCursor, row.contains(x: position.x, y: position.y) {
      if cursor < characters.count {
        let under = String(characters[cursor])
        buffer.put(
          under, x: position.x, y: area.y, style: theme[.prompt].adding(.reverse), clip: row)
      } else {
        buffer.put("▏", x: position.x, y: area.y, style: theme[.prompt], clip: row)
      }
    }
    return position
  }
}
