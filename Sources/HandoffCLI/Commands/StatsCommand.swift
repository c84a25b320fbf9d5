import HandoffModel

/// `handoff stats`: the dashboard's numbers as text or JSON.
enum StatsCommand {
  static let spec = CommandSpec(
    name: "stats", usage: "stats [--json]", summary: "the dashboard's numbers", run: run)

  private static func run(_ ctx: Context, _ args: Arguments) throws {
    let pipeline = try ctx.pipeline()
    let now = ctx.now
    let m = pipeline.marketingFigures(at: now)
    let q = pipeline.queueFigures(at: now)
    let s = pipeline.salesFigures(at: now)
    let c = pipeline.settings.currency
    func money(_ v: Int64) -> String { Money.compact(v, currency: c) }
    func percent(_ x: Double?) -> String {
      x.map { String(Int(($0 * 100).rounded())) + "%" } ?? "-"
    }
    func age(_ d: Duration?) -> String { d.map(DurationText.compact) ?? "-" }
    let safe: (String) -> String = { UntrustedTextCLI.safe($0) }
    if ctx.json {
      ctx.printJSON(json(m, q, s))
      return
    }
    var lines: [String] = []
    func row(_ label: String, _ value: String) {
      let line = "  " + Cells.padded(label, to: 26) + value
      lines.append(Cells.truncated(line, to: ctx.width))
    }
    lines.append("Marketing")
    row("new", String(m.new))
    row("nurturing", String(m.nurturing))
    row("mql", String(m.mql))
    row("inflow, last 14 days", m.inflow.map(String.init).joined(separator: " "))
    row(
      "sources, last 14 days",
      m.sourceMix.map { "\(safe($0.source)) \($0.count)" }.joined(separator: ", "))
    row("recycled waiting", String(m.recycledWaiting))
    if !m.topReasons.isEmpty {
      row(
        "top reasons",
        m.topReasons.map { "\(safe($0.reason)) (\($0.count))" }.joined(separator: ", "))
    }
    row("MQLs this period", "\(m.mqlsThisPeriod)" + (m.mqlTarget.map { " of \($0)" } ?? ""))
    lines.append("Handoff queue")
    row("waiting", String(q.size))
    row("oldest", age(q.oldestAge))
    row("breached", String(q.breached))
    row("due soon", String(q.dueSoon))
    row("unassigned", String(q.unassigned))
    row("median time to accept", age(q.medianTimeToAccept))
    row(
      "acceptance rate, 30 days",
      "\(percent(q.acceptanceRate)) (\(q.accepted30) accepted, \(q.rejected30) rejected)")
    lines.append("Sales")
    for stage in s.stages {
      row(
        stage.stage.rawValue, Cells.padded(String(stage.count), to: 7) + money(stage.value))
    }
    row("stale", String(s.stale))
    row(
      "won this period",
      Cells.padded(String(s.wonThisPeriod), to: 7) + money(s.revenueThisPeriod))
    row("quota", s.quota.map(money) ?? "-")
    row("win rate, 90 days", percent(s.winRate))
    row(
      "coverage",
      s.coverage.map { $0.isFinite ? "\(($0 * 10).rounded() / 10)x" : "quota met" } ?? "-")
    row("customers", String(s.customers))
    row("follow-ups due, 7 days", String(s.followUpsDue))
    row("follow-ups overdue", String(s.followUpsOverdue))
    row("churned this period", String(s.churnedThisPeriod))
    ctx.print(lines.joined(separator: "\n"))
  }

  private static func json(_ m: MarketingFigures, _ q: QueueFigures, _ s: SalesFigures) -> String {
    func n(_ v: some BinaryInteger) -> String { String(v) }
    let marketing = JSONText.object([
      ("new", n(m.new)), ("nurturing", n(m.nurturing)), ("mql", n(m.mql)),
      ("inflow", "[" + m.inflow.map(String.init).joined(separator: ",") + "]"),
      ("sources", JSONText.object(m.sourceMix.map { ($0.source, String($0.count)) })),
      ("recycledWaiting", n(m.recycledWaiting)),
      ("topReasons", JSONText.object(m.topReasons.map { ($0.reason, String($0.count)) })),
      ("mqlsThisPeriod", n(m.mqlsThisPeriod)), ("mqlTarget", JSONText.number(m.mqlTarget)),
    ])
    let queue = JSONText.object([
      ("size", n(q.size)),
      ("oldestAgeSeconds", JSONText.number(q.oldestAge.map { $0.milliseconds / 1000 })),
      ("breached", n(q.breached)), ("dueSoon", n(q.dueSoon)), ("unassigned", n(q.unassigned)),
      (
        "medianTimeToAcceptSeconds",
        JSONText.number(q.medianTimeToAccept.map { $0.milliseconds / 1000 })
      ),
      ("acceptanceRate", JSONText.number(q.acceptanceRate)),
      ("accepted30", n(q.accepted30)), ("rejected30", n(q.rejected30)),
    ])
    let sales = JSONText.object([
      (
        "stages",
        JSONText.object(
          s.stages.map {
            ($0.stage.rawValue, JSONText.object([("count", n($0.count)), ("value", n($0.value))]))
          })
      ),
      ("stale", n(s.stale)), ("wonThisPeriod", n(s.wonThisPeriod)),
      ("revenueThisPeriod", n(s.revenueThisPeriod)),
      ("quota", JSONText.number(s.quota)), ("winRate", JSONText.number(s.winRate)),
      ("coverage", JSONText.number(s.coverage)), ("openPipeline", n(s.openPipeline)),
      ("customers", n(s.customers)), ("followUpsDue", n(s.followUpsDue)),
      ("followUpsOverdue", n(s.followUpsOverdue)), ("churnedThisPeriod", n(s.churnedThisPeriod)),
    ])
    return JSONText.object([("marketing", marketing), ("queue", queue), ("sales", sales)])
  }
}
