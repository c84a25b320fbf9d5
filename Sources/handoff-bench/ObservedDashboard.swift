import Foundation
import HandoffApp
import HandoffCLI
import HandoffHost
import HandoffModel
import HandoffStore
import HandoffTerminal

/// Run in a child process on the benchmark's pseudo-terminal: the dashboard as
/// `handoff --store STORE` opens it (the same store, clock and zones), with a
/// `MarkWriter` attached to its loop.
enum ObservedDashboard {
  static func run(store path: String, marks: String) -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    do {
      var options = DashboardOptions(
        store: try StoreOpener.store(
          at: StoreAddress(path), clock: SystemClock(), zones: SystemZones()),
        user: environment["HANDOFF_USER"] ?? "bench",
        theme: try Theme.resolve(nil, environment: environment), environment: environment,
        clock: SystemClock())
      options.observer = try MarkWriter(path: marks)
      return try Dashboard.run(options: options)
    } catch {
      FileHandle.standardError.write(Data("handoff-bench: \(error)\n".utf8))
      return 1
    }
  }
}
