/// A box drawn over whatever is below it (a picker, help, a question), centred in
/// an area with a margin of one cell, with a heavy border in the overlay colours.
public struct Overlay: Sendable {
  public var title: String

  public init(title: String) {
    self.title = title
  }

  /// Clears a box of at most `width` × `height` cells centred in `area` (keeping one
  /// cell of it showing on every side), draws its border and title, and returns the
  /// inside for the content. Draw the content with `theme.layered(over: .overlay)`.
  @discardableResult
  public func draw(
    in buffer: inout CellBuffer, area: Rect, width: Int, height: Int, theme: Theme
  ) -> Rect {
    let box = area.inset(by: 1).centered(width: width, height: height)
    buffer.fill(box, style: theme[.overlay])
    var framing = theme
    framing[.borderFocused] = theme[.overlayBorder]
    framing[.titleFocused] = theme[.overlayBorder]
    framing[.muted] = theme[.overlayBorder]
    return Pane(title: title, focused: true).draw(in: &buffer, area: box, theme: framing)
  }
}
