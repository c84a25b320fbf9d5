import HandoffModel
import HandoffPresentation

/// `handoff report`: the standup report of a span (since yesterday by default), per
/// department and member, as text for a mail, Markdown for a chat or wiki, or JSON.
enum ReportCommand {
  static let spec = CommandSpec(
    name: "report",
    usage: "report [--since yesterday|7d|DATE] [--dept D] [--member H] [--json | --markdown]",
    summary: "what the team did since yesterday (a standup report)",
    flags: [
      .value("since", "WHEN"), .value("dept", "D"), .value("member", "H"), .toggle("markdown"),
    ],
    details: """
      Per department and member, what happened from --since until now: new leads, MQLs \
      and handoffs; leads accepted, rejected and recycled (with their reasons); deals won \
      (with their value) and lost (with reasons); SLA breaches and who held the lead; \
      follow-ups done, and those overdue now. Then where each target of the current \
      period stands (attainment and pace). --since takes yesterday (the default: from \
      the start of yesterday), today, a date (2026-12-01), a date and time ('2026-12-01 \
      14:00') or a span back (7d, 12h, 2w). --dept and --member narrow it to one \
      department or one member. The text fits 80 columns for a mail; --markdown pastes \
      into a chat or a wiki; --json has snake_case keys. The report reads the log's events: \
      after handoff compact, only what happened since is counted.
      """,
    run: run)

  private static func run(_ ctx: Context, _ args: Arguments) throws {
    let store = try ctx.store()
    let pipeline = store.pipeline
    let now = ctx.now
    let from = try Values.moment(
      args.value("since") ?? "yesterday", "--since", now: now, zone: pipeline.zone)
    guard from < now else {
      throw CLIError.usage(
        "--since must be in the past (it names \(LocalTime.format(from, zone: pipeline.zone)))")
    }
    let department = try args.value("dept").map(Values.department)
    let member = args.value("member")
    if let member { try ctx.requireMember(member) }
    if ctx.json && args.has("markdown") {
      throw CLIError.usage("--json and --markdown are one or the other")
    }
    let builder = StandupReportBuilder(fold: PipelineFold(zones: ctx.zones), from: from, to: now)
    try store.forEachEvent { builder.add($0) }
    let report = builder.report(department: department, member: member)
    if ctx.json {
      ctx.printJSON { StandupReportJSON.write(report, into: &$0) }
    } else if args.has("markdown") {
      ctx.out.write(StandupReportMarkdown(report: report).text)
    } else {
      ctx.out.write(StandupReportText(report: report, width: min(80, ctx.width)).text)
    }
  }
}
