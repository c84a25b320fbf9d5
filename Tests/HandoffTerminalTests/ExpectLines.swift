import HandoffTerminal
import TestSupport
import Testing

/// Expects a buffer's text to be exactly the given lines; on failure, records a
/// line-by-line diff.
func expectLines(
  _ buffer: CellBuffer, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  if let report = LineDiff.report(expected: expected, actual: buffer.lines) {
    Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
  }
}
