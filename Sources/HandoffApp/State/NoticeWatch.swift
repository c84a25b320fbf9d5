import HandoffModel

/// Finds what is new for the dashboard's user each time the loop looks at the
/// pipeline: assignments to them by others since the last event it saw, and SLA edges
/// their queued leads (all queued leads, for a manager) crossed since the last moment
/// it looked, whether a store change or the clock brought them. Each notice once: the
/// events and the span of time looked at never overlap. The first look only sets the
/// baseline: what was already so when the dashboard opened is not news.
struct NoticeWatch {
  /// Whose notices.
  let user: String
  /// The last event seen (nil before the first look).
  private var seenSeq: Int64?
  /// The moment of the last look.
  private var lookedAt: Timestamp?

  init(user: String) { self.user = user }

  /// What became new since the last look, oldest first.
  mutating func look(at pipeline: Pipeline, now: Timestamp) -> [Notice] {
    defer {
      seenSeq = pipeline.lastSeq
      // A clock set back starts again from there rather than reporting nothing for long.
      lookedAt = now
    }
    guard let seenSeq, let lookedAt else { return [] }
    var notices: [Notice] = []
    if pipeline.lastSeq > seenSeq {
      for assignment in pipeline.assignments(after: seenSeq)
      where assignment.owner == user && assignment.by != user {
        // Only if it is still theirs: a lead assigned and taken away again is no news.
        guard let lead = pipeline.lead(assignment.lead), lead.owner == user else { continue }
        notices.removeAll { if case .assigned(lead.id, _, _) = $0 { true } else { false } }
        notices.append(.assigned(lead: lead.id, name: lead.name, by: assignment.by))
      }
    }
    let manager = pipeline.member(user)?.role == .manager
    let deadlines = Deadlines(pipeline)
    for (lead, state) in deadlines.crossings(after: lookedAt, through: now)
    where manager || lead.owner == user {
      switch state {
      case .dueSoon:
        let left = (lead.stageEnteredAt + deadlines.acceptanceSLA) - now
        notices.append(.dueSoon(lead: lead.id, name: lead.name, left: left))
      case .breached:
        let holder = lead.owner == user ? nil : lead.owner
        notices.append(.breached(lead: lead.id, name: lead.name, owner: holder))
      case .ok:
        break
      }
    }
    return notices
  }
}
