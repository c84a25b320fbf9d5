/// One thing wrong with an import file: a refused row, or (without a line) the file.
package struct ImportProblem: Sendable, Hashable {
  /// The line the row starts on; nil for the file as a whole.
  package var line: Int?
  /// Why, in one line.
  package var message: String

  /// Creates a problem.
  package init(line: Int?, message: String) {
    self.line = line
    self.message = message
  }

  /// `FILE:LINE: why`.
  package func text(file: String) -> String {
    if let line { return "\(file):\(line): \(message)" }
    return "\(file): \(message)"
  }
}
