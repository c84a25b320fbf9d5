import HandoffModel
import HandoffPresentation
import HandoffTerminal
import HandoffText

/// `handoff stats`: the dashboard's numbers as text or JSON.
enum StatsCommand {
  static let spec = CommandSpec(
    name: "stats", travels: true, usage: "stats [--at TIME] [--json]",
    summary: "the dashboard's numbers", run: run)

  private static func run(_ ctx: Context, _ args: Arguments) throws {
    let pipeline = try ctx.pipeline()
    let now = ctx.now
    let m = MarketingFigures(pipeline, at: now)
    let q = QueueFigures(pipeline, at: now)
    let s = SalesFigures(pipeline, at: now)
    let c = pipeline.settings.currency
    func money(_ v: Int64) -> String { Money.compact(v, currency: c) }
    func percent(_ x: Double?) -> String { Format.percent(x, none: "-") }
    func age(_ d: Duration?) -> String { d.map(DurationText.compact) ?? "-" }
    let safe: (String) -> String = { UntrustedTextCLI.safe($0) }
    if ctx.json {
      ctx.printJSON { json(m, q, s, into: &$0) }
      return
    }
    var lines: [String] = []
    func row(_ label: String, _ value: String) {
      lines.append(
        Truncation.fit("  " + Truncation.pad(label, width: 26) + value, width: ctx.width))
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
        stage.stage.rawValue, Truncation.pad(String(stage.count), width: 7) + money(stage.value))
    }
    row("stale", String(s.stale))
    row(
      "won this period",
      Truncation.pad(String(s.wonThisPeriod), width: 7) + money(s.revenueThisPeriod))
    row("quota", s.quota.map(money) ?? "-")
    row("win rate, 90 days", percent(s.winRate))
    row(
      "coverage",
      s.coverage.map { $0.isFinite ? Format.oneDecimal($0) + "x" : "quota met" } ?? "-")
    row("customers", String(s.customers))
    row("follow-ups due, 7 days", String(s.followUpsDue))
    row("follow-ups overdue", String(s.followUpsOverdue))
    row("churned this period", String(s.churnedThisPeriod))
    ctx.print(lines.joined(separator: "\n"))
  }

  /// The figures as one JSON object: `marketing`, `queue` and `sales`, keys snake_case.
  private static func json(
    _ m: MarketingFigures, _ q: QueueFigures, _ s: SalesFigures, into w: inout JSONWriter
  ) {
    func seconds(_ d: Duration?) -> Int64? { d.map { $0.milliseconds / 1000 } }
    /// An object of counts keyed by names from data (sources, reasons).
    func counts(_ name: StaticString, _ pairs: [(String, Int)]) {
      w.key(name)
      w.open()
      for (key, count) in pairs {
        w.key(key)
        w.integer(Int64(count))
      }
      w.close()
    }
    w.open()
    w.key("marketing")
    w.open()
    w.field("new", m.new)
    w.field("nurturing", m.nurturing)
    w.field("mql", m.mql)
    w.beginArray("inflow")
    for n in m.inflow { w.integer(Int64(n)) }
    w.endArray()
    counts("sources", m.sourceMix)
    w.field("recycled_waiting", m.recycledWaiting)
    counts("top_reasons", m.topReasons)
    w.field("mqls_this_period", m.mqlsThisPeriod)
    w.nullable("mql_target", m.mqlTarget)
    w.close()
    w.key("queue")
    w.open()
    w.field("size", q.size)
    w.nullable("oldest_age_seconds", seconds(q.oldestAge))
    w.field("breached", q.breached)
    w.field("due_soon", q.dueSoon)
    w.field("unassigned", q.unassigned)
    w.nullable("median_time_to_accept_seconds", seconds(q.medianTimeToAccept))
    w.key("acceptance_rate")
    w.fraction(q.acceptanceRate)
    w.field("accepted_30d", q.accepted30)
    w.field("rejected_30d", q.rejected30)
    w.close()
    w.key("sales")
    w.open()
    w.key("stages")
    w.open()
    for stage in s.stages {
      w.key(stage.stage.rawValue)
      w.open()
      w.field("count", stage.count)
      w.field("value", stage.value)
      w.close()
    }
    w.close()
    w.field("stale", s.stale)
    w.field("won_this_period", s.wonThisPeriod)
    w.field("revenue_this_period", s.revenueThisPeriod)
    w.nullable("quota", s.quota)
    w.key("win_rate")
    w.fraction(s.winRate)
    w.key("coverage")
    w.fraction(s.coverage)
    w.field("open_pipeline", s.openPipeline)
    w.field("customers", s.customers)
    w.field("follow_ups_due", s.followUpsDue)
    w.field("follow_ups_overdue", s.followUpsOverdue)
    w.field("churned_this_period", s.churnedThisPeriod)
    w.close()
    w.close()
  }
}
