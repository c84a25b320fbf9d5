import HandoffModel
import HandoffPresentation
import HandoffStore

/// Commands that capture a lead or change one.
enum LeadCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "add",
      usage:
        "add --name N [--company C] [--email E] [--source S] [--segment S] [--score N] [--value V] [--owner H [--force]]",
      summary: "capture a new lead; prints its id alone",
      flags: [
        .value("name", "N"), .value("company", "C"), .value("email", "E"), .value("source", "S"),
        .value("segment", "S"), .value("score", "N"), .value("value", "V"),
        .value("owner", "H", .member), .toggle("force"),
      ],
      details:
        "Values are in major currency units: 12000, 12,000.50, 12k, 1.5m. --force gives the lead to an owner who is away or at capacity.",
      run: add),
    CommandSpec(
      name: "move", changesLead: true, usage: "move ID STAGE [--reason R] [--take]",
      summary: "move a lead to a stage",
      flags: [.value("reason", "R"), .toggle("take")], positionals: 2...2,
      arguments: [.lead, .stage],
      details: "Stages: " + Stage.allCases.map(\.rawValue).joined(separator: ", ") + ". "
        + takeDetails,
      run: { ctx, args in
        let id = try Values.leadID(try args.positional(0, "lead id"))
        let stage = try Values.stage(try args.positional(1, "stage"))
        try change(ctx, .move(id: id, to: stage, reason: args.value("reason")), args)
      }),
    CommandSpec(
      name: "assign", changesLead: true, usage: "assign ID HANDLE|none [--note T] [--force]",
      summary: "give a lead to a member, or to no one",
      flags: [.value("note", "T"), .toggle("force")], positionals: 2...2,
      arguments: [.lead, .memberOrNone],
      details: "--force assigns to a member who is away or at capacity.",
      run: { ctx, args in
        let id = try Values.leadID(try args.positional(0, "lead id"))
        let who = try args.positional(1, "member handle (or none)")
        try change(
          ctx, .assign(id: id, to: who == "none" ? nil : who, note: args.value("note")), args)
      }),
    leadAction("autoassign", "give a lead to the least-loaded member who can take it") {
      .autoAssign(id: $0)
    },
    leadAction("handoff", "hand an MQL off to sales (to the queue)") { .handOff(id: $0) },
    CommandSpec(
      name: "accept", changesLead: true, usage: "accept ID [--take]",
      summary: "accept a queued lead for sales", flags: [.toggle("take")], positionals: 1...1,
      details: "An unowned lead becomes yours. " + takeDetails,
      run: { ctx, args in
        try change(ctx, .accept(id: try Values.leadID(try args.positional(0, "lead id"))), args)
      }),
    CommandSpec(
      name: "reject", changesLead: true, usage: "reject ID --reason R",
      summary: "send a queued or accepted lead back to marketing", flags: [.value("reason", "R")],
      positionals: 1...1, arguments: [.lead],
      run: { ctx, args in
        let id = try Values.leadID(try args.positional(0, "lead id"))
        try change(ctx, .reject(id: id, reason: try required(args, "reason", "reject")))
      }),
    CommandSpec(
      name: "won", changesLead: true, usage: "won ID [--value V] [--take]",
      summary: "mark a deal won", flags: [.value("value", "V"), .toggle("take")],
      positionals: 1...1, arguments: [.lead], details: takeDetails,
      run: { ctx, args in
        let id = try Values.leadID(try args.positional(0, "lead id"))
        let value = try args.value("value").map { try Values.money($0) }
        try change(ctx, .won(id: id, value: value), args)
      }),
    CommandSpec(
      name: "lost", changesLead: true, usage: "lost ID --reason R [--take]",
      summary: "mark a deal lost", flags: [.value("reason", "R"), .toggle("take")],
      positionals: 1...1, arguments: [.lead], details: takeDetails,
      run: { ctx, args in
        let id = try Values.leadID(try args.positional(0, "lead id"))
        try change(ctx, .lost(id: id, reason: try required(args, "reason", "lost")), args)
      }),
    CommandSpec(
      name: "note", changesLead: true, usage: "note ID TEXT", summary: "add a note to a lead",
      positionals: 2...Int.max, arguments: [.lead],
      run: { ctx, args in
        let id = try Values.leadID(try args.positional(0, "lead id"))
        try change(ctx, .note(id: id, text: args.positionals.dropFirst().joined(separator: " ")))
      }),
    CommandSpec(
      name: "followup", changesLead: true, usage: "followup ID [--next DATE]",
      summary: "log a follow-up with a customer", flags: [.value("next", "DATE")],
      positionals: 1...1, arguments: [.lead],
      details: "DATE: 2026-12-01, or a time from now such as 30d. Default: the cadence.",
      run: { ctx, args in
        let id = try Values.leadID(try args.positional(0, "lead id"))
        let zone = try ctx.pipeline().zone
        let next = try args.value("next").map { try Values.date($0, now: ctx.now, zone: zone) }
        try change(ctx, .followUp(id: id, next: next))
      }),
    CommandSpec(
      name: "score", changesLead: true, usage: "score ID N", summary: "set a lead's score (0–100)",
      positionals: 2...2, arguments: [.lead],
      run: { ctx, args in
        let id = try Values.leadID(try args.positional(0, "lead id"))
        let score = try Values.integer(try args.positional(1, "score"), "score", in: 0...100)
        try change(ctx, .score(id: id, score))
      }),
    CommandSpec(
      name: "edit", changesLead: true,
      usage: "edit ID [--name N] [--company C] [--email E] [--source S] [--segment S] [--value V]",
      summary: "change a lead's contact fields or value",
      flags: [
        .value("name", "N"), .value("company", "C"), .value("email", "E"), .value("source", "S"),
        .value("segment", "S"), .value("value", "V"),
      ],
      positionals: 1...1, arguments: [.lead],
      run: { ctx, args in
        let id = try Values.leadID(try args.positional(0, "lead id"))
        let edit = LeadEdit(
          name: args.value("name"), company: args.value("company"), email: args.value("email"),
          source: args.value("source"), segment: args.value("segment"),
          value: try args.value("value").map { try Values.money($0) })
        guard edit != LeadEdit() else {
          throw CLIError.usage(
            "edit needs at least one of --name, --company, --email, --source, --segment, --value")
        }
        try change(ctx, .updateLead(id: id, edit))
      }),
    CommandSpec(
      name: "undo", usage: "undo [ID]", summary: "undo your last change (to a lead)",
      positionals: 0...1, arguments: [.lead],
      details: "Again and again, it takes back your changes one after another, newest first.",
      run: { ctx, args in
        let id = try args.positionals.first.map { try Values.leadID($0) }
        let (revert, undid) = try ctx.store().undoing(by: try ctx.user(), lead: id)
        try report(ctx, revert, undid: undid)
      }),
  ]

  /// What `--take` does, for the help of the commands that have it.
  static let takeDetails =
    "A lead another member owns is accepted, won or lost only with --take, which makes it yours (its history says from whom)."

  /// A command that takes only a lead id.
  private static func leadAction(
    _ name: String, _ summary: String, _ make: @escaping @Sendable (Int) -> Command
  ) -> CommandSpec {
    CommandSpec(
      name: name, changesLead: true, usage: "\(name) ID", summary: summary, positionals: 1...1,
      arguments: [.lead],
      run: { ctx, args in
        try change(ctx, make(try Values.leadID(try args.positional(0, "lead id"))))
      })
  }

  /// A flag a command cannot do without.
  static func required(_ args: Arguments, _ flag: String, _ command: String) throws(CLIError)
    -> String
  {
    guard let v = args.value(flag), !v.allSatisfy(\.isWhitespace) else {
      throw .usage("\(command) needs --\(flag) TEXT")
    }
    return v
  }

  private static func add(_ ctx: Context, _ args: Arguments) throws {
    let name = try required(args, "name", "add")
    var new = NewLead(name: name, company: args.value("company") ?? "")
    if let v = args.value("email") { new.email = v }
    if let v = args.value("source") { new.source = v }
    if let v = args.value("segment") { new.segment = v }
    if let v = args.value("score") { new.score = try Values.integer(v, "score", in: 0...100) }
    if let v = args.value("value") { new.value = try Values.money(v) }
    new.owner = args.value("owner")
    if let owner = new.owner { try ctx.requireMember(owner) }
    let event = try ctx.perform(.addLead(new), overriding: overrides(args))
    guard let id = event.leadID else { throw CLIError.failure("the store did not create a lead") }
    guard ctx.json else { return ctx.print(String(id)) }
    try report(ctx, event)
  }

  /// What the command's `--take` and `--force` confirm.
  private static func overrides(_ args: Arguments?) -> Overrides {
    var o: Overrides = []
    if args?.has("take") == true { o.insert(.take) }
    if args?.has("force") == true { o.insert(.force) }
    return o
  }

  /// Performs a lead change and says what happened (or prints the lead as JSON).
  private static func change(_ ctx: Context, _ command: Command, _ args: Arguments? = nil) throws {
    if let id = command.leadID { _ = try ctx.lead(id) }
    if case .assign(_, let who?, _) = command { try ctx.requireMember(who) }
    try report(ctx, try ctx.perform(command, overriding: overrides(args)))
  }

  /// One line about an appended event, or the lead as JSON with `--json`.
  static func report(_ ctx: Context, _ event: Event, undid: Event? = nil) throws {
    let pipeline = try ctx.pipeline()
    guard let id = event.leadID, let lead = pipeline.lead(id) else { return }
    if ctx.json {
      ctx.printJSON(LogFormat.json(lead: lead, notes: pipeline.notes(of: id)))
    } else {
      var isRevert = false
      if case .leadReverted = event.body { isRevert = true }
      ctx.print(
        UntrustedTextCLI.safe(
          isRevert
            ? EventText.describeUndo(
              event, undid: undid, zone: pipeline.zone, currency: pipeline.settings.currency)
            : EventText.describe(
              event, zone: pipeline.zone, currency: pipeline.settings.currency))
          + " (version \(lead.version))")
    }
  }
}
