import HandoffModel
import HandoffStore

/// Commands about the team, targets and settings.
enum TeamCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "team add", usage: "team add HANDLE --dept marketing|sales [--name N] [--capacity N]",
      summary: "add a member",
      flags: [.value("dept", "D"), .value("name", "N"), .value("capacity", "N")],
      positionals: 1...1,
      run: { ctx, args in
        let handle = try args.positional(0, "member handle")
        guard let d = args.value("dept") else {
          throw CLIError.usage("team add needs --dept marketing|sales")
        }
        let dept = try Values.department(d)
        let capacity = try args.value("capacity").map {
          try Values.integer($0, "capacity", in: 0...100_000)
        }
        try ctx.perform(
          .addMember(handle: handle, name: args.value("name"), department: dept, capacity: capacity)
        )
        ctx.print("\(UntrustedTextCLI.safe(handle)) joined \(dept.rawValue)")
      }),
    CommandSpec(
      name: "team set", usage: "team set HANDLE [--away on|off] [--capacity N|none] [--name N]",
      summary: "change a member",
      flags: [.value("away", "on|off"), .value("capacity", "N"), .value("name", "N")],
      positionals: 1...1,
      run: { ctx, args in
        let handle = try args.positional(0, "member handle")
        let away = try args.value("away").map { try Values.onOff($0, "away") }
        var capacity: Int??
        if let c = args.value("capacity") {
          capacity =
            c == "none" ? .some(nil) : .some(try Values.integer(c, "capacity", in: 0...100_000))
        }
        guard away != nil || capacity != nil || args.value("name") != nil else {
          throw CLIError.usage("team set needs --away, --capacity or --name")
        }
        try ctx.requireMember(handle)
        let event = try ctx.perform(
          .updateMember(handle: handle, away: away, capacity: capacity, name: args.value("name")))
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
    CommandSpec(
      name: "target set", usage: "target set METRIC VALUE [--member H|--dept D] [--period P]",
      summary: "set a target (0 removes it)",
      flags: [.value("member", "H"), .value("dept", "D"), .value("period", "P")],
      positionals: 2...2,
      details: "Metrics: " + Metric.allCases.map(\.rawValue).joined(separator: ", ")
        + ". Revenue is in major units (100k). Period: 2026-11, 2026-Q4, current (default) or next.",
      run: setTarget),
    CommandSpec(
      name: "targets", usage: "targets [--json]", summary: "targets with attainment and pace",
      run: targets),
    CommandSpec(
      name: "settings", usage: "settings [KEY [VALUE]]", summary: "show or change team settings",
      positionals: 0...2, details: "Keys: " + Settings.keys.joined(separator: ", ") + ".",
      run: settings),
  ]

  private static func list(_ ctx: Context, _ args: Arguments) throws {
    let pipeline = try ctx.pipeline()
    let members = pipeline.members
    if ctx.json {
      ctx.printJSON(
        JSONText.array(
          members.map { LogFormat.json(member: $0, load: pipeline.load(of: $0.handle)) }))
      return
    }
    var table = TextTable([
      .init(title: "HANDLE"), .init(title: "NAME", flexible: true), .init(title: "DEPT"),
      .init(title: "OPEN", rightAligned: true), .init(title: "CAPACITY", rightAligned: true),
      .init(title: "STATUS"),
    ])
    for m in members {
      table.add([
        m.handle, m.name, m.department.rawValue, String(pipeline.load(of: m.handle)),
        m.capacity.map(String.init) ?? "-", !m.active ? "left" : m.away ? "away" : "active",
      ])
    }
    ctx.print(table)
  }

  private static func setTarget(_ ctx: Context, _ args: Arguments) throws {
    let metric = try Values.metric(try args.positional(0, "metric"))
    let text = try args.positional(1, "value")
    let value =
      metric.isMoney
      ? try Values.money(text) : Int64(try Values.integer(text, "target", in: 0...1_000_000_000))
    var scope = Scope.team
    switch (args.value("member"), args.value("dept")) {
    case (.some, .some): throw CLIError.usage("give --member or --dept, not both")
    case (let h?, nil):
      try ctx.requireMember(h)
      scope = .member(h)
    case (nil, let d?): scope = .department(try Values.department(d))
    case (nil, nil): break
    }
    let pipeline = try ctx.pipeline()
    let period = try Values.period(args.value("period"), pipeline: pipeline, now: ctx.now)
    let event = try ctx.perform(
      .setTarget(Target(metric: metric, period: period, scope: scope, value: value)))
    ctx.print(
      UntrustedTextCLI.safe(
        EventText.describe(event, zone: pipeline.zone, currency: pipeline.settings.currency)))
  }

  private static func targets(_ ctx: Context, _ args: Arguments) throws {
    let pipeline = try ctx.pipeline()
    let now = ctx.now
    let currency = pipeline.settings.currency
    let current = pipeline.targetProgress(at: now)
    let shown = Set(
      current.map { TargetKey(metric: $0.metric, period: $0.period, scope: $0.scope) })
    let others = pipeline.targets.filter {
      !shown.contains(TargetKey(metric: $0.metric, period: $0.period, scope: $0.scope))
    }
    func amount(_ m: Metric, _ v: Int64) -> String {
      m.isMoney ? Money.compact(v, currency: currency) : String(v)
    }
    if ctx.json {
      var items = current.map { p in
        JSONText.object([
          ("metric", JSONText.string(p.metric.rawValue)),
          ("scope", JSONText.string(p.scope.description)),
          ("period", JSONText.string(p.period.description)), ("actual", JSONText.number(p.actual)),
          ("target", JSONText.number(p.target)), ("attainment", JSONText.number(p.attainment)),
          ("pace", JSONText.number(p.pace)), ("state", JSONText.string(p.paceState.rawValue)),
        ])
      }
      items += others.map { t in
        JSONText.object([
          ("metric", JSONText.string(t.metric.rawValue)),
          ("scope", JSONText.string(t.scope.description)),
          ("period", JSONText.string(t.period.description)),
          ("actual", JSONText.number(pipeline.actual(t.metric, scope: t.scope, period: t.period))),
          ("target", JSONText.number(t.value)),
        ])
      }
      ctx.printJSON(JSONText.array(items))
      return
    }
    var table = TextTable([
      .init(title: "SCOPE", flexible: true), .init(title: "METRIC"), .init(title: "PERIOD"),
      .init(title: "ACTUAL", rightAligned: true), .init(title: "TARGET", rightAligned: true),
      .init(title: "ATTAIN", rightAligned: true), .init(title: "PACE", rightAligned: true),
      .init(title: "STATE"),
    ])
    func percent(_ x: Double?) -> String {
      x.map { String(Int(($0 * 100).rounded())) + "%" } ?? "-"
    }
    for p in current {
      table.add([
        p.scope.description, p.metric.rawValue, p.period.description, amount(p.metric, p.actual),
        amount(p.metric, p.target), percent(p.attainment), percent(p.pace), p.paceState.rawValue,
      ])
    }
    for t in others {
      let actual = pipeline.actual(t.metric, scope: t.scope, period: t.period)
      table.add([
        t.scope.description, t.metric.rawValue, t.period.description, amount(t.metric, actual),
        amount(t.metric, t.value), percent(Double(actual) / Double(t.value)), "-", "-",
      ])
    }
    if table.rows.isEmpty {
      ctx.print("no targets (set one: handoff target set mqls 120)")
    } else {
      ctx.print(table)
    }
  }

  private static func settings(_ ctx: Context, _ args: Arguments) throws {
    let p = args.positionals
    if let key = p.first, !Settings.keys.contains(key) {
      throw CLIError.usage(
        ModelError.unknownSetting(UntrustedTextCLI.safe(key)).description
          + Suggestion.hint(for: key, in: Settings.keys))
    }
    if p.count == 2 {
      try ctx.perform(.setSetting(key: p[0], value: p[1]))
    }
    let settings = try ctx.pipeline().settings
    if p.count >= 1 {
      let v = settings.value(of: p[0]) ?? ""
      ctx.print(
        ctx.json
          ? JSONText.object([(p[0], JSONText.string(v))]) : "\(p[0]) = \(UntrustedTextCLI.safe(v))")
      return
    }
    if ctx.json {
      ctx.print(
        JSONText.object(Settings.keys.map { ($0, JSONText.string(settings.value(of: $0) ?? "")) }))
      return
    }
    for key in Settings.keys {
      ctx.print(
        DisplayWidth.padded(key, to: 15) + UntrustedTextCLI.safe(settings.value(of: key) ?? ""))
    }
  }
}
