import HandoffTerminal
import Testing

/// Expects a buffer's text to be exactly the given lines; on failure, records a
/// line-by-line diff.
func expectLines(
  _ buffer: CellBuffer, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  let actual = buffer.lines
  guard actual != expected else { return }
  var report = ["screen differs (- expected, + actual):"]
  for index in 0..<max(actual.count, expected.count) {
    let want = index < expected.count ? expected[index] : "<none>"
    let got = index < actual.count ? actual[index] : "<none>"
    if want == got {
      report.append("  |\(got)|")
    } else {
      report.append("- |\(want)|")
      report.append("+ |\(got)|")
    }
  }
  Issue.record(Comment(rawValue: report.joined(separator: "\n")), sourceLocation: sourceLocation)
}
