import Foundation
import HandoffApp
import HandoffTerminal

/// Run in a child process on the benchmark's pseudo-terminal: the dashboard exactly as
/// `handoff --store STORE` opens it, with a `MarkWriter` attached to its loop.
enum ObservedDashboard {
  static func run(store: String, marks: String) -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    do {
      var options = DashboardOptions(
        storePath: store, user: environment["HANDOFF_USER"] ?? "bench",
        theme: try Theme.resolve(nil, environment: environment), environment: environment)
      options.observer = try MarkWriter(path: marks)
      return try Dashboard.run(options: options)
    } catch {
      FileHandle.standardError.write(Data("handoff-bench: \(error)\n".utf8))
      return 1
    }
  }
}
