import Foundation
import Testing

/// The team, targets, settings and figures through the CLI.
struct CLITeamTests {
  @Test("team add, set, list and remove")
  func team() {
    let f = CLIFixture()
    f.addTeam()
    f.fails(1, "'sam' is already on the team", "team", "add", "sam", "--dept", "sales")
    f.fails(2, "team add needs --dept", "team", "add", "zoe")
    f.fails(2, "handle 'Zoe Smith' is not valid", "team", "add", "Zoe Smith", "--dept", "sales")
    #expect(f.ok("team", "set", "sam", "--away", "on").contains("sam: away"))
    f.ok("team", "set", "olivia", "--capacity", "none")
    f.fails(2, "away 'maybe' is not valid", "team", "set", "sam", "--away", "maybe")
    f.fails(1, "no team member 'zed'", "team", "set", "zed", "--away", "on")
    f.ok("team", "remove", "liam")
    let list = f.ok("team", "list")
    #expect(list.contains("HANDLE"))
    #expect(list.split(separator: "\n").contains { $0.hasPrefix("sam ") && $0.hasSuffix("away") })
    #expect(list.split(separator: "\n").contains { $0.hasPrefix("liam ") && $0.hasSuffix("left") })
    let id = f.addLead()
    f.ok("move", id, "mql")
    f.ok("handoff", id)
    f.fails(1, "sam is away", "assign", id, "sam")
  }

  @Test("targets: set for team, department and member; shown with attainment and pace")
  func targets() {
    let f = CLIFixture()
    f.addTeam()
    #expect(f.ok("targets").contains("no targets"))
    f.ok("target", "set", "mqls", "20")
    f.ok("target", "set", "revenue", "100k", "--dept", "sales")
    f.ok("target", "set", "won", "5", "--member", "sam", "--period", "next")
    f.fails(
      2, "give --member or --dept, not both", "target", "set", "won", "5", "--member", "sam",
      "--dept", "sales")
    f.fails(1, "no team member 'zed'", "target", "set", "won", "5", "--member", "zed")
    f.fails(2, "period '2026-13' is not valid", "target", "set", "won", "5", "--period", "2026-13")
    let id = f.addLead()
    f.ok("move", id, "mql")
    let table = f.ok("targets")
    #expect(table.contains("team") && table.contains("mqls") && table.contains("$100k"))
    #expect(table.contains("@sam"))
    let json = f.json(f.ok("targets", "--json")) as? [[String: Any]]
    let mqls = json?.first { $0["metric"] as? String == "mqls" }
    #expect(mqls?["actual"] as? Int == 1)
    #expect(mqls?["target"] as? Int == 20)
    #expect(mqls?["pace"] != nil)
  }

  @Test("settings: list, read, change, refuse")
  func settings() {
    let f = CLIFixture()
    // On a store not there yet, reading says so; on an empty one, the defaults.
    f.fails(1, "no store at \(f.store) yet", "settings")
    f.ok("init")
    let all = f.ok("settings")
    #expect(all.contains("sla") && all.contains("4h"))
    #expect(f.ok("settings", "sla", "2h") == "sla = 2h\n")
    #expect(f.ok("settings", "sla") == "sla = 2h\n")
    f.fails(2, "sla 'soon' is not valid", "settings", "sla", "soon")
    f.fails(2, "no setting 'sal' (settings: ", "settings", "sal")
    let json = f.json(f.ok("settings", "--json")) as? [String: Any]
    #expect(json?["sla"] as? String == "2h")
  }

  @Test("stats show each pane's numbers, as text and JSON")
  func stats() {
    let f = CLIFixture()
    f.ok("demo", "--leads", "300", "--seed", "4")
    let text = f.ok("stats")
    for part in ["Marketing", "Handoff queue", "Sales", "acceptance rate", "follow-ups due"] {
      #expect(text.contains(part))
    }
    let json = f.json(f.ok("stats", "--json")) as? [String: Any]
    let queue = json?["queue"] as? [String: Any]
    #expect((queue?["size"] as? Int ?? 0) > 0)
  }
}
