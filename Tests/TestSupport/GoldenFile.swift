import Foundation

/// Golden files: expected text kept in a file beside the tests, compared with what a
/// test produces, and re-recorded when `HANDOFF_RECORD_GOLDEN=1` is set.
package enum GoldenFile {
  /// Compares `text` with the file `name` in `directory`. Returns nil when they match
  /// (or after recording), otherwise a line diff. A missing file is an error unless
  /// recording.
  package static func check(
    _ text: String, name: String, directory: String,
    record: Bool = ProcessInfo.processInfo.environment["HANDOFF_RECORD_GOLDEN"] == "1"
  ) -> String? {
    let path = directory + "/" + name
    if record {
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return nil
      } catch {
        return "cannot record \(path): \(error)"
      }
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
      return "no golden file \(path); run with HANDOFF_RECORD_GOLDEN=1 to record it"
    }
    return LineDiff.report(
      expected: expected.components(separatedBy: "\n"), actual: text.components(separatedBy: "\n")
    ).map { "\(path): \($0)" }
  }
}
