import HandoffTerminal

/// The assign picker over the screen: the engine's list picker of members.
struct PickerView: ScreenPart {
  var screen: Rect
  var picker: ListPicker

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    picker.draw(in: &buffer, area: screen, theme: theme)
  }
}
