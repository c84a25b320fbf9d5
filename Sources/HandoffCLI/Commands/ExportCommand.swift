import HandoffModel
import HandoffStore

/// `handoff export`: leads as JSON lines, as CSV for the round trip (`import` reads it
/// back field for field), or as the columns HubSpot or Salesforce import.
enum ExportCommand {
  static let spec = CommandSpec(
    name: "export",
    usage:
      "export [--csv] [--format handoff|hubspot|salesforce] [--stage S]... [--owner H|none] [--since DATE]",
    summary: "leads as JSON lines or CSV (also in HubSpot or Salesforce form)",
    flags: [
      .toggle("csv"), .value("format", "FORMAT"), .value("stage", "S"), .value("owner", "H"),
      .value("since", "DATE"),
    ],
    details: """
      --format writes CSV: handoff (the default with --csv; handoff import reads it back \
      field for field), hubspot or salesforce (the columns their imports read, so stage, \
      owner and reason go back to the CRM). --stage (repeatable) and --owner (a handle, \
      or none) filter; --since keeps leads with activity at or after DATE (2026-12-01, or \
      7d for a week ago). CSV cells that a spreadsheet would read as a formula get a \
      leading '.
      """,
    run: run)

  private static func run(_ ctx: Context, _ args: Arguments) throws {
    let pipeline = try ctx.pipeline()
    var leads = pipeline.allLeads
    let stages = try args.values("stage").map { try Values.stage($0) }
    if !stages.isEmpty { leads = leads.filter { stages.contains($0.stage) } }
    if let owner = args.value("owner") {
      if owner == "none" {
        leads = leads.filter { $0.owner == nil }
      } else {
        try ctx.requireMember(owner)
        leads = leads.filter { $0.owner == owner }
      }
    }
    if let since = args.value("since") {
      let moment = try Values.moment(since, "--since", now: ctx.now, zone: pipeline.zone)
      leads = leads.filter { $0.lastActivityAt >= moment }
    }
    let format = args.value("format")
    guard args.has("csv") || format != nil else {
      var text = ""
      for lead in leads {
        text += LogFormat.json(lead: lead, notes: pipeline.notes(of: lead.id)) + "\n"
      }
      ctx.out.write(text)
      return
    }
    let header: [String]
    let cells: (Lead) -> [String]
    switch format ?? "handoff" {
    case "handoff":
      header = CSV.header
      cells = CSV.cells(of:)
    case let name:
      guard let target = CRMColumns.Target(rawValue: name) else {
        throw CLIError.usage(
          "--format '\(UntrustedTextCLI.safe(name))' is not one of: handoff, hubspot, salesforce")
      }
      header = CRMColumns.header(target)
      cells = { lead in
        // The CRMs match owners by the user's e-mail; the name when there is none.
        let member = lead.owner.flatMap { pipeline.member($0) }
        let owner = member.map { $0.email ?? $0.name } ?? ""
        return CRMColumns.cells(lead, target, owner: owner)
      }
    }
    let toTerminal = ctx.out.isTerminal
    var text = CSV.row(header) + "\n"
    for lead in leads {
      var row = cells(lead)
      // A file gets the data as it is; a terminal never gets its control characters.
      if toTerminal { row = row.map { UntrustedTextCLI.safe($0) } }
      text += CSV.row(row) + "\n"
    }
    ctx.out.write(text)
  }
}
