import HandoffModel
import HandoffStore

/// Commands that read leads: `show`, `list`, `export`.
enum ViewCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "show", usage: "show ID [--json]",
      summary: "a lead with its notes, reasons and full history", positionals: 1...1, run: show),
    CommandSpec(
      name: "list", usage: "list [--stage S] [--owner H|none] [--dept D] [--json]",
      summary: "leads, filtered",
      flags: [.value("stage", "S"), .value("owner", "H"), .value("dept", "D")],
      run: list),
    CommandSpec(
      name: "export", usage: "export [--csv]",
      summary: "every lead, as JSON lines or CSV", flags: [.toggle("csv")],
      details: "CSV cells that a spreadsheet would read as a formula get a leading '.",
      run: export),
  ]

  private static func show(_ ctx: Context, _ args: Arguments) throws {
    let id = try Values.leadID(try args.positional(0, "lead id"))
    let lead = try ctx.lead(id)
    let pipeline = try ctx.pipeline()
    let notes = pipeline.notes(of: id)
    if ctx.json {
      ctx.printJSON(LogFormat.json(lead: lead, notes: notes))
      return
    }
    let history = try ctx.store().history(of: id)
    let zone = pipeline.zone
    let currency = pipeline.settings.currency
    let now = ctx.now
    let safe: (String) -> String = { UntrustedTextCLI.safe($0) }
    func time(_ t: Timestamp) -> String {
      LocalTime.format(t, zone: zone) + " (" + RelativeTime.ago(t, now: now) + ")"
    }
    var lines = [
      "\(lead.id)  \(safe(lead.name))" + (lead.company.isEmpty ? "" : ", \(safe(lead.company))")
    ]
    func field(_ name: String, _ value: String) {
      lines.append("  " + DisplayWidth.padded(name, to: 12) + value)
    }
    var stage = lead.stage.rawValue + " since " + time(lead.stageEnteredAt)
    if let sla = pipeline.sla(of: lead, at: now) {
      stage +=
        "; SLA \(sla.state.rawValue), " + DurationText.countdown(sla.remaining)
        + (sla.remaining.milliseconds > 0 ? " left" : "")
    }
    if pipeline.isStale(lead, at: now) { stage += "; stale" }
    field("stage", stage)
    field(
      "owner", lead.owner.map { safe($0) + (lead.unseenByOwner ? " (new to them)" : "") } ?? "none")
    if !lead.email.isEmpty { field("email", safe(lead.email)) }
    field(
      "source", safe(lead.source) + (lead.segment.isEmpty ? "" : "  segment " + safe(lead.segment)))
    field("score", String(lead.score))
    field("value", Money.format(lead.value, currency: currency))
    field("created", time(lead.createdAt))
    field(
      "last change",
      time(lead.lastActivityAt) + " by " + safe(lead.lastChangedBy) + ": "
        + safe(lead.lastChange.phrase))
    if let next = lead.nextFollowUp {
      field("follow-up", LocalTime.format(next, zone: zone) + (next < now ? " (overdue)" : ""))
    }
    if let reason = lead.reason { field("reason", safe(reason)) }
    if let r = lead.recycled {
      field(
        "recycled",
        "from \(r.from.rawValue) by \(safe(r.by)) on \(LocalTime.format(r.at, zone: zone)): \(safe(r.reason))"
      )
    }
    if let h = lead.handedOffBy { field("handed off", "by " + safe(h)) }
    field("version", String(lead.version))
    if !notes.isEmpty {
      lines.append("Notes")
      for n in notes {
        lines.append("  \(LocalTime.format(n.at, zone: zone))  \(safe(n.author))  \(safe(n.text))")
      }
    }
    lines.append("History")
    for e in history {
      lines.append(
        "  \(LocalTime.format(e.at, zone: zone))  \(safe(e.actor))  "
          + safe(EventText.describe(e, zone: zone, currency: currency)) + "  (v\(version(of: e)))")
    }
    ctx.print(lines.joined(separator: "\n"))
  }

  private static func version(of event: Event) -> String {
    switch event.body {
    case .leadCreated(let e): return String(e.lead.version)
    case .leadUpdated(let e): return String(e.version)
    case .leadScored(_, let v, _), .noteAdded(_, let v, _), .followUpLogged(_, let v, _):
      return String(v)
    case .leadMoved(let e): return String(e.version)
    case .leadAssigned(let e): return String(e.version)
    case .leadReverted(let e): return String(e.version)
    default: return "-"
    }
  }

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
    if ctx.json {
      ctx.printJSON(JSONText.array(leads.map { LogFormat.json(lead: $0, notes: nil) }))
      return
    }
    let now = ctx.now
    let currency = pipeline.settings.currency
    var table = TextTable([
      .init(title: "ID", rightAligned: true), .init(title: "STAGE"),
      .init(title: "OWNER", flexible: true),
      .init(title: "SCORE", rightAligned: true), .init(title: "VALUE", rightAligned: true),
      .init(title: "AGE", rightAligned: true), .init(title: "NAME", flexible: true, minimum: 10),
      .init(title: "COMPANY", flexible: true, minimum: 8),
    ])
    for lead in leads {
      table.add([
        String(lead.id), lead.stage.rawValue, lead.owner ?? "-", String(lead.score),
        Money.compact(lead.value, currency: currency),
        DurationText.compact(now - lead.stageEnteredAt), lead.name, lead.company,
      ])
    }
    ctx.print(table)
  }

  private static func export(_ ctx: Context, _ args: Arguments) throws {
    let pipeline = try ctx.pipeline()
    if !args.has("csv") {
      var text = ""
      for lead in pipeline.allLeads {
        text += LogFormat.json(lead: lead, notes: pipeline.notes(of: lead.id)) + "\n"
      }
      ctx.out.write(JSONText.terminalSafe(text))
      return
    }
    var text = CSV.row(CSV.header) + "\n"
    for lead in pipeline.allLeads {
      text += CSV.row(CSV.cells(of: lead)) + "\n"
    }
    ctx.out.write(text)
  }
}
