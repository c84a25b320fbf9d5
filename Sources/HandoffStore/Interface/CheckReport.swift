/// What `check` found.
package struct CheckReport: Sendable {
  /// Each problem, as `PLACE: what` (for the file log, `FILE:LINE: what`).
  package var problems: [String]
  /// How many events are valid and fit.
  package var events: Int
  /// Where bad events were moved (after a repair), if any were.
  package var sideFile: String?

  package init(problems: [String], events: Int, sideFile: String? = nil) {
    self.problems = problems
    self.events = events
    self.sideFile = sideFile
  }
}
