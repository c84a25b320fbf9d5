import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// One lead and its full history: who did what when, with reasons and notes.
///
/// The facts stay on top; below them, the reason the lead came back or stopped, its
/// notes and its history are one document wrapped in full to the screen's width,
/// filling the screen's height and scrolled with the keys.
struct DetailView: ScreenPart {
  var area: Rect
  var leadID: Int
  /// How to go back, in the title.
  var note: String
  /// The lead's facts, a line each; nil when the lead is gone.
  var facts: [[Span]]?
  /// The document's lines shown, from `offset`, and how many it has.
  var lines: [Line]
  var offset: Int
  var count: Int

  /// A line of the document below the facts.
  enum Line: Equatable {
    /// Text already wrapped to the width.
    case text(String, ThemeRole)
    /// A section's title.
    case header(String)
    /// A history row: when and who on its first line, what wrapped below.
    case event(when: String, who: String, what: String)
  }

  init(_ c: ViewContext, detail: LeadDetail, width: Int, height: Int) {
    area = Rect(x: 0, y: 0, width: width, height: height - 1)
    leadID = detail.leadID
    note = c.state.keymap.hint(.back, "back")
    guard let lead = c.pipeline.lead(detail.leadID) else {
      facts = nil
      lines = []
      offset = 0
      count = 0
      return
    }
    let facts = DetailView.facts(of: lead, c)
    self.facts = facts
    let document = DetailView.document(lead, detail, c.pipeline, width: max(1, width - 2))
    let room = DetailView.room(height: height)
    count = document.count
    offset = min(detail.scroll, max(0, document.count - room))
    lines = Array(document.dropFirst(offset).prefix(room))
  }

  /// The most characters of one text the document wraps: far more than any field
  /// holds when written today, so only a damaged or hostile log (a name of a megabyte)
  /// is cut, and the screen stays as fast as ever.
  static let wrapLimit = 4_000

  /// The text, cut after `wrapLimit` characters.
  static func bounded(_ text: String) -> String {
    text.count <= wrapLimit ? text : String(text.prefix(wrapLimit)) + "…"
  }

  /// The facts' lines: name, stage and numbers, dates.
  static let factLines = 3

  /// How many document lines the screen shows below the facts at a height.
  static func room(height: Int) -> Int { max(0, height - 1 - 2 - factLines - 1) }

  /// The furthest the document scrolls at a size: its last line at the bottom.
  static func maxScroll(_ detail: LeadDetail, _ pipeline: Pipeline, width: Int, height: Int)
    -> Int
  {
    guard let lead = pipeline.lead(detail.leadID) else { return 0 }
    let count = document(lead, detail, pipeline, width: max(1, width - 2)).count
    return max(0, count - room(height: height))
  }

  /// Everything below the facts, wrapped to `width`: why it came back or stopped,
  /// the notes (newest first), then the history.
  static func document(_ lead: Lead, _ detail: LeadDetail, _ pipeline: Pipeline, width: Int)
    -> [Line]
  {
    let zone = pipeline.zone
    var out: [Line] = []
    func wrapped(_ text: String, _ role: ThemeRole, indent: Int = 0) {
      let pad = String(repeating: " ", count: indent)
      for line in Paragraph.wrap(bounded(text), width: max(1, width - indent)) {
        out.append(.text(pad + line, role))
      }
    }
    if let r = lead.recycled {
      wrapped("↺ sent back by \(r.by) from \(r.from.rawValue): \(r.reason)", .warn)
    } else if let reason = lead.reason {
      wrapped("reason: \(reason)", .warn)
    }
    let notes = pipeline.notes(of: lead.id)
    if !notes.isEmpty {
      if !out.isEmpty { out.append(.text("", .text)) }
      out.append(.header("Notes (\(notes.count))"))
      for n in notes.reversed() {
        out.append(.text("\(LocalTime.format(n.at, zone: zone)) · \(n.author)", .muted))
        wrapped(n.text, .text, indent: 2)
      }
    }
    if !out.isEmpty { out.append(.text("", .text)) }
    out.append(.header("History"))
    if let error = detail.error {
      wrapped(error, .bad)
    } else if let events = detail.history {
      let whatWidth = max(1, width - historyColumns[0].width - historyColumns[1].width - 2)
      for event in events {
        let what = EventText.describe(
          event, zone: zone, currency: pipeline.settings.currency, namingLead: false)
        for (i, part) in Paragraph.wrap(bounded(what), width: whatWidth).enumerated() {
          out.append(
            .event(
              when: i == 0 ? LocalTime.format(event.at, zone: zone) : "",
              who: i == 0 ? event.actor : "",
              what: part))
        }
      }
    } else {
      out.append(.text("reading…", .muted))
    }
    return out
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
      facts.insert(followUp(due, c), at: 0)
    }
    lines.append(facts)
    return lines
  }

  /// The next follow-up, marked overdue (past), due (within the week the sales pane
  /// counts as due) or ahead.
  static func followUp(_ due: Timestamp, _ c: ViewContext) -> Span {
    let when = "next follow-up \(c.dateTime(due))"
    if due <= c.now {
      return Span("\(when) · overdue \(DurationText.compact(c.now - due))", role: .bad)
    }
    if due < c.now + .days(7) {
      return Span("\(when) · due in \(DurationText.compact(due - c.now))", role: .warn)
    }
    return Span(when)
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
    let below = inner.inset(top: facts.count + 1)
    if count > lines.count {
      let position = Table.position(offset: offset, visible: lines.count, count: count)
      TextLine(position, role: .muted, alignment: .right).draw(
        in: &buffer, area: inner.row(facts.count), theme: theme)
    }
    for (i, line) in lines.enumerated() {
      let row = below.row(i)
      switch line {
      case .text(let text, let role):
        TextLine(text, role: role).draw(in: &buffer, area: row, theme: theme)
      case .header(let title):
        TextLine(title, role: .header).draw(in: &buffer, area: row, theme: theme)
      case .event(let when, let who, let what):
        Table(columns: DetailView.historyColumns, rowCount: 1, showsHeader: false) { _ in
          [Span(when, role: .muted), Span(who), Span(what)]
        }
        .draw(in: &buffer, area: row, theme: theme)
      }
    }
  }
}
