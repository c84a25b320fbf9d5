import Foundation
import Testing

/// Who may do what, end to end: members only, each department its part, `--take` and
/// `--force`, roles; and `list`'s search and filters.
struct CLIRulesTests {
  @Test("a write by someone not on the team is refused, naming the nearest handle")
  func onlyMembers() {
    let f = CLIFixture()
    f.user = "setup"
    f.ok("team", "add", "maria", "--dept", "marketing")
    f.fails(1, "'setup' is not on the team", "team", "add", "sam", "--dept", "sales")
    f.user = "maria"
    f.addTeam2()
    let id = f.addLead()
    f.fails(
      1, "'ghost' is not on the team, and only members change it (see: handoff team list)",
      "note", id, "boo", "--user", "ghost")
    f.fails(1, "did you mean 'maria'?", "note", id, "hi", "--user", "mraia")
    // Reading needs no membership.
    #expect(f.run("show", id, "--user", "ghost").status == 0)
    let log = (try? String(contentsOfFile: f.store, encoding: .utf8)) ?? ""
    #expect(!log.contains("ghost") && !log.contains("mraia"))
  }

  @Test("roles: marketing hands off, sales accepts and closes, a manager either")
  func roles() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    f.ok("move", id, "mql")
    f.user = "sam"
    f.fails(1, "sam is in sales: only marketing members and managers hand off leads", "handoff", id)
    f.user = "maria"
    f.fails(2, "no role 'boss'", "team", "set", "sam", "--role", "boss")
    #expect(f.ok("team", "set", "sam", "--role", "manager").contains("role manager"))
    f.user = "sam"
    f.ok("handoff", id)
    f.user = "maria"
    f.fails(1, "maria is in marketing: only sales members and managers accept leads", "accept", id)
    #expect(
      f.ok("team", "add", "kim", "--dept", "sales", "--role", "manager")
        == "kim joined sales as a manager\n")
    let list = f.ok("team", "list")
    #expect(list.contains("ROLE"))
    #expect(list.split(separator: "\n").contains { $0.hasPrefix("kim") && $0.contains("manager") })
    let members = f.json(f.ok("team", "list", "--json")) as? [[String: Any]]
    #expect(members?.first { $0["handle"] as? String == "kim" }?["role"] as? String == "manager")
    #expect(members?.first { $0["handle"] as? String == "liam" }?["role"] as? String == "member")
  }

  @Test("accepting someone else's lead needs --take; the history says from whom")
  func take() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    f.ok("move", id, "mql")
    f.ok("handoff", id)
    f.ok("assign", id, "sam")
    f.user = "olivia"
    f.fails(1, "\(id) is sam's: to accept it yourself, take it from sam (--take)", "accept", id)
    #expect(f.ok("accept", id, "--take").contains("taken by olivia from sam"))
    #expect(f.ok("show", id).contains("taken by olivia from sam"))
    f.user = "sam"
    f.fails(1, "\(id) is olivia's: to close it yourself", "won", id)
    f.fails(1, "(--take)", "lost", id, "--reason", "price")
    f.ok("won", id, "--take", "--value", "10k")
    let lead = f.json(f.ok("show", id, "--json")) as? [String: Any]
    #expect(lead?["owner"] as? String == "sam")
    #expect(lead?["stage"] as? String == "won")
    let log = (try? String(contentsOfFile: f.store, encoding: .utf8)) ?? ""
    #expect(log.contains("\"taken_from\":\"sam\""))
    #expect(log.contains("\"taken_from\":\"olivia\""))
  }

  @Test("assigning to a member away or at capacity needs --force")
  func force() {
    let f = CLIFixture()
    f.addTeam()
    let a = f.addLead()
    f.ok("move", a, "mql")
    f.ok("handoff", a)
    f.ok("team", "set", "sam", "--away", "on")
    f.fails(1, "sam is away and receives no new leads (--force assigns anyway", "assign", a, "sam")
    f.ok("assign", a, "sam", "--force")
    f.ok("team", "set", "olivia", "--capacity", "0")
    f.fails(
      1, "olivia holds 0 open leads, at capacity 0 (--force assigns anyway)", "assign", a, "olivia")
    f.ok("assign", a, "olivia", "--force")
    f.ok("team", "set", "liam", "--away", "on")
    f.fails(1, "liam is away", "add", "--name", "Bo", "--owner", "liam")
    f.ok("add", "--name", "Bo", "--owner", "liam", "--force")
  }

  @Test("list --search matches id, name, company, e-mail, owner and source; filters add up")
  func listSearch() {
    let f = CLIFixture()
    f.addTeam()
    let a = f.addLead("Ada Costa")
    f.ok("edit", a, "--email", "ada@costa.example")
    let b = f.addLead("Ben Park", owner: nil)
    f.ok("edit", b, "--source", "referral", "--company", "Parkside")
    func ids(_ args: String...) -> Set<String> {
      let r = f.run(["list"] + args)
      #expect(r.status == 0, "\(r.stderr)")
      let out = r.stdout
      return Set(
        out.split(separator: "\n").dropFirst().compactMap {
          $0.split(separator: " ").first.map(String.init)
        })
    }
    #expect(ids("--search", "COSTA.example") == [a])
    #expect(ids("--search", "parkside") == [b])
    #expect(ids("--search", "referral") == [b])
    #expect(ids("--search", "unassigned") == [b])
    #expect(ids("--search", "maria") == [a])
    #expect(ids("--search", b) == [b])
    #expect(ids("--search", "nothing-like-this").isEmpty)
    f.ok("move", a, "mql")
    f.ok("handoff", a)
    f.user = "sam"
    f.ok("reject", a, "--reason", "no budget")
    #expect(ids("--recycled") == [a])
    #expect(ids("--recycled", "--search", "ben").isEmpty)
    #expect(ids("--since", "1d") == [a, b])
    #expect(ids("--since", "2099-01-01").isEmpty)
    #expect(ids("--breached").isEmpty)
    #expect(ids("--stale").isEmpty)
    f.fails(2, "--since 'soon' is not valid", "list", "--since", "soon")
  }
}

extension CLIFixture {
  /// The rest of `addTeam`'s team, for a test that added Maria itself.
  func addTeam2() {
    ok("team", "add", "liam", "--dept", "marketing")
    ok("team", "add", "sam", "--dept", "sales", "--name", "Sam Okafor")
    ok("team", "add", "olivia", "--dept", "sales", "--capacity", "5")
  }
}
