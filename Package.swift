// swift-tools-version: 6.0
// Handoff: a terminal dashboard for a combined sales-and-marketing team.
// No package dependencies: only the Swift toolchain. Targets follow the layers of the design
// (Model → Store → Terminal → App → CLI), dependencies pointing one way.
import PackageDescription

let package = Package(
  name: "Handoff",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "handoff", targets: ["handoff"]),
    .executable(name: "handoff-bench", targets: ["handoff-bench"]),
  ],
  targets: [
    // Typed file descriptors and errno, shared by store, terminal and CLI. Knows nothing
    // of leads or terminals.
    .target(name: "HandoffSystem"),
    // Text every layer shares: the one list of control characters that data must never
    // carry raw, and the one JSON writer. Knows nothing of leads, terminals or files.
    .target(name: "HandoffText"),
    // Pure domain: entities, stages, events, the fold, metrics. No I/O.
    .target(name: "HandoffModel"),
    // The event log on disk.
    .target(name: "HandoffStore", dependencies: ["HandoffModel", "HandoffSystem", "HandoffText"]),
    // Raw-ANSI terminal engine. Knows nothing of leads.
    .target(name: "HandoffTerminal", dependencies: ["HandoffSystem", "HandoffText"]),
    // Words and numbers for people, shared by dashboard and CLI: events in plain words,
    // dates, durations, money, percentages, tables printed as text.
    .target(name: "HandoffPresentation", dependencies: ["HandoffModel", "HandoffTerminal"]),
    // The dashboard: state, update, views, event loop.
    .target(
      name: "HandoffApp",
      dependencies: ["HandoffModel", "HandoffStore", "HandoffTerminal", "HandoffPresentation"]),
    // Argument parsing, commands, help, errors.
    .target(
      name: "HandoffCLI",
      dependencies: [
        "HandoffModel", "HandoffStore", "HandoffSystem", "HandoffText", "HandoffTerminal",
        "HandoffPresentation", "HandoffApp",
      ]),
    .executableTarget(name: "handoff", dependencies: ["HandoffCLI"]),
    // TestSupport brings the pseudo-terminal the benchmark drives a real `handoff` through.
    .executableTarget(
      name: "handoff-bench",
      dependencies: [
        "HandoffModel", "HandoffStore", "HandoffTerminal", "HandoffApp", "HandoffCLI", "TestSupport",
      ]),
    // A small program on the terminal engine alone, driven by the engine's pty tests.
    .executableTarget(name: "terminal-example", dependencies: ["HandoffTerminal"]),

    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "HandoffSystemTests", dependencies: ["HandoffSystem", "TestSupport"]),
    .testTarget(name: "HandoffTextTests", dependencies: ["HandoffText"]),
    .testTarget(
      name: "HandoffPresentationTests",
      dependencies: ["HandoffModel", "HandoffTerminal", "HandoffPresentation"]),
    .testTarget(name: "HandoffModelTests", dependencies: ["HandoffModel", "TestSupport"]),
    .testTarget(
      name: "HandoffStoreTests", dependencies: ["HandoffModel", "HandoffStore", "TestSupport", "handoff"]),
    .testTarget(
      name: "HandoffTerminalTests",
      dependencies: ["HandoffTerminal", "TestSupport", "terminal-example"]),
    .testTarget(
      name: "HandoffAppTests",
      dependencies: ["HandoffModel", "HandoffStore", "HandoffTerminal", "HandoffApp", "TestSupport", "handoff"],
      // Golden screens, read by path from the tests.
      exclude: ["Expected"]),
    .testTarget(
      name: "HandoffCLITests",
      dependencies: ["HandoffModel", "HandoffStore", "HandoffCLI", "TestSupport", "handoff"]),
  ]
)
