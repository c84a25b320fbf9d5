import HandoffDemo
import HandoffModel
import HandoffPresentation
import HandoffStore
import HandoffText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Commands about the store as a whole: demo data, checks, compaction, simulation.
enum StoreCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "demo", usage: "demo [--leads N] [--seed S] [--force]",
      summary: "fill the store with a realistic demo team and history",
      flags: [.value("leads", "N"), .value("seed", "S"), .toggle("force")],
      details:
        "Refuses a store that already holds leads unless --force. Default: 2000 leads, seed 1.",
      run: demo),
    CommandSpec(
      name: "check", usage: "check [--repair]",
      summary: "report every problem in the log (--repair: move bad lines aside)",
      flags: [.toggle("repair")], run: check),
    CommandSpec(
      name: "compact", usage: "compact",
      summary: "rewrite the log into the fewest events (history kept in a backup)", run: compact),
    CommandSpec(
      name: "simulate", usage: "simulate [--rate EVENTS_PER_S] [--for DURATION] [--seed S]",
      summary: "play a live team against the store",
      flags: [.value("rate", "EVENTS_PER_S"), .value("for", "DURATION"), .value("seed", "S")],
      details: "Default rate 2 events per second, until interrupted.", run: simulate),
  ]

  private static func demo(_ ctx: Context, _ args: Arguments) throws {
    let leads =
      try args.value("leads").map { try Values.integer($0, "leads", in: 0...1_000_000) } ?? 2000
    let seed = try args.value("seed").map { try Values.integer($0, "seed", in: 0...Int.max) } ?? 1
    let store = try ctx.store()
    let now = ctx.now
    /// The demo planned on a state: refused on a store with leads (unless --force) or
    /// with a member in the other department; members already there are kept.
    func plan(_ pipeline: Pipeline) throws(StoreError) -> [PlannedEvent] {
      if pipeline.leadCount > 0, !args.has("force") {
        throw .refused(
          "\(store.name) already holds \(pipeline.leadCount) leads (add --force to add the demo anyway)"
        )
      }
      var events = DemoTeam.events(
        leads: leads, seed: UInt64(seed), now: now, zone: pipeline.zone,
        firstLeadID: pipeline.nextLeadID)
      for event in events {
        guard case .memberJoined(let m) = event.body, let existing = pipeline.member(m.handle),
          existing.active, existing.department != m.department
        else { continue }
        throw .refused(
          "the demo team needs \(UntrustedTextCLI.safe(m.handle)) in \(m.department.rawValue), but they are in \(existing.department.rawValue) here"
        )
      }
      events.removeAll {
        if case .memberJoined(let m) = $0.body { return pipeline.member(m.handle)?.active == true }
        return false
      }
      return events
    }
    // Generated before the lock (a large demo takes seconds, and other writers wait for
    // the lock); planned again under it only if someone wrote in between, so what is
    // appended always fits the caught-up state.
    let seen = store.pipeline.lastSeq
    let planned = try plan(store.pipeline)
    let result = try store.batch { (pipeline) throws(StoreError) in
      pipeline.lastSeq == seen ? planned : try plan(pipeline)
    }
    // A history of months written at once: its travel stops saved now, so that the
    // first `--at` decodes one instead of folding it all. A cache: not saving it is no
    // failure of the command.
    _ = try? TimeTravel(store: store).saveMissingStops()
    if ctx.json {
      ctx.printJSON { w in
        w.open()
        w.field("store", store.name)
        w.field("leads", leads)
        w.field("events", result.count)
        w.close()
      }
      return
    }
    ctx.print(
      "added \(leads) lead\(leads == 1 ? "" : "s") (\(result.count) events) to \(UntrustedTextCLI.safe(store.name))"
    )
  }

  private static func check(_ ctx: Context, _ args: Arguments) throws {
    let store = try ctx.unopenedStore()
    let report = args.has("repair") ? try store.repair() : store.check()
    if ctx.json {
      ctx.printJSON { w in
        w.open()
        w.field("events", report.events)
        w.beginArray("problems")
        for problem in report.problems { w.string(problem) }
        w.endArray()
        w.nullable("side_file", report.sideFile)
        w.close()
      }
    } else {
      for problem in report.problems { ctx.print(UntrustedTextCLI.safe(problem)) }
      ctx.print(summary(report))
    }
    if !report.problems.isEmpty, !args.has("repair") {
      throw CLIError.failure(
        "the log has problems: run handoff check --repair to move bad lines aside")
    }
  }

  /// The last line of `check`: how many events and problems, and where bad lines went.
  private static func summary(_ report: CheckReport) -> String {
    var summary =
      "\(report.events) events, \(report.problems.count) problem"
      + (report.problems.count == 1 ? "" : "s")
    if let side = report.sideFile {
      summary += "; bad lines moved to \(UntrustedTextCLI.safe(side))"
    }
    return summary
  }

  private static func compact(_ ctx: Context, _ args: Arguments) throws {
    let store = try ctx.store()
    let report = try store.compact()
    if ctx.json {
      ctx.printJSON { w in
        w.open()
        w.field("before", report.before)
        w.field("after", report.after)
        w.nullable("backup", report.backup)
        w.close()
      }
      return
    }
    ctx.print(
      "compacted \(report.before) events into \(report.after)"
        + (report.backup.map { "; history kept in \(UntrustedTextCLI.safe($0))" } ?? ""))
  }

  private static func simulate(_ ctx: Context, _ args: Arguments) throws {
    let rate =
      try args.value("rate").map { text -> Double in
        guard let r = Double(text), r > 0, r <= 10_000 else {
          throw CLIError.usage(
            "rate '\(UntrustedTextCLI.safe(text))' is not valid: expected events per second such as 2 or 0.5"
          )
        }
        return r
      } ?? 2
    let limit = try args.value("for").map { try Values.duration($0, "duration") }
    let seed = try args.value("seed").map { try Values.integer($0, "seed", in: 0...Int.max) }
    let store = try ctx.store()
    var simulator = TeamSimulator(seed: UInt64(seed ?? Int(ctx.now.milliseconds)))
    let start = ctx.now
    let interval = 1 / rate
    var next = monotonicSeconds()
    while true {
      let now = ctx.now
      if let limit, now - start >= limit { break }
      _ = try? store.refresh()
      let zone = store.pipeline.zone
      if let (actor, command) = simulator.next(pipeline: store.pipeline, at: now) {
        do {
          let event = try store.perform(command, by: actor)
          if ctx.json {
            // Each event as the log holds it, one per line.
            ctx.printJSON(LogFormat.line(event))
            if ctx.out.closed { break }
            continue
          }
          let text = EventText.describe(
            event, zone: zone, currency: store.pipeline.settings.currency)
          ctx.print(
            "\(LocalTime.format(event.at, zone: zone))  \(UntrustedTextCLI.safe(actor))  \(UntrustedTextCLI.safe(text))"
          )
          if ctx.out.closed { break }
        } catch {
          ctx.err.line("handoff: simulate: \(UntrustedTextCLI.safe(String(describing: error)))")
        }
      }
      next += interval
      let wait = next - monotonicSeconds()
      if wait > 0 { sleepSeconds(wait) } else { next = monotonicSeconds() }
    }
  }

  private static func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  private static func sleepSeconds(_ s: Double) {
    var ts = timespec(tv_sec: Int(s), tv_nsec: Int((s - s.rounded(.down)) * 1e9))
    var left = timespec()
    while nanosleep(&ts, &left) != 0, errno == EINTR { ts = left }
  }
}
