import HandoffTerminal

/// A part of the screen (a pane, the status bar, an overlay) as the value of what it
/// shows: built from the state, the pipeline, the moment and the size, then drawn
/// with the engine's widgets without reading anything else. Two equal parts draw the
/// same cells, so a part equal to the one of the last frame need not be drawn again.
protocol ScreenPart: Equatable {
  /// Draws the part into the frame, where its area says.
  func draw(in buffer: inout CellBuffer, theme: Theme)
}
