import HandoffModel
import HandoffPresentation
import HandoffStore
import HandoffText

/// `team add|set|list|remove`: who is on the team.
enum TeamCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "team add",
      usage:
        "team add HANDLE --dept marketing|sales [--role member|manager] [--name N] [--email E] [--capacity N]",
      summary: "add a member",
      flags: [
        .value("dept", "D"), .value("role", "R"), .value("name", "N"), .value("email", "E"),
        .value("capacity", "N"),
      ],
      positionals: 1...1,
      details: "The e-mail is how an imported file's owner column finds the member. " + roleDetails,
      run: { ctx, args in
        let handle = try args.positional(0, "member handle")
        guard let d = args.value("dept") else {
          throw CLIError.usage("team add needs --dept marketing|sales")
        }
        let dept = try Values.department(d)
        let capacity = try args.value("capacity").map {
          try Values.integer($0, "capacity", in: 0...100_000)
        }
        let role = try args.value("role").map { try Values.role($0) } ?? .member
        try ctx.perform(
          .addMember(
            handle: handle, name: args.value("name"), department: dept, capacity: capacity,
            email: args.value("email"), role: role))
        ctx.print(
          "\(UntrustedTextCLI.safe(handle)) joined \(dept.rawValue)"
            + (role == .manager ? " as a manager" : ""))
      }),
    CommandSpec(
      name: "team set",
      usage:
        "team set HANDLE [--away on|off] [--capacity N|none] [--name N] [--email E|none] [--role member|manager]",
      summary: "change a member",
      flags: [
        .value("away", "on|off"), .value("capacity", "N"), .value("name", "N"),
        .value("email", "E"), .value("role", "R"),
      ],
      positionals: 1...1, details: roleDetails,
      run: { ctx, args in
        let handle = try args.positional(0, "member handle")
        let away = try args.value("away").map { try Values.onOff($0, "away") }
        var capacity: Int??
        if let c = args.value("capacity") {
          capacity =
            c == "none" ? .some(nil) : .some(try Values.integer(c, "capacity", in: 0...100_000))
        }
        let email = args.value("email").map { $0 == "none" ? "" : $0 }
        let role = try args.value("role").map { try Values.role($0) }
        guard
          away != nil || capacity != nil || args.value("name") != nil || email != nil
            || role != nil
        else {
          throw CLIError.usage("team set needs --away, --capacity, --name, --email or --role")
        }
        try ctx.requireMember(handle)
        let event = try ctx.perform(
          .updateMember(
            handle: handle, away: away, capacity: capacity, name: args.value("name"), email: email,
            role: role))
        let pipeline = try ctx.pipeline()
        ctx.print(
          UntrustedTextCLI.safe(
            EventText.describe(event, zone: pipeline.zone, currency: pipeline.settings.currency)))
      }),
    CommandSpec(name: "team list", usage: "team list [--json]", summary: "the team", run: list),
    CommandSpec(
      name: "team remove", usage: "team remove HANDLE", summary: "a member leaves the team",
      positionals: 1...1,
      run: { ctx, args in
        let handle = try args.positional(0, "member handle")
        try ctx.requireMember(handle)
        try ctx.perform(.removeMember(handle: handle))
        ctx.print("\(UntrustedTextCLI.safe(handle)) left the team")
      }),
  ]

  /// What a role allows, for the help of the commands that set it.
  static let roleDetails =
    "Marketing members hand leads off; sales members accept, reject and close them; a manager may do either. Only members write to a team that has any."

  private static func list(_ ctx: Context, _ args: Arguments) throws {
    let pipeline = try ctx.pipeline()
    let members = pipeline.members
    if ctx.json {
      ctx.printJSON { w in
        w.beginArray(onePerLine: true)
        for m in members { LogFormat.write(member: m, load: pipeline.load(of: m.handle), into: &w) }
        w.endArray()
      }
      return
    }
    var table = TableText([
      .init("HANDLE"), .init("NAME", flexible: true), .init("DEPT"), .init("ROLE"),
      .init("OPEN", alignment: .right), .init("CAPACITY", alignment: .right),
      .init("EMAIL", flexible: true), .init("STATUS"),
    ])
    for m in members {
      table.add([
        m.handle, m.name, m.department.rawValue, m.role.rawValue,
        String(pipeline.load(of: m.handle)),
        m.capacity.map(String.init) ?? "-", m.email ?? "-",
        !m.active ? "left" : m.away ? "away" : "active",
      ])
    }
    ctx.print(table)
  }

}
