import HandoffStore
import HandoffText

/// Setting a store up: `init` creates it where `--store` names it, `migrate` copies a
/// store into another of either kind.
enum StoreSetupCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "init", usage: "init",
      summary: "create the store named by --store (log file or PostgreSQL tables)",
      details:
        "Idempotent: a store that is already there is left as it is. A PostgreSQL store's "
        + "tables are versioned (see docs/POSTGRES.md); the database itself must exist.",
      run: initialize),
    CommandSpec(
      name: "migrate", usage: "migrate --from STORE --to STORE",
      summary: "copy all events into an empty store (file ↔ PostgreSQL), verified",
      flags: [.value("from", "STORE", .file), .value("to", "STORE", .file)],
      details:
        "Copies event for event, with sequence numbers, times and actors, all or nothing; "
        + "then reads the copy back from scratch and checks it folds to the same state. "
        + "The source is not changed.",
      run: migrate),
  ]

  private static func initialize(_ ctx: Context, _ args: Arguments) throws {
    let store = try ctx.unopenedStore()
    let created = try store.create()
    let opened = try ctx.store()
    let name = UntrustedTextCLI.safe(store.name)
    if ctx.json {
      ctx.printJSON { w in
        w.open()
        w.field("store", store.name)
        w.field("created", created)
        w.field("events", opened.pipeline.eventCount)
        w.close()
      }
    } else if created {
      ctx.print("created the store at \(name)")
    } else {
      let events = opened.pipeline.eventCount
      ctx.print("\(name) already holds a store (\(events) event\(events == 1 ? "" : "s"))")
    }
  }

  private static func migrate(_ ctx: Context, _ args: Arguments) throws {
    guard let from = args.value("from"), let to = args.value("to") else {
      throw CLIError.usage("migrate needs --from STORE and --to STORE")
    }
    let source = try ctx.makeStore(at: StoreAddress(from))
    try source.open()
    let target = try ctx.makeStore(at: StoreAddress(to))
    try target.open()
    let report = try StoreMigration.copy(from: source, to: target) { () throws(StoreError) in
      try ctx.makeStore(at: StoreAddress(to))
    }
    // The copied history's travel stops, saved for the new store as `demo` saves them.
    _ = try? TimeTravel(store: target).saveMissingStops()
    if ctx.json {
      ctx.printJSON { w in
        w.open()
        w.field("from", source.name)
        w.field("to", target.name)
        w.field("events", report.events)
        w.field("leads", report.leads)
        w.field("members", report.members)
        w.field("verified", true)
        w.close()
      }
      return
    }
    ctx.print(
      "copied \(report.events) events (\(report.leads) leads, \(report.members) members) from "
        + "\(UntrustedTextCLI.safe(source.name)) to \(UntrustedTextCLI.safe(target.name)); "
        + "the copy folds to the same state")
  }
}
