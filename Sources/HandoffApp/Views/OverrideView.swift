import HandoffTerminal

/// The override question over the screen: whether to take a lead or assign anyway.
struct OverrideView: ScreenPart {
  var screen: Rect
  var question: String

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let inner = Overlay(title: "Confirm · y goes ahead, n or Esc cancels").draw(
      in: &buffer, area: screen, width: 64, height: 4, theme: theme)
    let layered = theme.layered(over: .overlay)
    TextLine(question, role: .overlay).draw(
      in: &buffer, area: inner.row(0).inset(left: 1, right: 1), theme: layered)
    TextLine("y / n", role: .accent).draw(
      in: &buffer, area: inner.row(1).inset(left: 1, right: 1), theme: layered)
  }
}
