/// A box drawn over whatever is below it (a picker, help, a question), centred in
/// an area, in the overlay colours.
public struct Overlay: Sendable {
  public var title: String

  public init(title: String) {
    self.title = title
  }

  /// Clears a box of at most `width` × `height` cells centred in `area`, draws its
  /// border and title, and returns the inside for the content.
  @discardableResult
  public func draw(
    in buffer: inout CellBuffer, area: Rect, width: Int, height: Int, theme: Theme
  ) -> Rect {
    let box = area.centered(width: width, height: height)
    buffer.fill(box, style: theme[.overlay])
    var framing = theme
    framing[.border] = theme[.overlayBorder]
    framing[.title] = theme[.overlayBorder].adding(.bold)
    return Pane(title: title, focused: false).draw(in: &buffer, area: box, theme: framing)
  }
}
