import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// A column of a lead table: how wide, how important when space is short, what it shows.
struct LeadColumn {
  var title: String
  var width: Int
  /// Takes a share of the spare width.
  var flex = false
  var right = false
  /// Columns with the lowest priority are dropped first when the table is narrow.
  var priority: Int
  var value: (Lead) -> (String, ThemeRole)
}

/// Draws a window of a lead list as a table: a header line, then one row per lead,
/// only the rows that are visible.
enum LeadTable {
  static func draw(
    _ frame: inout Frame, columns: [LeadColumn], headerY: Int, rows area: Rect,
    reader: ListReader, top: Int, selected: Int?, focused: Bool, empty: String
  ) {
    let fitted = fit(columns, width: area.width)
    var x = area.x
    for (column, width) in fitted {
      frame.cell(column.title, x: x, y: headerY, width: width, role: .header, right: column.right)
      x += width + 1
    }
    let leads = reader.leads(in: top..<(top + area.height))
    if leads.isEmpty {
      frame.put(empty, x: area.x, y: area.y, role: .muted, limit: area.width)
      return
    }
    for (i, lead) in leads.enumerated() {
      let y = area.y + i
      let isSelected = lead.id == selected
      let rowRole: ThemeRole = focused ? .selection : .selectionInactive
      if isSelected {
        frame.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: rowRole)
      }
      var x = area.x
      for (column, width) in fitted {
        let (text, role) = column.value(lead)
        frame.cell(
          text, x: x, y: y, width: width, role: isSelected ? rowRole : role, right: column.right)
        x += width + 1
      }
    }
  }

  /// The columns that fit, each with its width, in their original order.
  static func fit(_ columns: [LeadColumn], width: Int) -> [(LeadColumn, Int)] {
    var kept = Array(columns.indices)
    func total(_ indices: [Int]) -> Int {
      indices.reduce(0) { $0 + columns[$1].width } + max(0, indices.count - 1)
    }
    while total(kept) > width, kept.count > 1 {
      let drop = kept.min { columns[$0].priority < columns[$1].priority } ?? kept[0]
      kept.removeAll { $0 == drop }
    }
    let spare = max(0, width - total(kept))
    let flex = kept.filter { columns[$0].flex }
    return kept.map { i in
      var w = columns[i].width
      if let n = flex.firstIndex(of: i) {
        w += spare / flex.count + (n < spare % flex.count ? 1 : 0)
      }
      return (columns[i], w)
    }
  }
}

/// The columns the lists share.
enum Columns {
  static func id(priority: Int = 9) -> LeadColumn {
    LeadColumn(title: "id", width: 5, priority: priority) { (String($0.id), .muted) }
  }

  static func name(_ user: String, priority: Int = 10, width: Int = 10) -> LeadColumn {
    LeadColumn(title: "name", width: width, flex: true, priority: priority) { lead in
      let mark = lead.unseenByOwner && lead.owner == user
      return ((mark ? "● " : "") + lead.name, mark ? .marker : .text)
    }
  }

  static func company(priority: Int, width: Int = 8) -> LeadColumn {
    LeadColumn(title: "company", width: width, flex: true, priority: priority) {
      ($0.company, .text)
    }
  }

  static func score(priority: Int) -> LeadColumn {
    LeadColumn(title: "scr", width: 3, right: true, priority: priority) {
      (String($0.score), .text)
    }
  }

  static func source(priority: Int) -> LeadColumn {
    LeadColumn(title: "source", width: 8, priority: priority) { ($0.source, .muted) }
  }

  static func owner(priority: Int, width: Int = 10) -> LeadColumn {
    LeadColumn(title: "owner", width: width, priority: priority) { lead in
      lead.owner.map { ($0, .text) } ?? ("unassigned", .warn)
    }
  }

  static func stage(priority: Int, width: Int = 6) -> LeadColumn {
    LeadColumn(title: "stage", width: width, priority: priority) { lead in
      lead.recycled != nil && lead.stage == .nurturing
        ? (Format.stage(lead.stage) + "↺", .warn) : (Format.stage(lead.stage), .text)
    }
  }

  static func age(_ now: Timestamp, priority: Int) -> LeadColumn {
    LeadColumn(title: "age", width: 4, right: true, priority: priority) { lead in
      (DurationText.compact(now - lead.stageEnteredAt), .muted)
    }
  }

  static func value(_ context: ViewContext, priority: Int) -> LeadColumn {
    LeadColumn(title: "value", width: 7, right: true, priority: priority) { lead in
      (context.money(lead.value), .text)
    }
  }

  static func sla(_ context: ViewContext, priority: Int) -> LeadColumn {
    LeadColumn(title: "SLA", width: 8, right: true, priority: priority) { lead in
      guard let (state, remaining) = Deadlines(context.pipeline).sla(of: lead, at: context.now)
      else {
        return ("", .muted)
      }
      let text =
        state == .breached
        ? "+" + DurationText.countdown(Duration(milliseconds: -remaining.milliseconds))
        : DurationText.countdown(remaining)
      return (text, Format.role(state))
    }
  }

  /// What needs doing about a sales lead: stale deal, follow-up due or overdue.
  static func attention(_ context: ViewContext, priority: Int) -> LeadColumn {
    LeadColumn(title: "status", width: 9, priority: priority) { lead in
      let now = context.now
      if lead.stage == .won, let due = lead.nextFollowUp {
        if due <= now { return ("f/u -" + DurationText.compact(now - due), .bad) }
        let left = due - now
        return ("f/u " + DurationText.compact(left), left < .days(7) ? .warn : .muted)
      }
      if Deadlines(context.pipeline).isStale(lead, at: now) {
        return ("stale " + DurationText.compact(now - lead.lastActivityAt), .bad)
      }
      if lead.stage.isOpenDeal {
        return ("act " + DurationText.compact(now - lead.lastActivityAt), .muted)
      }
      return (lead.reason ?? "", .muted)
    }
  }
}
