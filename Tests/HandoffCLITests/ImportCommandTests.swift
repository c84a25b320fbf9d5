import Foundation
import HandoffHost
import HandoffModel
import HandoffStore
import HandoffSystem
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `handoff import` run as a user would: a real process on a real store.
@Suite struct ImportCommandTests {
  private func write(_ cli: CLIFixture, _ name: String, _ text: String) -> String {
    let path = cli.folder.file(name)
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  private func storeBytes(_ cli: CLIFixture) -> Data? {
    try? Data(contentsOf: URL(fileURLWithPath: cli.store))
  }

  private func events(_ cli: CLIFixture) -> [[String: Any]] {
    guard let text = try? String(contentsOfFile: cli.store, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { cli.json(String($0)) as? [String: Any] }
  }

  private static let mixed = """
    name,email,owner,stage,created,phone
    Ada Costa,ada@costa.example,maria,new,2024-03-05 14:22,1
    Ben Brooks,ben@brooks.example,Pat O'Neil,new,2024-03-06,2
    Cy Cole,cy@cole.example,,Other,2024-03-07,3
    Dee Dunn,dee@,,new,2024-03-08,4

    """

  @Test("a dry run prints the plan, names every refused row, and writes nothing")
  func dryRun() throws {
    let cli = CLIFixture()
    cli.addTeam()
    let file = write(cli, "leads.csv", Self.mixed)
    let before = storeBytes(cli)
    let r = cli.run("import", file, "--dry-run")
    #expect(r.status == 1)
    #expect(storeBytes(cli) == before)
    #expect(r.stdout.contains("would create 1 · update 0 · leave unchanged 0 · refuse 3"))
    #expect(r.stdout.contains("\(file):3: owner 'Pat O'Neil' is no team member"))
    #expect(r.stdout.contains("\(file):4: stage 'Other' is not one Handoff knows"))
    #expect(r.stdout.contains("\(file):5: e-mail 'dee@' is not an address"))
    #expect(r.stdout.contains("  --map-owner 'Pat O'\\''Neil=HANDLE'   # 1 row"))
    #expect(r.stdout.contains("  --stage-map Other=STAGE   # 1 row"))
    #expect(r.stdout.contains("columns not used: phone"))
    #expect(
      r.stderr
        == "handoff: 3 rows refused: the import would write nothing (fix them, or add --skip-bad to import the rest)\n"
    )
  }

  @Test("refused rows stop the import whole; --skip-bad brings the good ones in")
  func skipBad() throws {
    let cli = CLIFixture()
    cli.addTeam()
    let file = write(cli, "leads.csv", Self.mixed)
    let before = storeBytes(cli)
    let refused = cli.run("import", file)
    #expect(refused.status == 1)
    #expect(storeBytes(cli) == before)
    #expect(refused.stderr.contains("3 rows refused: wrote nothing"))
    let r = cli.run("import", file, "--skip-bad")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("created 1 · updated 0 · unchanged 0 · refused 3"))
    #expect(r.stdout.contains("\(file):3: owner 'Pat O'Neil'"))
    let list = cli.ok("list")
    #expect(list.contains("Ada Costa"))
    #expect(!list.contains("Ben Brooks"))
  }

  @Test("the mapping options make refused rows fit")
  func mappings() throws {
    let cli = CLIFixture()
    cli.addTeam()
    let file = write(cli, "leads.csv", Self.mixed)
    let r = cli.run(
      "import", file, "--map-owner", "Pat O'Neil=liam", "--stage-map", "Other=nurturing",
      "--map", "phone=ignore", "--skip-bad")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("created 3 · updated 0 · unchanged 0 · refused 1"))
    #expect(!r.stdout.contains("columns not used"))
  }

  @Test("members' e-mails: team add and set --email; the owner column finds them by it")
  func memberEmails() throws {
    let cli = CLIFixture()
    cli.ok("team", "add", "maria", "--dept", "marketing", "--email", "maria@example.com")
    cli.ok("team", "add", "sam", "--dept", "sales", "--name", "Sam Okafor")
    cli.fails(
      1, "an address no other member has (maria has it)", "team", "set", "sam", "--email",
      "MARIA@example.com")
    cli.fails(2, "is not valid", "team", "set", "sam", "--email", "not-an-address")
    #expect(
      cli.ok("team", "set", "sam", "--email", "sam@example.com").contains("e-mail sam@example.com"))
    let team = try #require(cli.json(cli.ok("team", "list", "--json")) as? [[String: Any]])
    #expect(team.map { $0["email"] as? String } == ["maria@example.com", "sam@example.com"])
    let file = write(
      cli, "owners.csv",
      "email,name,owner,stage\na@x.example,A,Maria@Example.com,new\n"
        + "b@x.example,B,sam@example.com,accepted\n")
    let r = cli.run("import", file)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("by owner: maria 1, sam 1"))
    #expect(cli.ok("export", "--format", "hubspot").contains(",sam@example.com,"))
    cli.ok("team", "set", "sam", "--email", "none")
    #expect(cli.ok("team", "list").contains("sam"))
    let after = try #require(cli.json(cli.ok("team", "list", "--json")) as? [[String: Any]])
    #expect(after.last?["email"] is NSNull)
  }

  @Test("a second import of the same file writes nothing")
  func reimport() throws {
    let cli = CLIFixture()
    cli.addTeam()
    let file = write(cli, "leads.csv", Self.mixed)
    _ = cli.run("import", file, "--skip-bad")
    let before = storeBytes(cli)
    let again = cli.run("import", file, "--skip-bad")
    #expect(again.status == 0)
    #expect(again.stdout.contains("created 0 · updated 0 · unchanged 1 · refused 3"))
    #expect(storeBytes(cli) == before)
  }

  @Test("existing leads change through ordinary update, score, move and assign events")
  func updatesExisting() throws {
    let cli = CLIFixture()
    cli.addTeam()
    cli.ok("team", "add", "ops", "--dept", "marketing")
    cli.user = "ops"
    let id = cli.addLead("Ada Costa", owner: nil)
    cli.ok("edit", id, "--email", "ada@costa.example")
    let file = write(
      cli, "update.csv",
      "email,company,score,stage,owner\nADA@costa.example,Costa Foods,70,accepted,sam\n")
    let r = cli.run("import", file)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("created 0 · updated 1 · unchanged 0 · refused 0"))
    let mine = events(cli).filter { $0["actor"] as? String == "ops" && $0["lead"] != nil }
    let types = mine.compactMap { $0["type"] as? String }
    // new → mql → queued → accepted; the sales rep is given the lead once it is queued.
    #expect(
      Array(types.suffix(6)) == [
        "lead.updated", "lead.scored", "lead.moved", "lead.moved", "lead.assigned", "lead.moved",
      ])
    let lead = try #require(cli.json(cli.ok("show", id, "--json")) as? [String: Any])
    #expect(lead["company"] as? String == "Costa Foods")
    #expect(lead["score"] as? Int == 70)
    #expect(lead["stage"] as? String == "accepted")
    #expect(lead["owner"] as? String == "sam")
    #expect(lead["email"] as? String == "ada@costa.example")
    #expect(cli.ok("check").contains("0 problems"))
  }

  @Test("a lead keeps its history's date: one created in March counts in March")
  func historyDates() throws {
    let cli = CLIFixture()
    cli.addTeam()
    let file = write(
      cli, "march.csv",
      "name,email,created\nA,a@x.example,2024-03-05\nB,b@x.example,2024-03-31 23:00\nC,c@x.example,2024-04-01\n"
    )
    cli.ok("import", file)
    cli.ok("target", "set", "new-leads", "10", "--period", "2024-03")
    let targets = try #require(cli.json(cli.ok("targets", "--json")) as? [[String: Any]])
    let march = targets.first { $0["period"] as? String == "2024-03" }
    #expect(march?["actual"] as? Int == 2)
    let shown = cli.json(cli.ok("list", "--json")) as? [[String: Any]]
    #expect(
      shown?.compactMap { $0["created"] as? String }.sorted().first == "2024-03-05T00:00:00.000Z")
  }

  @Test("a new lead's later activity comes in its one lead.created, not a second event")
  func activityInTheCreation() throws {
    let cli = CLIFixture()
    cli.addTeam()
    let file = write(
      cli, "activity.csv",
      "name,email,created,last_activity\nA,a@x.example,2024-03-05,2024-05-01 10:00\nB,b@x.example,2024-03-06,\n"
    )
    let before = events(cli).count
    cli.ok("import", file)
    let added = events(cli).dropFirst(before)
    #expect(added.count == 2, "one event a lead")
    #expect(added.allSatisfy { $0["type"] as? String == "lead.created" && $0["snapshot"] == nil })
    let a = try #require(added.first { $0["name"] as? String == "A" })
    #expect(a["activity_at"] as? String == "2024-05-01T10:00:00.000Z")
    #expect(a["stage_at"] == nil, "the stage was entered at creation")
    let b = try #require(added.first { $0["name"] as? String == "B" })
    #expect(b["activity_at"] == nil)
    let shown = try #require(cli.json(cli.ok("list", "--json")) as? [[String: Any]])
    let leadA = try #require(shown.first { $0["name"] as? String == "A" })
    #expect(leadA["activity_at"] as? String == "2024-05-01T10:00:00.000Z")
    #expect(leadA["created"] as? String == "2024-03-05T00:00:00.000Z")
    let leadB = try #require(shown.first { $0["name"] as? String == "B" })
    #expect(leadB["activity_at"] as? String == "2024-03-06T00:00:00.000Z")
  }

  @Test("--json gives the report as one object with the counts and every problem")
  func json() throws {
    let cli = CLIFixture()
    cli.addTeam()
    let file = write(cli, "leads.csv", Self.mixed)
    let r = cli.run("import", file, "--dry-run", "--json")
    let report = try #require(cli.json(r.stdout) as? [String: Any])
    #expect(report["created"] as? Int == 1)
    #expect(report["updated"] as? Int == 0)
    #expect(report["unchanged"] as? Int == 0)
    #expect(report["refused"] as? Int == 3)
    let problems = try #require(report["problems"] as? [[String: Any]])
    #expect(problems.compactMap { $0["line"] as? Int } == [3, 4, 5])
    #expect(problems.allSatisfy { ($0["message"] as? String)?.isEmpty == false })
    let owners = try #require(report["unmapped_owners"] as? [[String: Any]])
    #expect(owners.first?["option"] as? String == "--map-owner 'Pat O'\\''Neil=HANDLE'")
  }

  @Test("standard input, and lead objects as JSON lines")
  func standardInput() throws {
    let cli = CLIFixture()
    cli.addTeam()
    let csv = cli.run(["import", "-"], stdin: "name,email\nZoe,zoe@x.example\n")
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdout.hasPrefix("stdin: spreadsheet"))
    let jsonl = """
      {"name":"Yu","email":"yu@x.example","value":1250050,"stage":"mql","created":"2024-03-05T10:00:00Z"}

      {"name":"Xi \\u00e9","email":"xi@x.example","score":40,"notes":[{"at":"x","by":"y","text":"z"}]}
      not json
      """
    let r = cli.run(["import", "-", "--from", "jsonl", "--skip-bad"], stdin: jsonl)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("created 2 · updated 0 · unchanged 0 · refused 1"))
    #expect(r.stdout.contains("stdin:4: line is not a JSON object"))
    let leads = try #require(cli.json(cli.ok("list", "--json")) as? [[String: Any]])
    let yu = leads.first { $0["name"] as? String == "Yu" }
    #expect(yu?["value"] as? Int == 1_250_050)
    #expect(yu?["stage"] as? String == "mql")
    #expect(leads.contains { $0["name"] as? String == "Xi é" })
  }

  @Test("export --csv, imported into an empty store, gives the same leads field for field")
  func roundTrip() throws {
    let a = CLIFixture()
    a.ok("demo", "--leads", "200", "--seed", "3")
    a.ok("add", "--name", "=SUM(A1)", "--company", "'=quoted", "--email", "f@x.example")
    a.ok("add", "--name", "Cole \"Big\", Jr", "--company", "-minus")
    let exported = a.ok("export", "--csv")
    let b = CLIFixture()
    // The same team (members are not in a lead export).
    let team = try #require(a.json(a.ok("team", "list", "--json")) as? [[String: Any]])
    for m in team {
      b.ok(
        "team", "add", m["handle"] as? String ?? "", "--name", m["name"] as? String ?? "",
        "--dept", m["dept"] as? String ?? "")
    }
    let file = write(b, "export.csv", exported)
    let r = b.run("import", file)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("created 202 · updated 0 · unchanged 0 · refused 0"))
    #expect(b.ok("export", "--csv") == exported)
    #expect(b.ok("check").contains("0 problems"))
  }

  @Test(
    "export filters by stage, owner and activity, and writes HubSpot's and Salesforce's columns")
  func exportFormats() throws {
    let cli = CLIFixture()
    cli.addTeam()
    let a = cli.addLead("Ada Costa", owner: "maria")
    _ = cli.addLead("Ben Brooks", owner: nil)
    cli.ok("move", a, "mql")
    let mql = cli.ok("export", "--csv", "--stage", "mql")
    #expect(mql.split(separator: "\n").count == 2)
    #expect(mql.contains("Ada Costa"))
    let none = cli.ok("export", "--csv", "--owner", "none")
    #expect(none.contains("Ben Brooks") && !none.contains("Ada Costa"))
    #expect(cli.ok("export", "--csv", "--since", "1d").split(separator: "\n").count == 3)
    #expect(cli.ok("export", "--csv", "--since", "2999-01-01").split(separator: "\n").count == 1)
    let hubspot = cli.ok("export", "--format", "hubspot", "--stage", "mql")
    #expect(
      hubspot.split(separator: "\n") == [
        "Email,First Name,Last Name,Company Name,Lifecycle Stage,Lead Status,Contact owner,Original Source,Handoff Stage,Handoff Reason,Handoff ID",
        ",Ada,Costa,Acme Labs,Marketing Qualified Lead,Open,Maria García,Other Campaigns,mql,,\(a)",
      ])
    let salesforce = cli.ok("export", "--format", "salesforce", "--stage", "mql")
    #expect(
      salesforce.split(separator: "\n").last
        == "Ada,Costa,Acme Labs,,webinar,Working - Contacted,Maria García,Cold,mql,,\(a)")
    cli.fails(2, "--format 'excel' is not one of", "export", "--format", "excel")
  }
}

/// `handoff import` killed with SIGKILL at any moment leaves none or all of the import.
@Suite struct ImportKillTests {
  @Test(
    "kill -9 during an import: the store holds none or all of it and checks clean", arguments: 0..<4
  )
  func killed(round: Int) throws {
    let folder = TemporaryDirectory("handoff-import-kill")
    let path = folder.file("store.jsonl")
    let csv = folder.file("leads.csv")
    let rows = 3000
    var text = "name,email,company,created\n"
    for i in 0..<rows {
      text += "Lead \(i),lead\(i)@x.example,Company \(i % 97),2024-0\(1 + i % 3)-1\(i % 10) 10:00\n"
    }
    _ = FileManager.default.createFile(atPath: csv, contents: Data(text.utf8))
    let environment = [
      "HOME": folder.path, "PATH": "/usr/bin:/bin", "HANDOFF_STORE": path, "HANDOFF_USER": "ops",
    ]
    var random = SplitMix64(seed: 0x1A9041 &+ UInt64(round))
    // Even rounds: kill while the import's lines are being written (its batch mark is
    // there and the log grows); odd rounds: at a seeded moment anywhere in its run.
    #if os(Linux)
      let watch = try Inotify()
      defer { watch.close() }
      _ = try watch.watch(folder.path, for: [.created, .movedIn, .modified])
    #endif
    let child = try ChildProcess.spawn(
      handoffExecutable(), ["import", csv], environment: environment)
    #if os(Linux)
      if round % 2 == 0 {
        var entry = pollfd(fd: watch.descriptor.rawValue, events: Int16(POLLIN), revents: 0)
        var marked = false
        var writing = false
        while !writing, poll(&entry, 1, 30_000) == 1 {
          for notice in watch.read() {
            if notice.name == "store.jsonl.batch" { marked = true }
            if marked, notice.name == "store.jsonl", notice.events.contains(.modified) {
              writing = true
            }
          }
        }
      } else {
        sleepForKillDelay(milliseconds: Int(random.next() % 1200))
      }
    #else
      sleepForKillDelay(milliseconds: Int(random.next() % 1200))
    #endif
    child.signal(SIGKILL)
    let ending = child.wait()
    let store = FileStore(path: path, clock: SystemClock(), zones: FixedZones())
    try store.open()
    let leads = store.pipeline.leadCount
    #expect(leads == 0 || leads == rows, "\(leads) leads after \(ending)")
    #expect(store.check().problems.isEmpty)
    // The next write settles whatever the killed one left; the store reads the same.
    try store.perform(
      .addMember(handle: "after", name: nil, department: .sales, capacity: nil), by: "maria")
    let reread = FileStore(path: path, clock: SystemClock(), zones: FixedZones())
    try reread.open()
    #expect(reread.pipeline.leadCount == leads)
    #expect(reread.check().problems.isEmpty)
    // Importing again completes it, whatever the killed run left.
    let again = runHandoff(["import", csv], environment: environment)
    #expect(again.status == 0, "\(again.stderr)")
    let final = FileStore(path: path, clock: SystemClock(), zones: FixedZones())
    try final.open()
    #expect(final.pipeline.leadCount == rows)
  }
}
