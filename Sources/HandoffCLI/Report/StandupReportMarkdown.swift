import HandoffModel
import HandoffPresentation

/// The standup report as Markdown for a chat or a wiki: a heading per department with
/// a pipe table and bullets, then the targets. Data text is made safe for a terminal
/// and its Markdown characters are escaped, so a name never turns into markup.
struct StandupReportMarkdown {
  let report: StandupReport

  var text: String {
    let r = report
    var out = "## Standup report\n\n" + ReportSpan.describe(r) + "\n"
    if r.departments.isEmpty { out += "\nNo one on the team matches.\n" }
    for group in r.departments {
      out += "\n### " + ReportSpan.title(group.department) + "\n\n"
      let columns = ReportColumn.columns(for: group)
      out += row(["member"] + columns.map { $0.title.lowercased() })
      out += "| --- |" + String(repeating: " ---: |", count: columns.count) + "\n"
      for m in group.members {
        let name = m.handle.isEmpty ? "(none)" : escaped(m.handle)
        out += row([name] + columns.map { escaped($0.cell(m, r.currency)) })
      }
      if group.members.count > 1 {
        out += row(
          ["**total**"] + columns.map { "**" + escaped($0.cell(group.total, r.currency)) + "**" })
      }
      let details = ReportDetails.lines(
        group, currency: r.currency, named: StandupReportText.named, safe: escaped)
      if !details.isEmpty { out += "\n" }
      for line in details { out += "- **" + escaped(line.label) + "**: " + line.text + "\n" }
    }
    out += "\n### Targets\n\n"
    if r.targets.isEmpty {
      out += "None set for this period.\n"
    } else {
      out += row(["scope", "metric", "period", "actual", "target", "attained", "pace", "state"])
      out += "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |\n"
      for t in r.targets {
        out += row(ReportSpan.targetCells(t, currency: r.currency).map(escaped))
      }
    }
    return out
  }

  private func row(_ cells: [String]) -> String {
    "| " + cells.joined(separator: " | ") + " |\n"
  }

  /// Data text safe for a terminal, with the characters Markdown gives a meaning to
  /// inside a line or a table cell escaped by a backslash (and line breaks, which would
  /// end a table row, as spaces). Nothing the report prints starts a line with data.
  func escaped(_ text: String) -> String {
    var out = ""
    for c in UntrustedTextCLI.safe(text) {
      if "\\`*_[]<>|~".contains(c) {
        out.append("\\")
        out.append(c)
      } else if c.isNewline {
        out.append(" ")
      } else {
        out.append(c)
      }
    }
    return out
  }
}
