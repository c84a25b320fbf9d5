/// Text wrapped at word boundaries to fit an area.
public struct Paragraph: Sendable {
  public var text: String
  public var role: ThemeRole

  public init(_ text: String, role: ThemeRole = .text) {
    self.text = text
    self.role = role
  }

  /// The text's lines for a width: split at newlines, then wrapped between words;
  /// a word longer than the width is broken. Lines are sanitized.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var used = 0
      for word in UntrustedText.sanitized(paragraph).split(separator: " ") {
        var rest = Substring(word)
        var cells = DisplayWidth.of(rest)
        if used > 0 && used + 1 + cells <= width {
          line += " " + rest
          used += 1 + cells
          continue
        }
        if used > 0 {
          lines.append(line)
          line = ""
          used = 0
        }
        while cells > width {
          var head = ""
          var headCells = 0
          while let next = rest.first, headCells + max(1, DisplayWidth.of(next)) <= width {
            head.append(next)
            headCells += max(1, DisplayWidth.of(next))
            rest = rest.dropFirst()
          }
          if head.isEmpty, let next = rest.first {
            // A wide character in a one-cell width: show it alone rather than loop.
            head.append(next)
            rest = rest.dropFirst()
          }
          lines.append(head)
          cells = DisplayWidth.of(rest)
        }
        line = String(rest)
        used = cells
      }
      lines.append(line)
    }
    return lines
  }

  /// Draws as many wrapped lines as fit; returns how many lines the text needs.
  @discardableResult
  public func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) -> Int {
    let lines = Paragraph.wrap(text, width: area.width)
    for (index, line) in lines.prefix(area.height).enumerated() {
      buffer.put(line, x: area.x, y: area.y + index, style: theme[role], clip: area)
    }
    return lines.count
  }
}
