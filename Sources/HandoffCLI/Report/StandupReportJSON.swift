import HandoffModel
import HandoffText

/// The standup report as one JSON object with snake_case keys, for scripts: the span,
/// the departments with their members and totals, and the targets.
enum StandupReportJSON {
  static func write(_ r: StandupReport, into w: inout JSONWriter) {
    w.open()
    w.field("from", r.from.iso8601)
    w.field("to", r.to.iso8601)
    w.field("zone", r.zone.identifier)
    w.field("currency", r.currency)
    w.beginArray("departments")
    for group in r.departments {
      w.open()
      w.nullable("department", group.department?.rawValue)
      w.beginArray("members")
      for m in group.members { member(m, into: &w) }
      w.endArray()
      w.key("total")
      member(group.total, into: &w)
      w.close()
    }
    w.endArray()
    w.beginArray("targets")
    for t in r.targets { TargetProgressJSON.write(t, into: &w) }
    w.endArray()
    w.close()
  }

  private static func member(_ m: MemberActivity, into w: inout JSONWriter) {
    func reasons(_ name: StaticString, _ counts: [ReasonCount]) {
      w.beginArray(name)
      for c in counts {
        w.open()
        w.field("reason", c.reason)
        w.field("count", c.count)
        w.close()
      }
      w.endArray()
    }
    w.open()
    w.field("handle", m.handle)
    w.field("name", m.name)
    w.field("new_leads", m.newLeads)
    w.field("mqls", m.mqls)
    w.field("handoffs", m.handoffs)
    w.field("accepted", m.accepted)
    reasons("rejected", m.rejected)
    reasons("recycled", m.recycled)
    w.beginArray("won")
    for deal in m.won {
      w.open()
      w.field("lead", deal.lead)
      w.field("label", deal.label)
      w.field("value", deal.value)
      w.close()
    }
    w.endArray()
    w.field("won_count", m.wonCount)
    w.field("won_value", m.wonValue)
    reasons("lost", m.lost)
    w.beginArray("sla_breaches")
    for id in m.breaches { w.integer(Int64(id)) }
    w.endArray()
    w.field("follow_ups_done", m.followUpsDone)
    w.field("follow_ups_overdue", m.followUpsOverdue)
    w.close()
  }
}
