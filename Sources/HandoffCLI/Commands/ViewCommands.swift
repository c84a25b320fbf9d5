import HandoffModel
import HandoffPresentation
import HandoffStore
import HandoffText

/// The command that lists many leads: `list` (`export` is `ExportCommand`).
enum ViewCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "list", travels: true,
      usage:
        "list [--stage S] [--owner H|none] [--dept D] [--search TEXT] [--recycled] [--stale] [--breached] [--since DATE] [--at TIME] [--json]",
      summary: "leads, filtered",
      flags: [
        .value("stage", "S", .stage), .value("owner", "H", .memberOrNone),
        .value("dept", "D", .department), .value("search", "TEXT"),
        .toggle("recycled"), .toggle("stale"), .toggle("breached"), .value("since", "DATE"),
      ],
      details: """
        Every filter given must hold. --search matches id, name, company, e-mail, owner \
        (or unassigned) and source, as the dashboard's / does; --recycled keeps leads sales \
        sent back and marketing has not qualified again; --stale open deals with no \
        activity for the stale-days setting; --breached queued leads past the acceptance \
        SLA; --since leads with activity at or after DATE (2026-12-01, or 7d for a week \
        ago). --at TIME lists the leads as they stood then (stages, owners, SLA ages of \
        then). Output to a pipe or file is never cut to a width.
        """,
      run: list)
  ]

  private static func list(_ ctx: Context, _ args: Arguments) throws {
    let pipeline = try ctx.pipeline()
    var leads: [Lead]
    if let s = args.value("stage") {
      let stage = try Values.stage(s)
      leads = pipeline.leads(of: .stage(stage), in: 0..<pipeline.count(of: .stage(stage)))
    } else {
      leads = pipeline.allLeads
    }
    if let owner = args.value("owner") {
      if owner == "none" {
        leads = leads.filter { $0.owner == nil }
      } else {
        try ctx.requireMember(owner)
        leads = leads.filter { $0.owner == owner }
      }
    }
    if let d = args.value("dept") {
      let dept = try Values.department(d)
      leads = leads.filter { $0.stage.department == dept }
    }
    if let text = args.value("search") {
      let search = LeadSearch(text)
      leads = leads.filter { search.matches($0) }
    }
    let deadlines = Deadlines(pipeline)
    if args.has("recycled") { leads = leads.filter { $0.recycled != nil } }
    if args.has("stale") { leads = leads.filter { deadlines.isStale($0, at: ctx.now) } }
    if args.has("breached") {
      leads = leads.filter { deadlines.sla(of: $0, at: ctx.now)?.state == .breached }
    }
    if let since = args.value("since") {
      let moment = try Values.moment(since, "--since", now: ctx.now, zone: pipeline.zone)
      leads = leads.filter { $0.lastActivityAt >= moment }
    }
    if ctx.json {
      ctx.printJSON { w in
        w.beginArray(onePerLine: true)
        for lead in leads { LogFormat.write(lead: lead, notes: nil, into: &w) }
        w.endArray()
      }
      return
    }
    let now = ctx.now
    let currency = pipeline.settings.currency
    // Listing the queue shows each lead's SLA: time left, or how long it is overdue.
    let showSLA = leads.contains { $0.stage == .queued }
    var columns: [TableText.Column] = [
      .init("ID", alignment: .right), .init("STAGE"), .init("OWNER", flexible: true),
      .init("SCORE", alignment: .right), .init("VALUE", alignment: .right),
      .init("AGE", alignment: .right),
    ]
    if showSLA { columns.append(.init("SLA", alignment: .right)) }
    columns += [
      .init("NAME", flexible: true, minimum: 10), .init("COMPANY", flexible: true, minimum: 8),
    ]
    var table = TableText(columns)
    for lead in leads {
      var cells = [
        String(lead.id), lead.stage.rawValue, lead.owner ?? "-", String(lead.score),
        Money.compact(lead.value, currency: currency),
        DurationText.compact(now - lead.stageEnteredAt),
      ]
      if showSLA {
        cells.append(
          deadlines.sla(of: lead, at: now).map { DurationText.sla($0.remaining) } ?? "")
      }
      table.add(cells + [lead.name, lead.company])
    }
    ctx.print(table)
  }
}
