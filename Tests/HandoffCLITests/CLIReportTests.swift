import Foundation
import Testing

/// `handoff report` end to end: a small day's work, reported as text, Markdown and JSON.
struct CLIReportTests {
  /// A team, two leads taken through MQL and handoff by maria, one accepted and won by
  /// sam, the other rejected by olivia.
  private func day() -> CLIFixture {
    let f = CLIFixture()
    f.addTeam()
    let a = f.addLead("Ada Costa")
    let b = f.addLead("Bo Reyes")
    for id in [a, b] {
      f.ok("move", id, "mql")
      f.ok("handoff", id)
    }
    f.user = "sam"
    f.ok("accept", a)
    f.ok("won", a, "--value", "15k")
    f.user = "olivia"
    f.ok("reject", b, "--reason", "Too small | for us")
    f.ok("target", "set", "mqls", "10")
    return f
  }

  @Test("the text report: per department and member, reasons and deals, 80 columns")
  func text() {
    let f = day()
    let text = f.ok("report")
    #expect(text.hasPrefix("Standup report: "))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.allSatisfy { $0.count <= 80 }, "\(text)")
    // maria: two new leads, two MQLs, two handoffs.
    #expect(lines.contains { $0.split(separator: " ") == ["maria", "2", "2", "2"] }, "\(text)")
    #expect(lines.contains { $0.hasPrefix("  sam ") && $0.contains("$15k") })
    #expect(text.contains("Rejected: Too small | for us (1)"))
    #expect(text.contains("#1001 Acme Labs $15k"))
    #expect(text.contains("team   mqls    2026-12"))
    // Narrowed to marketing: no sales table.
    let marketing = f.ok("report", "--dept", "marketing")
    #expect(marketing.contains("Marketing") && !marketing.contains("Sales\n"))
    let sam = f.ok("report", "--member", "sam", "--since", "2d")
    #expect(sam.contains("  sam ") && !sam.contains("maria"))
  }

  @Test("Markdown tables with data text escaped, and JSON with snake_case keys")
  func markdownAndJSON() {
    let f = day()
    let md = f.ok("report", "--markdown")
    #expect(md.hasPrefix("## Standup report\n"))
    #expect(md.contains("| member | new | mqls | handoffs |"))
    #expect(md.contains("| maria | 2 | 2 | 2 |"))
    #expect(md.contains("- **Rejected**: Too small \\| for us (1)"))
    let json = f.json(f.ok("report", "--json", "--since", "7d")) as? [String: Any]
    let departments = json?["departments"] as? [[String: Any]]
    #expect(departments?.compactMap { $0["department"] as? String } == ["marketing", "sales"])
    let members = departments?.flatMap { ($0["members"] as? [[String: Any]]) ?? [] } ?? []
    let maria = members.first { $0["handle"] as? String == "maria" }
    #expect(maria?["new_leads"] as? Int == 2)
    let sam = members.first { $0["handle"] as? String == "sam" }
    #expect(sam?["won_value"] as? Int == 1_500_000)
    let olivia = members.first { $0["handle"] as? String == "olivia" }
    let rejected = olivia?["rejected"] as? [[String: Any]]
    #expect(rejected?.first?["reason"] as? String == "Too small | for us")
    #expect((json?["targets"] as? [[String: Any]])?.first?["metric"] as? String == "mqls")
  }

  @Test("bad input: one line, nothing printed")
  func refusals() {
    let f = day()
    f.fails(2, "--since must be in the past", "report", "--since", "2999-01-01")
    f.fails(2, "--since 'soon' is not valid", "report", "--since", "soon")
    f.fails(1, "ghost", "report", "--member", "ghost")
    f.fails(2, "no department 'ops'", "report", "--dept", "ops")
    f.fails(2, "--json and --markdown", "report", "--json", "--markdown")
  }
}
