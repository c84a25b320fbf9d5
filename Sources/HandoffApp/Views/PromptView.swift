import HandoffTerminal

/// A one-line prompt over the screen: the question, and the answer in a line editor.
struct PromptView: ScreenPart {
  var screen: Rect
  var title: String
  var question: String
  var editor: LineEditor

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let inner = Overlay(title: title).draw(
      in: &buffer, area: screen, width: 64, height: 5, theme: theme)
    let layered = theme.layered(over: .overlay)
    TextLine(question, role: .overlay).draw(
      in: &buffer, area: inner.row(0).inset(left: 1, right: 1), theme: layered)
    editor.draw(
      in: &buffer, area: inner.row(2).inset(left: 1, right: 1), label: "> ", theme: layered,
      marksCursor: true)
  }
}
