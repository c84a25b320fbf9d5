/// One line of text made of spans, aligned in its area and cut with `…` where the
/// area ends.
public struct TextLine: Sendable {
  public var spans: [Span]
  public var alignment: Alignment

  public init(_ spans: [Span], alignment: Alignment = .left) {
    self.spans = spans
    self.alignment = alignment
  }

  public init(_ text: String, role: ThemeRole = .text, alignment: Alignment = .left) {
    self.init([Span(text, role: role)], alignment: alignment)
  }

  /// Cells the whole line takes.
  public var width: Int { spans.reduce(0) { $0 + $1.width } }

  /// Draws the line on the first row of the area; returns the column after the last
  /// cell written.
  @discardableResult
  public func draw(in buffer: inout CellBuffer, area: Rect, theme: Theme) -> Int {
    guard !area.isEmpty else { return area.x }
    if spans.count == 1 {
      return TextLine.draw(spans[0], in: &buffer, area: area, alignment: alignment, theme: theme)
    }
    let total = width
    let row = area.row(0)
    if total <= area.width {
      var x = TextLine.start(of: total, in: area, alignment: alignment)
      for span in spans {
        x = buffer.put(span.text, x: x, y: area.y, style: theme[span.role], clip: row)
      }
      return x
    }
    // Too long: everything up to one cell before the edge, then `…` in the role of
    // the span that was cut.
    let content = Rect(x: area.x, y: area.y, width: area.width - 1, height: 1)
    var x = area.x
    for span in spans {
      let end = buffer.put(span.text, x: x, y: area.y, style: theme[span.role], clip: content)
      if x + span.width > content.maxX {
        return buffer.put("…", x: content.maxX, y: area.y, style: theme[span.role], clip: row)
      }
      x = end
    }
    return x
  }

  /// Draws one span fitted to the area's first row: aligned, cut with `…` when too
  /// long. The table draws its cells with it.
  @discardableResult
  public static func draw(
    _ span: Span, in buffer: inout CellBuffer, area: Rect, alignment: Alignment = .left,
    theme: Theme
  ) -> Int {
    guard !area.isEmpty else { return area.x }
    let row = area.row(0)
    let utf8 = span.text.utf8
    // Most cells are short printable ASCII: one column a byte, nothing to cut.
    if utf8.count <= area.width, utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
      let x = start(of: utf8.count, in: area, alignment: alignment)
      return buffer.put(span.text, x: x, y: area.y, style: theme[span.role], clip: row)
    }
    let fitted = Truncation.fit(span.text, width: area.width)
    let x = start(of: DisplayWidth.of(fitted), in: area, alignment: alignment)
    return buffer.put(fitted, x: x, y: area.y, style: theme[span.role], clip: row)
  }

  /// Where text `width` cells wide starts in the area for an alignment.
  static func start(of width: Int, in area: Rect, alignment: Alignment) -> Int {
    let gap = max(0, area.width - width)
    switch alignment {
    case .left: return area.x
    case .right: return area.x + gap
    case .center: return area.x + gap / 2
    }
  }
}
