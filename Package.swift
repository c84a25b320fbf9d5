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
    // Text every layer shares: the one list of control characters that data must never
    // carry raw, and the one JSON writer. Knows nothing of leads, terminals or files.
    .target(name: "HandoffText"),
    // Pure domain: entities, stages, events, the fold, metrics. No I/O, no clock, no zone
    // database (both are injected).
    .target(name: "HandoffModel", dependencies: ["HandoffText"]),
    // The host's wall clock and time-zone database, behind the model's Clock and
    // ZoneDatabase: the edge (CLI, dashboard, bench) injects them; the model reads neither.
    .target(name: "HandoffHost", dependencies: ["HandoffModel"]),
    // Demo data and the simulated team, planned on the model.
    .target(name: "HandoffDemo", dependencies: ["HandoffModel"]),
    // Reading CSV exports (HubSpot, Salesforce, Pipedrive, spreadsheets) into a plan of
    // leads to create and update. No I/O: bytes in, plan and report out.
    .target(name: "HandoffImport", dependencies: ["HandoffModel", "HandoffText"]),
    // The store interface (EventStore) and the event log on disk, its first implementation.
    .target(
      name: "HandoffStore",
      dependencies: ["HandoffModel", "HandoffPostgres", "HandoffSystem", "HandoffText"]),
    // The PostgreSQL client: the frontend/backend protocol (v3), its sign-in methods
    // (SCRAM-SHA-256 with the hashes written here, md5, password) and connection strings.
    // Knows nothing of leads.
    .target(name: "HandoffPostgres", dependencies: ["HandoffSystem", "HandoffText"]),
    // Raw-ANSI terminal engine: cells, text, styles, themes, layout, widgets, the renderer,
    // input decoding, and the session over a terminal device. Pure: no system calls (it
    // names file descriptors, never calls on them). Knows nothing of leads.
    .target(name: "HandoffTerminal", dependencies: ["HandoffSystem", "HandoffText"]),
    // The real terminal device: termios raw mode, the window size, signals and the
    // self-pipe, poll over standard input. The only terminal code that calls the system.
    .target(name: "HandoffTTY", dependencies: ["HandoffTerminal", "HandoffSystem"]),
    // Drives terminal programs without a person: a fake terminal device in memory, a
    // pseudo-terminal for a real process, an independent model of the screen. Used by
    // the tests and the benchmark; no product links it.
    .target(name: "HandoffTerminalTesting", dependencies: ["HandoffTerminal", "HandoffSystem"]),
    // Words and numbers for people, shared by dashboard and CLI: events in plain words,
    // dates, durations, money, percentages, tables printed as text.
    .target(name: "HandoffPresentation", dependencies: ["HandoffModel", "HandoffTerminal"]),
    // The dashboard: state, update, views, event loop.
    .target(
      name: "HandoffApp",
      dependencies: [
        "HandoffModel", "HandoffStore", "HandoffSystem", "HandoffTerminal", "HandoffTTY",
        "HandoffPresentation",
      ]),
    // Argument parsing, commands, help, errors.
    .target(
      name: "HandoffCLI",
      dependencies: [
        "HandoffModel", "HandoffImport", "HandoffStore", "HandoffSystem", "HandoffText",
        "HandoffTerminal", "HandoffTTY", "HandoffPresentation", "HandoffApp", "HandoffDemo",
        "HandoffHost",
      ]),
    .executableTarget(name: "handoff", dependencies: ["HandoffCLI"]),
    // The benchmark: an executable target for `swift run handoff-bench`, not a product.
    // It runs the dashboard on a pseudo-terminal and watches its loop through an observer.
    .executableTarget(
      name: "handoff-bench",
      dependencies: [
        "HandoffModel", "HandoffStore", "HandoffSystem", "HandoffDemo", "HandoffHost",
        "HandoffTerminal", "HandoffApp", "HandoffCLI", "HandoffTerminalTesting", "HandoffImport",
        "HandoffPostgresCluster",
      ]),
    // Throwaway PostgreSQL servers (initdb + pg_ctl in a temporary folder, run as a
    // non-root user when this process is root), for the tests and the benchmark's
    // PostgreSQL figures; no product links it.
    .target(name: "HandoffPostgresCluster", dependencies: ["HandoffSystem"]),
    // A small program on the terminal engine alone, driven by the engine's pty tests.
    .executableTarget(name: "terminal-example", dependencies: ["HandoffTerminal", "HandoffTTY"]),

    .target(
      name: "TestSupport", dependencies: ["HandoffDemo", "HandoffSystem", "HandoffTerminalTesting"],
      path: "Tests/TestSupport"),
    .testTarget(name: "HandoffSystemTests", dependencies: ["HandoffSystem", "TestSupport"]),
    .testTarget(name: "HandoffTextTests", dependencies: ["HandoffText"]),
    .testTarget(
      name: "HandoffPresentationTests",
      dependencies: ["HandoffModel", "HandoffHost", "HandoffTerminal", "HandoffPresentation"]),
    // The store contract, run against every kind of store (file log and PostgreSQL).
    .testTarget(
      name: "StoreContractTests",
      dependencies: [
        "HandoffModel", "HandoffStore", "HandoffHost", "HandoffPostgres", "HandoffSystem",
        "HandoffTerminal", "HandoffTerminalTesting", "HandoffPostgresCluster", "HandoffApp",
        "TestSupport", "handoff",
      ]),
    .testTarget(
      name: "HandoffImportTests",
      dependencies: ["HandoffImport", "HandoffModel", "HandoffHost", "TestSupport"],
      // CSV files built from each CRM's documented columns, read by path from the tests.
      exclude: ["Fixtures"]),
    .testTarget(
      name: "HandoffPostgresTests",
      dependencies: ["HandoffPostgres", "HandoffSystem", "HandoffPostgresCluster", "TestSupport"]),
    .testTarget(
      name: "HandoffModelTests",
      dependencies: ["HandoffModel", "HandoffDemo", "HandoffHost", "TestSupport"]),
    .testTarget(
      name: "HandoffDemoTests", dependencies: ["HandoffModel", "HandoffDemo", "HandoffHost"]),
    .testTarget(
      name: "HandoffStoreTests",
      dependencies: [
        "HandoffModel", "HandoffStore", "HandoffSystem", "HandoffDemo", "HandoffHost", "TestSupport",
        "handoff",
      ]),
    .testTarget(
      name: "HandoffTerminalTests",
      dependencies: [
        "HandoffSystem", "HandoffTerminal", "HandoffTerminalTesting", "TestSupport", "terminal-example",
      ]),
    .testTarget(
      name: "HandoffAppTests",
      dependencies: [
        "HandoffModel", "HandoffStore", "HandoffSystem", "HandoffDemo", "HandoffHost",
        "HandoffTerminal", "HandoffApp", "HandoffTerminalTesting", "TestSupport", "handoff",
      ],
      // Golden screens, read by path from the tests.
      exclude: ["Expected"]),
    .testTarget(
      name: "HandoffCLITests",
      dependencies: [
        "HandoffModel", "HandoffStore", "HandoffSystem", "HandoffHost", "HandoffCLI",
        "HandoffTerminalTesting", "TestSupport", "handoff",
      ]),
  ]
)
