import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// One lead and its full history: who did what when, with reasons and notes.
struct DetailView: ScreenPart {
  var area: Rect
  var leadID: Int
  /// How to go back, in the title.
  var note: String
  /// The lead's facts, a line each; nil when the lead is gone.
  var facts: [[Span]]?
  /// Where the history stands: read, being read, or unreadable.
  var history: History

  /// The history part of the screen.
  enum History: Equatable {
    case reading
    case failed(String)
    /// The events shown as rows (when, who, what), from `offset` of `count`.
    case shown(rows: [[Span]], offset: Int, count: Int)
  }

  /// Lines above the history: the facts, a blank line and the `History` title.
  static func historyTop(facts: Int) -> Int { facts + 2 }

  init(_ c: ViewContext, detail: LeadDetail, width: Int, height: Int) {
    area = Rect(x: 0, y: 0, width: width, height: height - 1)
    leadID = detail.leadID
    note = c.state.keymap.hint(.back, "back")
    guard let lead = c.pipeline.lead(detail.leadID) else {
      facts = nil
      history = .reading
      return
    }
    let facts = DetailView.facts(of: lead, c)
    self.facts = facts
    if let error = detail.error {
      history = .failed(error)
    } else if let events = detail.history {
      let room = max(0, area.height - 2 - DetailView.historyTop(facts: facts.count))
      let top = min(detail.scroll, max(0, events.count - room))
      history = .shown(
        rows: events.dropFirst(top).prefix(room).map { event in
          [
            Span(c.dateTime(event.at), role: .muted), Span(event.actor),
            Span(
              EventText.describe(
                event, zone: c.pipeline.zone, currency: c.currency, namingLead: false)),
          ]
        }, offset: top, count: events.count)
    } else {
      history = .reading
    }
  }

  /// Name and contact; stage, owner and numbers; dates and the last change; why it
  /// came back or stopped, if it did.
  static func facts(of lead: Lead, _ c: ViewContext) -> [[Span]] {
    var lines: [[Span]] = [
      [
        Span(lead.name, role: .titleFocused, mayCut: true), Span(lead.company, mayCut: true),
        Span(lead.email, role: .muted, mayCut: true),
      ]
    ]
    var stage: [Span] = [
      Span(
        "\(lead.stage.rawValue) for \(DurationText.compact(c.now - lead.stageEnteredAt))",
        role: .accent),
      Span("owner " + (lead.owner ?? "unassigned"), role: lead.owner == nil ? .warn : .text),
      Span("score \(lead.score)"), Span("value \(c.money(lead.value))"),
      Span("source \(lead.source)", role: .muted),
    ]
    if !lead.segment.isEmpty { stage.append(Span(lead.segment, role: .muted)) }
    if let (state, remaining) = Deadlines(c.pipeline).sla(of: lead, at: c.now) {
      stage.append(
        Span("SLA \(state.rawValue) \(DurationText.countdown(remaining))", role: Format.role(state))
      )
    }
    lines.append(stage)
    var facts: [Span] = [
      Span("created \(c.dateTime(lead.createdAt))", role: .muted),
      Span("version \(lead.version)", role: .muted),
      Span(
        "last: " + lead.describeLastChange(now: c.now), role: .muted, mayCut: true),
    ]
    if let due = lead.nextFollowUp {
      facts.insert(
        Span("next follow-up \(c.dateTime(due))", role: due <= c.now ? .bad : .text), at: 0)
    }
    lines.append(facts)
    if let r = lead.recycled {
      lines.append([
        Span(
          "↺ sent back by \(r.by) from \(r.from.rawValue): \(r.reason)", role: .warn, mayCut: true)
      ])
    } else if let reason = lead.reason {
      lines.append([Span("reason: \(reason)", role: .warn, mayCut: true)])
    }
    return lines
  }

  /// When, who (10 cells), what: the history's columns.
  static let historyColumns = [
    TableColumn("when", width: 17), TableColumn("who", width: 10),
    TableColumn("what", width: 1, grows: true),
  ]

  func draw(in buffer: inout CellBuffer, theme: Theme) {
    let inner = Pane(title: "Lead \(leadID)", note: note, focused: true).draw(
      in: &buffer, area: area, theme: theme)
    guard let facts else {
      TextLine("no lead \(leadID)", role: .bad).draw(in: &buffer, area: inner.row(0), theme: theme)
      return
    }
    for (i, line) in facts.enumerated() {
      FigureLine(line).draw(in: &buffer, area: inner.row(i), theme: theme)
    }
    let top = DetailView.historyTop(facts: facts.count)
    TextLine("History", role: .header).draw(in: &buffer, area: inner.row(top - 1), theme: theme)
    let below = inner.inset(top: top)
    switch history {
    case .reading:
      TextLine("reading…", role: .muted).draw(in: &buffer, area: below.row(0), theme: theme)
    case .failed(let error):
      TextLine(error, role: .bad).draw(in: &buffer, area: below.row(0), theme: theme)
    case .shown(let rows, let offset, let count):
      Table(
        columns: DetailView.historyColumns, rowCount: count, offset: offset, showsHeader: false
      ) { $0 - offset < rows.count ? rows[$0 - offset] : [] }
      .draw(in: &buffer, area: below, theme: theme)
    }
  }
}
