import Foundation
import HandoffApp
import HandoffDemo
import HandoffModel
import HandoffStore
import HandoffTerminal
import HandoffText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where `handoff` with no command (the dashboard) and `handoff snapshot` start: the
/// one dispatch point into the dashboard. The global options the dashboard needs
/// (`--store`, `--user`, `--theme`, `--color`/`--no-color`, `--demo`) are already
/// parsed into `context.options`.
enum DashboardEntry {
  /// `handoff` with no command: the live dashboard; with `--demo`, on a fresh demo
  /// store with a simulated team working on it.
  static func run(_ context: Context) throws -> Int32 {
    let theme = try Theme.resolve(context.settings.theme.value, environment: context.environment)
    guard context.options.demo else {
      let address = try context.storeAddress()
      if case .file(let path) = address { try StoreGuard.requireFolder(context, path: path) }
      var options = DashboardOptions(
        store: try context.makeStore(), user: try context.user(), theme: theme,
        environment: context.environment, clock: context.clock)
      options.keymap = context.settings.keymap
      options.notify = context.settings.notify.value
      // A store not there yet opens on the first-run screen, not an empty dashboard.
      if StoreGuard.isMissing(address) {
        options.firstRunStore = address.displayName
      } else {
        options.at = try context.atMoment()
      }
      options.makeTravelStore = { try? context.makeStore(at: address) }
      return try Dashboard.run(options: options)
    }
    let address =
      try context.options.store.map(StoreAddress.init) ?? .file(DemoStore.temporaryPath())
    if context.options.store != nil, case .file(let path) = address {
      try StoreGuard.requireFolder(context, path: path)
    }
    // A demo store of our own making is removed when the dashboard closes (after the
    // simulated colleague has stopped); one named with --store is the user's to keep.
    defer {
      if context.options.store == nil, case .file(let path) = address {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
      }
    }
    let demo = try context.makeStore(at: address)
    let user = try DemoStore.prepare(demo, context: context)
    let at = try context.atMoment(zone: demo.pipeline.zone)
    let simulation = DemoSimulation(store: try context.makeStore(at: address))
    simulation.start()
    defer { simulation.stop() }
    var options = DashboardOptions(
      store: try context.makeStore(at: address), user: user, theme: theme,
      environment: context.environment, clock: context.clock)
    options.keymap = context.settings.keymap
    options.at = at
    options.notify = context.settings.notify.value
    options.makeTravelStore = { try? context.makeStore(at: address) }
    return try Dashboard.run(options: options)
  }

  /// `handoff snapshot [--view V] [ID] [--width W] [--height H]`.
  static let snapshotSpec = CommandSpec(
    name: "snapshot", travels: true,
    usage:
      "snapshot [--view dashboard|queue|marketing|sales|targets|lead] [ID] [--width W] [--height H] [--at TIME]",
    summary: "one frame of the dashboard as text",
    flags: [
      .value(
        "view", "VIEW", .choices(["dashboard", "queue", "marketing", "sales", "targets", "lead"])),
      .value("width", "W"), .value("height", "H"),
    ],
    positionals: 0...1, arguments: [.lead],
    details:
      "For scripts, cron mail and documentation. Default 120×36; --view lead needs ID; --at TIME draws the view as it stood then.",
    run: { ctx, args in try snapshot(ctx, args) })

  /// One frame of the dashboard as text (with `--json`, its lines).
  static func snapshot(_ context: Context, _ args: Arguments) throws {
    try StoreGuard.check(context, command: "snapshot")
    let name = args.value("view") ?? "dashboard"
    let lead = try args.positionals.first.map { try Values.integer($0, "lead", in: 1...Int.max) }
    guard let view = SnapshotView(name: name, lead: lead) else {
      throw CLIError.usage(
        "view '\(UntrustedTextCLI.safe(name))' is not valid: expected dashboard, queue, marketing, sales, targets or lead ID"
      )
    }
    let width = try args.value("width").map { try Values.integer($0, "width", in: 20...1000) }
    let height = try args.value("height").map { try Values.integer($0, "height", in: 5...500) }
    let color =
      context.options.color
      ?? (!context.json && context.out.isTerminal && context.environment["NO_COLOR"] == nil)
    var options = SnapshotOptions(
      store: try context.makeStore(),
      user: context.settings.user?.value ?? "viewer",
      view: view, width: width ?? 120, height: height ?? 36, color: color,
      theme: try Theme.resolve(context.settings.theme.value, environment: context.environment),
      depth: snapshotDepth(context), clock: context.clock)
    options.keymap = context.settings.keymap
    options.at = try context.atMoment()
    let frame = try Dashboard.snapshot(options: options)
    guard context.json else {
      context.out.write(frame)
      return
    }
    // The frame's rows as strings (the writer escapes any colour sequences).
    context.printJSON { w in
      w.open()
      w.field("view", name)
      w.field("width", options.width)
      w.field("height", options.height)
      w.key("lines")
      w.beginArray(onePerLine: true)
      for line in frame.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
        w.string(String(line))
      }
      w.endArray()
      w.close()
    }
  }
}

/// The colours a coloured snapshot uses: what the environment says, and at least the
/// 16 ANSI colours when `--color` asked for colour where the environment says none.
private func snapshotDepth(_ context: Context) -> ColorDepth {
  let detected = ColorDepth.detect(environment: context.environment)
  return detected == .none ? .ansi16 : detected
}

/// The demo's store: a fresh log with a generated team history.
enum DemoStore {
  /// A new file in a new temporary directory.
  static func temporaryPath() throws -> String {
    var template = Array((NSTemporaryDirectory() + "/handoff-demo-XXXXXX").utf8CString)
    guard let dir = mkdtemp(&template) else {
      throw CLIError.failure("cannot make a temporary directory for the demo")
    }
    return String(cString: dir) + "/handoff.log"
  }

  /// Fills an empty store with the demo team; returns who the dashboard acts as (the
  /// user asked for, else the first sales rep, so every key works).
  static func prepare(_ store: any EventStore, context: Context) throws -> String {
    try store.open()
    try store.batch { pipeline in
      // Planned under the store's lock: nobody else's leads can land in between.
      guard pipeline.leadCount == 0 else { return [] }
      return DemoTeam.events(
        leads: 2000, seed: 1, now: context.now, zone: pipeline.zone,
        firstLeadID: pipeline.nextLeadID)
    }
    if let user = context.settings.user, user.origin != .builtIn("login name") {
      return user.value
    }
    return store.pipeline.members.first { $0.department == .sales && $0.active }?.handle ?? "demo"
  }
}

/// The simulated team of `--demo`: a thread with its own store object on the same store,
/// as a colleague's process would have, appending about two events a second.
final class DemoSimulation: @unchecked Sendable {
  /// Used only by the simulation's thread once it starts.
  private let store: any EventStore
  private let lock = NSLock()
  private var stopped = false
  private var thread: Thread?

  init(store: any EventStore) { self.store = store }

  func start() {
    let thread = Thread { [self] in
      guard (try? store.open()) != nil else { return }
      var simulator = TeamSimulator(seed: UInt64(store.clock.now().milliseconds))
      while !isStopped {
        _ = try? store.refresh()
        let now = store.clock.now()
        if let (actor, command) = simulator.next(pipeline: store.pipeline, at: now) {
          _ = try? store.perform(command, by: actor)
        }
        // Pacing only: a person should see the queue move, not a blur.
        usleep(UInt32.random(in: 300_000...700_000))
      }
    }
    self.thread = thread
    thread.start()
  }

  func stop() { lock.withLock { stopped = true } }

  private var isStopped: Bool { lock.withLock { stopped } }
}
