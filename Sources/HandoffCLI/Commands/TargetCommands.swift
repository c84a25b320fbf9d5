import HandoffModel
import HandoffPresentation
import HandoffText

/// `target set` and `targets`: goals for a period, with attainment and pace.
enum TargetCommands {
  static let specs: [CommandSpec] = [
    CommandSpec(
      name: "target set", usage: "target set METRIC VALUE [--member H|--dept D] [--period P]",
      summary: "set a target (0 removes it)",
      flags: [
        .value("member", "H", .member), .value("dept", "D", .department),
        .value("period", "P", .choices(["current", "next"])),
      ],
      positionals: 2...2, arguments: [.metric],
      details: "Metrics: " + Metric.allCases.map(\.rawValue).joined(separator: ", ")
        + ". Revenue is in major units (100k). Period: 2026-11, 2026-Q4, current (default) or next.",
      run: setTarget),
    CommandSpec(
      name: "targets", travels: true, usage: "targets [--at TIME] [--json]",
      summary: "targets with attainment and pace",
      run: targets),
  ]

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
    if ctx.json {
      ctx.printJSON { w in
        w.open()
        w.field("metric", metric.rawValue)
        w.field("scope", scope.description)
        w.field("period", period.description)
        w.field("target", value)
        w.field("actual", pipeline.actual(metric, scope: scope, period: period))
        w.close()
      }
      return
    }
    ctx.print(
      UntrustedTextCLI.safe(
        EventText.describe(event, zone: pipeline.zone, currency: pipeline.settings.currency)))
  }

  private static func targets(_ ctx: Context, _ args: Arguments) throws {
    let pipeline = try ctx.pipeline()
    let now = ctx.now
    let currency = pipeline.settings.currency
    let current = TargetProgress.all(pipeline, at: now)
    let shown = Set(
      current.map { TargetKey(metric: $0.metric, period: $0.period, scope: $0.scope) })
    let others = pipeline.targets.filter {
      !shown.contains(TargetKey(metric: $0.metric, period: $0.period, scope: $0.scope))
    }
    func amount(_ m: Metric, _ v: Int64) -> String {
      m.isMoney ? Money.compact(v, currency: currency) : String(v)
    }
    if ctx.json {
      ctx.printJSON { w in
        w.beginArray(onePerLine: true)
        for p in current { TargetProgressJSON.write(p, into: &w) }
        for t in others {
          w.open()
          w.field("metric", t.metric.rawValue)
          w.field("scope", t.scope.description)
          w.field("period", t.period.description)
          w.field("actual", pipeline.actual(t.metric, scope: t.scope, period: t.period))
          w.field("target", t.value)
          w.close()
        }
        w.endArray()
      }
      return
    }
    var table = TableText([
      .init("SCOPE", flexible: true), .init("METRIC"), .init("PERIOD"),
      .init("ACTUAL", alignment: .right), .init("TARGET", alignment: .right),
      .init("ATTAIN", alignment: .right), .init("PACE", alignment: .right), .init("STATE"),
    ])
    func percent(_ x: Double?) -> String { Format.percent(x, none: "-") }
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
    if table.isEmpty {
      ctx.print("no targets (set one: handoff target set mqls 120)")
    } else {
      ctx.print(table)
    }
  }

}
