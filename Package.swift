// swift-tools-version: 6.0
// Handoff: a terminal dashboard for a combined sales-and-marketing team.
// No package dependencies: only the Swift toolchain. Targets follow the layers of the design
// (Model → Store → Terminal → App → CLI), dependencies pointing one way.
import PackageDescription

let package = Package(
  name: "Handoff",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "handoff", targets: ["handoff"])
  ],
  targets: [
    // Typed file descriptors and errno, shared by store, terminal and CLI. Knows nothing
    // of leads or terminals.
    .target(name: "HandoffSystem"),
    // Pure domain: entities, stages, events, the fold, metrics. No I/O.
    .target(name: "HandoffModel"),
    // The event log on disk.
    .target(name: "HandoffStore", dependencies: ["HandoffModel", "HandoffSystem"]),
    // Raw-ANSI terminal engine: cells, text, styles, themes, layout, widgets, the renderer,
    // input decoding, and the session over a terminal device. Pure: no system calls (it
    // names file descriptors, never calls on them). Knows nothing of leads.
    .target(name: "HandoffTerminal", dependencies: ["HandoffSystem"]),
    // The real terminal device: termios raw mode, the window size, signals and the
    // self-pipe, poll over standard input. The only terminal code that calls the system.
    .target(name: "HandoffTTY", dependencies: ["HandoffTerminal", "HandoffSystem"]),
    // Drives terminal programs without a person: a fake terminal device in memory, a
    // pseudo-terminal for a real process, an independent model of the screen. Used by
    // the tests and the benchmark; no product links it.
    .target(name: "HandoffTerminalTesting", dependencies: ["HandoffTerminal", "HandoffSystem"]),
    // The dashboard: state, update, views, event loop.
    .target(
      name: "HandoffApp",
      dependencies: ["HandoffModel", "HandoffStore", "HandoffSystem", "HandoffTerminal", "HandoffTTY"]),
    // Argument parsing, commands, help, errors.
    .target(
      name: "HandoffCLI",
      dependencies: [
        "HandoffModel", "HandoffStore", "HandoffSystem", "HandoffTerminal", "HandoffApp",
      ]),
    .executableTarget(name: "handoff", dependencies: ["HandoffCLI"]),
    // The benchmark: an executable target for `swift run handoff-bench`, not a product.
    // It runs the dashboard on a pseudo-terminal and watches its loop through an observer.
    .executableTarget(
      name: "handoff-bench",
      dependencies: [
        "HandoffModel", "HandoffStore", "HandoffSystem", "HandoffTerminal", "HandoffApp",
        "HandoffTerminalTesting",
      ]),
    // A small program on the terminal engine alone, driven by the engine's pty tests.
    .executableTarget(name: "terminal-example", dependencies: ["HandoffTerminal", "HandoffTTY"]),

    .target(name: "TestSupport", dependencies: ["HandoffTerminalTesting"], path: "Tests/TestSupport"),
    .testTarget(name: "HandoffSystemTests", dependencies: ["HandoffSystem", "TestSupport"]),
    .testTarget(name: "HandoffModelTests", dependencies: ["HandoffModel", "TestSupport"]),
    .testTarget(
      name: "HandoffStoreTests", dependencies: ["HandoffModel", "HandoffStore", "TestSupport", "handoff"]),
    .testTarget(
      name: "HandoffTerminalTests",
      dependencies: [
        "HandoffSystem", "HandoffTerminal", "HandoffTerminalTesting", "TestSupport", "terminal-example",
      ]),
    .testTarget(
      name: "HandoffAppTests",
      dependencies: [
        "HandoffModel", "HandoffStore", "HandoffSystem", "HandoffTerminal", "HandoffApp",
        "HandoffTerminalTesting", "TestSupport", "handoff",
      ],
      // Golden screens, read by path from the tests.
      exclude: ["Expected"]),
    .testTarget(
      name: "HandoffCLITests",
      dependencies: [
        "HandoffModel", "HandoffStore", "HandoffCLI", "HandoffTerminalTesting", "TestSupport", "handoff",
      ]),
  ]
)
