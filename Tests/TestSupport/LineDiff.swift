/// Line-by-line comparison of screens for whole-frame assertions.
package enum LineDiff {
  /// Nil when the lines are equal; otherwise a report showing every line, the
  /// differing ones as `- expected` / `+ actual` pairs, each framed in `|`.
  package static func report(expected: [String], actual: [String]) -> String? {
    guard expected != actual else { return nil }
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
    return report.joined(separator: "\n")
  }
}
