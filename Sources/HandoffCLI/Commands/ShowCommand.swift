import HandoffModel
import HandoffPresentation
import HandoffStore
import HandoffTerminal

/// `show ID`: one lead with its notes, reasons, SLA and full history.
enum ShowCommand {
  static let spec =
    CommandSpec(
      name: "show", travels: true, usage: "show ID [--at TIME] [--json]",
      summary: "a lead with its notes, reasons and full history", positionals: 1...1,
      arguments: [.lead], run: run)

  private static func run(_ ctx: Context, _ args: Arguments) throws {
    let id = try Values.leadID(try args.positional(0, "lead id"))
    let lead = try ctx.lead(id)
    let pipeline = try ctx.pipeline()
    let notes = pipeline.notes(of: id)
    if ctx.json {
      ctx.printJSON(LogFormat.json(lead: lead, notes: notes))
      return
    }
    let history = try ctx.history(of: id)
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
      lines.append("  " + Truncation.pad(name, width: 12) + value)
    }
    var stage = lead.stage.rawValue + " since " + time(lead.stageEnteredAt)
    if let sla = Deadlines(pipeline).sla(of: lead, at: now) {
      let left = DurationText.countdown(sla.remaining)
      stage +=
        sla.remaining.milliseconds > 0
        ? "; SLA \(sla.state.rawValue), \(left) left"
        : "; SLA breached \(DurationText.countdown(Duration(milliseconds: -sla.remaining.milliseconds))) ago"
    }
    if Deadlines(pipeline).isStale(lead, at: now) { stage += "; stale" }
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
    let actorWidth = history.map { DisplayWidth.of(safe($0.actor)) }.max() ?? 0
    for e in history {
      let text = EventText.describe(e, zone: zone, currency: currency, namingLead: false)
      lines.append(
        "  v\(version(of: e))  \(LocalTime.format(e.at, zone: zone))  "
          + Truncation.pad(safe(e.actor), width: actorWidth) + "  " + safe(text))
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

}
