import Foundation
import Testing

/// Leads through the CLI: capture, the whole path, refusals, undo.
struct CLILeadTests {
  @Test("add prints the new lead's id alone")
  func addPrintsID() {
    let f = CLIFixture()
    f.addTeam()
    let r = f.run("add", "--name", "Ada Costa", "--company", "Acme", "--value", "12,000.50")
    #expect(r.status == 0)
    #expect(r.stdout == "1001\n")
    #expect(f.run("add", "--name", "Ben").stdout == "1002\n")
    let lead = f.json(f.ok("show", "1001", "--json")) as? [String: Any]
    #expect(lead?["value"] as? Int == 1_200_050)
    f.fails(2, "add needs --name", "add", "--company", "Acme")
  }

  @Test(
    "a lead walks the whole path: nurture, qualify, hand off, assign, accept, meet, win, follow up")
  func wholePath() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    #expect(f.ok("move", id, "nurturing").contains("\(id) moved new → nurturing"))
    f.ok("score", id, "80")
    f.ok("move", id, "mql")
    f.ok("handoff", id)
    #expect(f.stage(id) == "queued")
    #expect(f.ok("list", "--stage", "queued").contains(id))
    f.ok("assign", id, "sam", "--note", "your territory")
    f.user = "sam"
    f.ok("accept", id)
    #expect(f.ok("list", "--owner", "sam").contains(id))
    f.ok("move", id, "meeting")
    f.ok("note", id, "Demo", "went", "well")
    f.ok("won", id, "--value", "15k")
    f.ok("followup", id, "--next", "10d")
    let lead = f.json(f.ok("show", id, "--json")) as? [String: Any]
    #expect(lead?["stage"] as? String == "won")
    #expect(lead?["owner"] as? String == "sam")
    #expect(lead?["value"] as? Int == 1_500_000)
    let shown = f.ok("show", id)
    for part in [
      "won", "Demo went well", "History", "assigned to sam: your territory", "follow-up",
    ] {
      #expect(shown.contains(part), "show lacks \(part)")
    }
  }

  @Test("reject sends a queued lead back to marketing with its reason; lost needs one")
  func rejectAndLose() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    f.ok("move", id, "mql")
    f.ok("handoff", id)
    f.user = "olivia"
    f.fails(2, "reject needs --reason", "reject", id)
    f.fails(1, "needs a reason", "move", id, "nurturing")
    f.ok("reject", id, "--reason", "no budget")
    let shown = f.ok("show", id)
    #expect(shown.contains("recycled"))
    #expect(shown.contains("no budget"))
    #expect(f.stage(id) == "nurturing")
    f.user = "maria"
    let other = f.addLead("Ben Park")
    f.ok("move", other, "mql")
    f.ok("handoff", other)
    f.user = "olivia"
    f.ok("autoassign", other)
    // The rep auto-assign chose accepts it: anyone else would be taking it.
    f.user = (f.json(f.ok("show", other, "--json")) as? [String: Any])?["owner"] as? String ?? ""
    f.ok("accept", other)
    f.fails(2, "lost needs --reason", "lost", other)
    f.ok("lost", other, "--reason", "price")
    #expect(f.stage(other) == "lost")
  }

  @Test("refusals: illegal move, unknown lead and member, wrong department, stale version")
  func refusals() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    f.fails(1, "cannot move from new to won", "move", id, "won")
    f.fails(1, "no lead 9999", "show", "9999")
    f.fails(1, "no lead 9999", "move", "9999", "mql")
    f.fails(1, "no team member 'nobody'", "assign", id, "nobody")
    f.fails(1, "no team member 'nobody'", "list", "--owner", "nobody")
    f.fails(1, "sam is in sales, but leads in new are owned by marketing", "assign", id, "sam")
    f.fails(1, "follow-ups are logged for customers", "followup", id)
    f.ok("move", id, "nurturing")
    f.fails(
      1, "changed since you saw it (version 1, now 2)", "move", id, "mql", "--if-version", "1")
    f.ok("--if-version", "2", "move", id, "mql")
    f.fails(2, "--if-version applies only", "undo", "--if-version", "2")
    f.fails(
      2, "--if-version applies only to commands that change a lead", "team", "add", "zed", "--dept",
      "sales", "--if-version", "1")
  }

  @Test("edit changes contact fields; undo takes back the user's last change")
  func editAndUndo() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    f.ok("edit", id, "--company", "Acme Robotics", "--email", "ada@acme.example")
    #expect(f.ok("show", id).contains("Acme Robotics"))
    f.fails(2, "edit needs at least one", "edit", id)
    f.ok("move", id, "mql")
    #expect(f.ok("undo").contains("undid moving \(id) from new to mql: it is back in new"))
    #expect(f.stage(id) == "new")
    // Undo again: the edit before the move, not a refusal to undo the undo.
    #expect(f.ok("undo").contains("undid your edit of \(id): company, e-mail as before"))
    #expect(
      (f.json(f.ok("show", id, "--json")) as? [String: Any])?["company"] as? String == "Acme Labs")
    #expect(f.ok("assign", id, "none").contains("\(id) unassigned"))
    #expect((f.json(f.ok("show", id, "--json")) as? [String: Any])?["owner"] is NSNull)
    f.fails(1, "nothing changed: \(id) has no owner", "assign", id, "none")
    f.user = "liam"
    f.fails(1, "nothing to undo: you have not changed lead \(id)", "undo", id)
  }

  @Test("list filters by stage, owner and department; piped, it is never cut")
  func list() {
    let f = CLIFixture()
    f.addTeam()
    let a = f.addLead("Ada Costa-Fontaine-Lindqvist-Hoffmann of Very Long Names")
    let b = f.addLead("Ben Park", owner: nil)
    f.ok("move", a, "mql")
    f.ok("handoff", a)
    let queued = f.ok("list", "--stage", "queued")
    #expect(queued.contains(a) && !queued.contains(b))
    #expect(queued.contains("SLA"))
    #expect(queued.contains("3h5") || queued.contains("4h00m"), "time left: \(queued)")
    #expect(f.ok("list", "--owner", "none").contains(b))
    #expect(!f.ok("list", "--dept", "marketing").contains(a))
    let all = f.ok("list")
    #expect(all.hasPrefix("  ID  STAGE"))
    #expect(all.contains("Ada Costa-Fontaine-Lindqvist-Hoffmann of Very Long Names"))
    #expect(!all.contains("…"))
    f.fails(2, "no department 'ops'", "list", "--dept", "ops")
  }

  @Test("--json gives lead and member objects with the log's field names")
  func jsonKeys() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    f.ok("note", id, "first call")
    let list = f.json(f.ok("list", "--json")) as? [[String: Any]]
    #expect(list?.count == 1)
    let lead = list?.first ?? [:]
    for key in [
      "id", "name", "company", "email", "source", "segment", "score", "value", "stage", "owner",
      "created",
    ] {
      #expect(lead[key] != nil, "no \(key)")
    }
    let shown = f.json(f.ok("show", id, "--json")) as? [String: Any]
    #expect(shown?["notes"] != nil)
    let team = f.json(f.ok("team", "list", "--json")) as? [[String: Any]]
    #expect(team?.count == 4)
    for key in ["handle", "dept", "name", "away", "capacity"] {
      #expect(team?.first?[key] != nil, "no \(key)")
    }
    #expect(f.json(f.ok("--json", "move", id, "nurturing")) as? [String: Any] != nil)
  }

  @Test("control characters are refused on every write, naming the field")
  func controlCharactersRefused() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead("Eve")
    f.fails(
      2, "name holds a control character (U+001B), which is never stored", "add", "--name",
      "Eve \u{1B}]0;pwned\u{07}")
    f.fails(2, "company holds a control character (U+009B)", "edit", id, "--company", "A\u{9B}2J")
    f.fails(2, "note holds a control character (U+0007)", "note", id, "bell\u{07}")
    f.fails(
      2, "reason holds a control character (U+202E)", "move", id, "disqualified", "--reason",
      "x\u{202E}y")
    f.fails(
      2, "name holds a control character (U+001B)", "team", "add", "zed", "--dept", "sales",
      "--name", "Z\u{1B}[31m")
    // A note may hold lines and tabs.
    f.ok("note", id, "line one\nline\ttwo")
  }

  @Test("control characters stored by an older version never reach the terminal raw")
  func controlCharacters() {
    let f = CLIFixture()
    f.addTeam()
    f.appendLegacy(
      #""type":"lead.created","lead":1001,"name":"Eve \u001b]0;pwned\u0007\u001b[31mRed\u009b2J","company":"Acme","source":"webinar","score":0,"value":0"#
    )
    f.appendLegacy(#""type":"lead.note","lead":1001,"v":2,"text":"bell\u0007 and \u001b[2J clear""#)
    let id = "1001"
    for output in [f.ok("list"), f.ok("show", id), f.ok("export")] {
      #expect(
        !output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }
      )
    }
    #expect(f.ok("list").contains("Eve ␛]0;pwned␇␛[31mRed"))
    #expect(f.ok("show", id, "--json").contains("\\u001b"))
    f.fails(2, "unknown command 'x␛[31m'", "x\u{1B}[31m")
  }
}
