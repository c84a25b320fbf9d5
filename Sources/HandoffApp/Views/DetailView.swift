import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// One lead and its full history: who did what when, with reasons and notes.
enum DetailView {
  static func draw(_ frame: inout Frame, _ c: ViewContext, detail: LeadDetail) {
    let area = Rect(x: 0, y: 0, width: frame.width, height: frame.height - 1)
    frame.box(area, title: "Lead \(detail.leadID)", focused: true, note: "Esc back")
    let inner = area.inner
    guard let lead = c.pipeline.lead(detail.leadID) else {
      frame.put("no lead \(detail.leadID)", x: inner.x, y: inner.y, role: .bad)
      return
    }
    var y = inner.y
    func line(_ parts: [(String, ThemeRole)]) {
      guard y < inner.y + inner.height else { return }
      FigureLine.draw(&frame, parts, x: inner.x, y: y, width: inner.width)
      y += 1
    }
    line([(lead.name, .titleFocused), (lead.company, .text), (lead.email, .muted)])
    var stage: [(String, ThemeRole)] = [
      ("\(lead.stage.rawValue) for \(DurationText.compact(c.now - lead.stageEnteredAt))", .accent),
      ("owner " + (lead.owner ?? "unassigned"), lead.owner == nil ? .warn : .text),
      ("score \(lead.score)", .text), ("value \(c.money(lead.value))", .text),
      ("source \(lead.source)", .muted),
    ]
    if !lead.segment.isEmpty { stage.append((lead.segment, .muted)) }
    if let (state, remaining) = Deadlines(c.pipeline).sla(of: lead, at: c.now) {
      stage.append(
        ("SLA \(state.rawValue) \(DurationText.countdown(remaining))", Format.role(state)))
    }
    line(stage)
    var facts: [(String, ThemeRole)] = [
      ("created \(c.dateTime(lead.createdAt))", .muted), ("version \(lead.version)", .muted),
      ("last: " + lead.describeLastChange(now: c.now), .muted),
    ]
    if let due = lead.nextFollowUp {
      facts.insert(("next follow-up \(c.dateTime(due))", due <= c.now ? .bad : .text), at: 0)
    }
    line(facts)
    if let r = lead.recycled {
      line([("↺ sent back by \(r.by) from \(r.from.rawValue): \(r.reason)", .warn)])
    } else if let reason = lead.reason {
      line([("reason: \(reason)", .warn)])
    }
    y += 1
    guard y < inner.y + inner.height else { return }
    frame.put("History", x: inner.x, y: y, role: .header)
    y += 1
    if let error = detail.error {
      frame.put(error, x: inner.x, y: y, role: .bad, limit: inner.width)
      return
    }
    guard let history = detail.history else {
      frame.put("reading…", x: inner.x, y: y, role: .muted)
      return
    }
    let room = inner.y + inner.height - y
    let top = min(detail.scroll, max(0, history.count - room))
    for event in history.dropFirst(top).prefix(room) {
      var col = frame.put(c.dateTime(event.at), x: inner.x, y: y, role: .muted)
      col = frame.put("  " + Truncation.pad(event.actor, width: 10) + " ", x: col, y: y)
      frame.put(
        EventText.describe(event, zone: c.pipeline.zone, currency: c.currency, namingLead: false),
        x: col, y: y, limit: inner.maxX - col)
      y += 1
    }
  }
}
