import HandoffModel
import HandoffPresentation
import HandoffTerminal

/// The standup report as plain text for a terminal or a mail: a table per department
/// (a row per member and their total), what was behind the numbers (reasons, deals,
/// breaches) in wrapped lines, and the targets. Lines fit `width` (80 at most).
struct StandupReportText {
  let report: StandupReport
  let width: Int

  /// The most deals and breaches named on a line before "and N more".
  static let named = 6

  var text: String {
    let r = report
    var out = "Standup report: " + ReportSpan.describe(r) + "\n"
    if r.departments.isEmpty { out += "\nNo one on the team matches.\n" }
    for group in r.departments {
      out += "\n" + ReportSpan.title(group.department) + "\n"
      let columns = ReportColumn.columns(for: group)
      var table = TableText(
        [.init("MEMBER", flexible: true, minimum: 8)]
          + columns.map { .init($0.title, alignment: .right) })
      for m in group.members {
        table.add([m.handle.isEmpty ? "(none)" : m.handle] + columns.map { $0.cell(m, r.currency) })
      }
      if group.members.count > 1 {
        let total = group.total
        table.add(["total"] + columns.map { $0.cell(total, r.currency) })
      }
      out += indent(table.render(width: width - 2))
      for line in ReportDetails.lines(
        group, currency: r.currency, named: Self.named, safe: { UntrustedTextCLI.safe($0) })
      {
        let wrapped = Paragraph.wrap(line.label + ": " + line.text, width: width - 4)
        for (i, part) in wrapped.enumerated() { out += (i == 0 ? "  " : "    ") + part + "\n" }
      }
    }
    out += "\nTargets\n"
    if r.targets.isEmpty {
      out += "  none set for this period\n"
    } else {
      var table = TableText([
        .init("SCOPE", flexible: true), .init("METRIC"), .init("PERIOD"),
        .init("ACTUAL", alignment: .right), .init("TARGET", alignment: .right),
        .init("ATTAIN", alignment: .right), .init("PACE", alignment: .right), .init("STATE"),
      ])
      for t in r.targets {
        table.add(ReportSpan.targetCells(t, currency: r.currency))
      }
      out += indent(table.render(width: width - 2))
    }
    return out
  }

  private func indent(_ lines: String) -> String {
    lines.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
      $0.isEmpty ? "\n" : "  " + $0 + "\n"
    }.joined()
  }
}
