import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// A column of a lead table: the engine's column (width, priority, alignment) and
/// what a lead shows in it.
struct LeadColumn {
  var column: TableColumn
  var value: (Lead) -> Span

  init(
    _ title: String, width: Int, grows: Bool = false, alignment: Alignment = .left,
    priority: Int, value: @escaping (Lead) -> Span
  ) {
    column = TableColumn(
      title, width: width, grows: grows, alignment: alignment, priority: priority)
    self.value = value
  }

  static func id(priority: Int = 9) -> LeadColumn {
    LeadColumn("id", width: 5, priority: priority) { Span(String($0.id), role: .muted) }
  }

  static func name(_ user: String, priority: Int = 10, width: Int = 10) -> LeadColumn {
    LeadColumn("name", width: width, grows: true, priority: priority) { lead in
      let mark = lead.unseenByOwner && lead.owner == user
      return Span((mark ? "● " : "") + lead.name, role: mark ? .marker : .text)
    }
  }

  static func company(priority: Int, width: Int = 8) -> LeadColumn {
    LeadColumn("company", width: width, grows: true, priority: priority) { Span($0.company) }
  }

  static func email(priority: Int, width: Int) -> LeadColumn {
    LeadColumn("email", width: width, grows: true, priority: priority) {
      Span($0.email, role: .muted)
    }
  }

  static func score(priority: Int) -> LeadColumn {
    LeadColumn("scr", width: 3, alignment: .right, priority: priority) { Span(String($0.score)) }
  }

  static func source(priority: Int) -> LeadColumn {
    LeadColumn("source", width: 8, priority: priority) { Span($0.source, role: .muted) }
  }

  static func owner(priority: Int, width: Int = 10) -> LeadColumn {
    LeadColumn("owner", width: width, priority: priority) { lead in
      lead.owner.map { Span($0) } ?? Span("unassigned", role: .warn)
    }
  }

  static func stage(priority: Int, width: Int = 6) -> LeadColumn {
    LeadColumn("stage", width: width, priority: priority) { lead in
      lead.recycled != nil && lead.stage == .nurturing
        ? Span(Format.stage(lead.stage) + "↺", role: .warn) : Span(Format.stage(lead.stage))
    }
  }

  static func age(_ now: Timestamp, priority: Int) -> LeadColumn {
    LeadColumn("age", width: 4, alignment: .right, priority: priority) { lead in
      Span(DurationText.compact(now - lead.stageEnteredAt), role: .muted)
    }
  }

  static func value(_ context: ViewContext, priority: Int) -> LeadColumn {
    LeadColumn("value", width: 7, alignment: .right, priority: priority) { lead in
      Span(context.money(lead.value))
    }
  }

  static func sla(_ context: ViewContext, priority: Int) -> LeadColumn {
    let deadlines = Deadlines(context.pipeline)
    return LeadColumn("SLA", width: 8, alignment: .right, priority: priority) { lead in
      guard let (state, remaining) = deadlines.sla(of: lead, at: context.now) else {
        return Span("", role: .muted)
      }
      // Breached exactly when nothing remains: `+30m` past, as `list` prints it.
      return Span(DurationText.sla(remaining), role: Format.role(state))
    }
  }

  /// What needs doing about a sales lead: stale deal, follow-up due or overdue.
  static func attention(_ context: ViewContext, priority: Int) -> LeadColumn {
    let deadlines = Deadlines(context.pipeline)
    return LeadColumn("status", width: 9, priority: priority) { lead in
      let now = context.now
      if lead.stage == .won, let due = lead.nextFollowUp {
        if due <= now { return Span("f/u -" + DurationText.compact(now - due), role: .bad) }
        let left = due - now
        return Span(
          "f/u " + DurationText.compact(left), role: left < .days(7) ? .warn : .muted)
      }
      if deadlines.isStale(lead, at: now) {
        return Span("stale " + DurationText.compact(now - lead.lastActivityAt), role: .bad)
      }
      if lead.stage.isOpenDeal {
        return Span("act " + DurationText.compact(now - lead.lastActivityAt), role: .muted)
      }
      return Span(lead.reason ?? "", role: .muted)
    }
  }

  /// Why a marketing lead is where it is: sent back by sales, or disqualified.
  static func reason(priority: Int) -> LeadColumn {
    LeadColumn("reason", width: 14, grows: true, priority: priority) { lead in
      Span(lead.recycled.map { "↺ \($0.reason) (\($0.by))" } ?? lead.reason ?? "", role: .muted)
    }
  }
}
