import HandoffImport
import HandoffModel
import HandoffStore
import HandoffSystem
import HandoffText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `handoff import`: leads from a CRM export or a spreadsheet, all or nothing.
enum ImportCommand {
  static let spec = CommandSpec(
    name: "import",
    usage:
      "import FILE|- [--from hubspot|salesforce|pipedrive|handoff|csv|jsonl] [--dry-run] [--skip-bad] [--map COLUMN=FIELD]... [--map-owner NAME_OR_EMAIL=HANDLE]... [--stage-map VALUE=STAGE]... [--source-map VALUE=SOURCE]... [--date-order dmy|mdy] [--json]",
    summary: "bring leads in from a CRM export or a spreadsheet, all or nothing",
    flags: [
      .value(
        "from", "SOURCE",
        .choices(["hubspot", "salesforce", "pipedrive", "handoff", "csv", "jsonl"])),
      .toggle("dry-run"), .toggle("skip-bad"),
      .value("map", "COLUMN=FIELD"),
      .value("map-owner", "NAME_OR_EMAIL=HANDLE"), .value("stage-map", "VALUE=STAGE"),
      .value("source-map", "VALUE=SOURCE"),
      .value("date-order", "dmy|mdy", .choices(["dmy", "mdy"])),
    ],
    positionals: 1...1, arguments: [.file],
    details: """
      Reads FILE (- for standard input): UTF-8, UTF-16 or Windows-1252; comma, semicolon \
      or tab; HubSpot, Salesforce and Pipedrive exports are recognised by their headers, \
      as are Handoff's own and any sheet naming its fields. Leads are matched by e-mail: \
      existing ones are updated, a second import of the same file writes nothing. A \
      refused row is named FILE:LINE; without --skip-bad nothing is written then. \
      --dry-run prints the plan, with --map-owner / --stage-map lines to paste. The \
      options and every mapping table: docs/IMPORT.md.
      """,
    run: run)

  /// What an import would write, planned against one state of the store.
  private struct Staged {
    var report: ImportReport
    var events: [PlannedEvent]
    var lastSeq: Int64
  }

  private static func run(_ ctx: Context, _ args: Arguments) throws {
    let path = try args.positional(0, "file (or - for standard input)")
    let options = try parseOptions(args)
    let dryRun = args.has("dry-run")
    let skipBad = args.has("skip-bad")
    let name = path == "-" ? "stdin" : path
    let actor = try ctx.user()
    let progress = ImportProgress(file: name, enabled: ctx.err.isTerminal)
    defer { progress.finish() }
    // The file's bytes are let go once read: the rows keep what the import uses.
    var bytes: [UInt8]? = try read(path)
    let store = try ctx.store()
    progress.phase("reading")
    let file: ImportFile
    do {
      file = try ImportFile.read(bytes.take() ?? [], file: name, options: options)
    } catch {
      throw CLIError.failure("\(name): \(error)")
    }
    progress.phase("checking", total: file.rows.count)
    var staged = try stage(file, options, store.pipeline, actor: actor, now: ctx.now, progress)
    let refused = staged.report.refused
    if dryRun || (refused > 0 && !skipBad) || staged.events.isEmpty {
      progress.finish()
      // Refused rows stop the import: the counts are what it would have done.
      show(staged.report, ctx, dryRun: dryRun || (refused > 0 && !skipBad), written: false)
      if refused > 0, !skipBad {
        throw CLIError.failure(
          "\(refused) row\(refused == 1 ? "" : "s") refused: \(dryRun ? "the import would write" : "wrote") nothing (fix them, or add --skip-bad to import the rest)"
        )
      }
      return
    }
    progress.phase("writing \(staged.events.count) events")
    let now = ctx.now
    var handedOver = false
    try store.batch { (pipeline) throws(StoreError) in
      // Another writer got in since the plan: plan again on what the store holds now
      // (also when the store asks again after the events were handed over: a database
      // that reconnected).
      if pipeline.lastSeq != staged.lastSeq || handedOver {
        do {
          let again = try stage(file, options, pipeline, actor: actor, now: now, nil)
          if again.report.refused > refused, !skipBad {
            throw StoreError.refused(
              "the store changed while importing, and \(again.report.refused - refused) more rows no longer fit: run the import again"
            )
          }
          staged = again
        } catch let error as StoreError {
          throw error
        } catch {
          throw .refused("\(name): \(error)")
        }
      }
      // Handed over, not shared: the store lets them go once written.
      defer {
        staged.events = []
        handedOver = true
      }
      return staged.events
    }
    progress.finish()
    show(staged.report, ctx, dryRun: false, written: true)
  }

  /// The file planned against `pipeline`: the report and the events.
  private static func stage(
    _ file: ImportFile, _ options: ImportOptions, _ pipeline: Pipeline, actor: String,
    now: Timestamp, _ progress: ImportProgress?
  ) throws -> Staged {
    let baseline = ImportBaseline(
      leads: pipeline.allLeads, members: pipeline.members,
      memberEmails: Dictionary(
        pipeline.members.compactMap { m in m.email.map { (m.handle, $0) } },
        uniquingKeysWith: { a, _ in a }),
      currency: pipeline.settings.currency, zone: pipeline.zone, now: now)
    let result: Importer.Result
    do {
      result = try Importer(options: options, baseline: baseline).plan(file) {
        progress?.advance(to: $0)
      }
    } catch {
      throw CLIError.failure("\(file.name): \(error)")
    }
    let planner: ImportEvents.LeadPlanner = { (command, lead) throws(ModelError) in
      try Planner(pipeline).plan(command, on: lead, by: actor, at: now)
    }
    let events = ImportEvents(
      result.plan, existingIDs: { pipeline.lead($0) != nil }, nextID: pipeline.nextLeadID,
      keepIDs: file.source == .handoff || file.source == .jsonl, actor: actor, now: now,
      planner: planner)
    var report = result.report
    report.problems += events.problems
    report.problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
    report.created = events.created
    report.updated = events.updated
    return Staged(report: report, events: events.events, lastSeq: pipeline.lastSeq)
  }

  /// The report as text (every line made safe for a terminal) or JSON.
  private static func show(_ report: ImportReport, _ ctx: Context, dryRun: Bool, written: Bool) {
    if ctx.json {
      ctx.printJSON { report.writeJSON(into: &$0, dryRun: dryRun, written: written) }
      return
    }
    for line in report.lines(dryRun: dryRun) { ctx.print(UntrustedTextCLI.safe(line)) }
  }

  private static func parseOptions(_ args: Arguments) throws(CLIError) -> ImportOptions {
    var options = ImportOptions()
    do {
      if let from = args.value("from") {
        guard let source = ImportSource(option: from) else {
          throw CLIError.usage(
            "--from '\(UntrustedTextCLI.safe(from))' is not one of: hubspot, salesforce, pipedrive, handoff, csv, jsonl"
          )
        }
        options.source = source
      }
      if let order = args.value("date-order") {
        guard let o = DateReading.Order(rawValue: order.lowercased()) else {
          throw CLIError.usage(
            "--date-order '\(UntrustedTextCLI.safe(order))' is not dmy (day first) or mdy (month first)"
          )
        }
        options.dateOrder = o
      }
      for m in args.values("map") { try options.map(m) }
      for m in args.values("map-owner") { try options.mapOwner(m) }
      for m in args.values("stage-map") { try options.mapStage(m) }
      for m in args.values("source-map") { try options.mapSource(m) }
    } catch let error as CLIError {
      throw error
    } catch {
      throw CLIError.usage(UntrustedTextCLI.safe(String(describing: error)))
    }
    return options
  }

  /// The bytes of FILE, or of standard input for `-`.
  private static func read(_ path: String) throws(CLIError) -> [UInt8] {
    do {
      if path == "-" { return try FileDescriptor.standardInput.readToEnd() }
      let fd = try FileDescriptor.open(path, O_RDONLY)
      defer { fd.close() }
      return try fd.readToEnd()
    } catch {
      throw .failure("cannot read \(UntrustedTextCLI.safe(path)): \(error)")
    }
  }
}
