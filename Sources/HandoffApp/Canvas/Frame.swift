import HandoffTerminal

/// What the views draw into: the engine's cell buffer and the theme that turns each
/// role into a style. Every piece of text goes through the buffer's sanitizing `put`.
package struct Frame: Sendable {
  /// The cells drawn so far.
  package private(set) var buffer: CellBuffer
  /// The styles of the roles.
  package let theme: Theme

  /// A blank frame filled with the theme's background.
  package init(width: Int, height: Int, theme: Theme = .standard) {
    buffer = CellBuffer(width: max(0, width), height: max(0, height), style: theme[.background])
    self.theme = theme
  }

  package var width: Int { buffer.width }
  package var height: Int { buffer.height }

  /// Writes text at a position in a role's style, clipped at `limit` columns from `x`;
  /// returns the column after the last one written.
  @discardableResult
  package mutating func put(
    _ text: String, x: Int, y: Int, role: ThemeRole = .text, limit: Int = 1 << 20
  ) -> Int {
    guard limit > 0 else { return x }
    return buffer.put(
      text, x: x, y: y, style: theme[role], clip: Rect(x: x, y: y, width: limit, height: 1))
  }

  /// Blanks an area in a role's style.
  package mutating func fill(_ area: Rect, role: ThemeRole) {
    buffer.fill(area.rect, style: theme[role])
  }

  /// Gives an area a role's style without changing what it shows.
  package mutating func paint(_ area: Rect, role: ThemeRole) {
    let style = theme[role]
    buffer.restyle(area.rect) { _ in style }
  }

  /// The frame as plain text, one line a row, trailing spaces removed.
  package var lines: [String] {
    buffer.lines.map { line in
      var line = line
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// The frame as plain text.
  package var text: String { lines.joined(separator: "\n") + "\n" }
}

extension Rect {
  /// The same area as the engine's rectangle.
  var rect: Rect { Rect(x: x, y: y, width: width, height: height) }
}
