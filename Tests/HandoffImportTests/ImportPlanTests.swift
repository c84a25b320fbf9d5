import HandoffModel
import Testing

@testable import HandoffImport

@Suite struct ImportPlanTests {
  @Test("a row for an existing lead updates what differs, matched by e-mail whatever its case")
  func updates() throws {
    let existing = Team.lead(
      7, "Ada A.", email: "Ada@Andersen.example", company: "Andersen", score: 10)
    let r = try Team.plan(
      "email,name,company,score,value\n ada@andersen.EXAMPLE ,Ada Andersen,Andersen,10,500\n",
      baseline: Team.baseline(leads: [existing]))
    #expect(r.report.created == 0)
    let update = try #require(r.plan.updates.first)
    #expect(update.lead.id == 7)
    #expect(update.edit == LeadEdit(name: "Ada Andersen", value: 50_000))
    #expect(update.score == nil)
    #expect(update.moves.isEmpty)
  }

  @Test("a row that says what the lead already has changes nothing; empty cells say nothing")
  func unchanged() throws {
    let existing = Team.lead(7, "Ada", email: "ada@a.example", company: "A", stage: .mql, score: 40)
    let r = try Team.plan(
      "email,name,company,score,stage,source\nada@a.example,Ada,,40,mql,\n",
      baseline: Team.baseline(leads: [existing]))
    #expect(r.report.unchanged == 1)
    #expect(r.report.updated == 0)
  }

  @Test("leads without an e-mail match by name and company")
  func matchByName() throws {
    let existing = Team.lead(3, "Bo Berg", email: "", company: "Berg AB")
    let r = try Team.plan(
      "name,company,score\nbo berg,BERG AB,55\nBo Berg,Other AB,1\n",
      baseline: Team.baseline(leads: [existing]))
    #expect(r.plan.updates.map(\.lead.id) == [3])
    #expect(r.plan.creations.map(\.company) == ["Other AB"])
  }

  @Test("a stage moves forward along allowed moves, never back and never by recycling")
  func stages() throws {
    let leads = [
      Team.lead(1, "A", email: "a@x.example", stage: .new),
      Team.lead(2, "B", email: "b@x.example", stage: .accepted),
      Team.lead(3, "C", email: "c@x.example", stage: .mql),
      Team.lead(4, "D", email: "d@x.example", stage: .won),
      Team.lead(5, "E", email: "e@x.example", stage: .accepted),
    ]
    let r = try Team.plan(
      "email,stage\na@x.example,won\nb@x.example,mql\nc@x.example,disqualified\nd@x.example,lost\ne@x.example,disqualified\n",
      baseline: Team.baseline(leads: leads))
    let moves = Dictionary(uniqueKeysWithValues: r.plan.updates.map { ($0.lead.id, $0.moves) })
    #expect(moves[1] == [.mql, .queued, .accepted, .won])
    #expect(moves[3] == [.nurturing, .disqualified])
    #expect(r.plan.updates.first { $0.lead.id == 3 }?.reason == "imported as disqualified")
    #expect(r.plan.keptStages.map(\.lead) == [2, 4, 5])
    #expect(r.report.notes.contains { $0.hasPrefix("3 leads keep their stage in Handoff") })
  }

  @Test("StagePath: ahead and reachable only")
  func stagePath() {
    #expect(StagePath.forward(from: .new, to: .mql) == [.mql])
    #expect(StagePath.forward(from: .queued, to: .negotiation) == [.accepted, .negotiation])
    #expect(StagePath.forward(from: .won, to: .churned) == [.churned])
    #expect(StagePath.forward(from: .mql, to: .new) == nil)
    #expect(StagePath.forward(from: .lost, to: .won) == nil)
    #expect(StagePath.forward(from: .accepted, to: .disqualified) == nil)
    for from in Stage.allCases {
      for to in Stage.allCases {
        guard let path = StagePath.forward(from: from, to: to) else { continue }
        var at = from
        for next in path {
          #expect(at.canMove(to: next) && !at.recycles(to: next), "\(from) → \(to)")
          at = next
        }
        #expect(at == to)
      }
    }
  }

  @Test(
    "an owner from the other department: a new lead goes in unassigned, an old one keeps its owner")
  func owners() throws {
    let existing = Team.lead(9, "Q", email: "q@x.example", stage: .accepted, owner: "lee")
    let r = try Team.plan(
      "email,name,owner,stage\nq@x.example,Q,maria,\nnew@x.example,N,sam,new\nacc@x.example,A,sam,accepted\n",
      baseline: Team.baseline(leads: [existing]))
    #expect(r.plan.updates.isEmpty)
    #expect(r.report.unchanged == 1)
    #expect(r.plan.creations.map(\.owner) == [.some(nil), .some("sam")])
    #expect(r.plan.skippedOwners.map(\.line) == [2, 3])
  }

  @Test("an existing lead moved to a sales stage takes a sales owner from the same row")
  func ownerAfterMove() throws {
    let existing = Team.lead(9, "Q", email: "q@x.example", stage: .queued)
    let r = try Team.plan(
      "email,owner,stage\nq@x.example,sam,accepted\n", baseline: Team.baseline(leads: [existing]))
    let update = try #require(r.plan.updates.first)
    #expect(update.moves == [.accepted])
    #expect(update.owner == .some("sam"))
  }

  @Test("importing the same file again, once its leads are in, plans nothing")
  func reimport() throws {
    let text = String(decoding: Team.fixture("hubspot-contacts.csv"), as: UTF8.self)
    let first = try Team.plan(text)
    var leads: [Lead] = []
    for (i, row) in first.plan.creations.enumerated() {
      leads.append(
        Lead(
          id: i + 1, name: row.name ?? "", company: row.company ?? "", email: row.email ?? "",
          source: row.source ?? Importer.defaultSource, segment: row.segment ?? "",
          score: row.score ?? 0, value: row.value ?? 0, stage: row.stage ?? .new,
          owner: row.owner ?? nil, createdAt: row.created ?? Team.t0, reason: row.reason))
    }
    let second = try Team.plan(text, baseline: Team.baseline(leads: leads))
    #expect(second.report.created == 0)
    #expect(second.report.updated == 0)
    #expect(second.report.unchanged == first.report.created)
  }
}

@Suite struct RowValidatorTests {
  // By code point, so the test log never carries the raw character.
  @Test(
    "characters never stored refuse the row, naming the column",
    arguments: [0x1B, 0x07, 0x7F, 0x85, 0x9B, 0x2028, 0x202E, 0x2067, 0x09, 0x00, 0x0D] as [UInt32])
  func controls(code: UInt32) throws {
    let name = "a" + String(Unicode.Scalar(code)!) + "b"
    let r = try Team.plan("name,email\n\"\(name)\",x@y.example\n")
    #expect(
      r.report.problems.map(\.message) == [
        "column 'name' holds a control character (\(Validate.codePoint(code))), which is never stored"
      ])
    #expect(r.report.created == 0)
  }

  @Test("text that is only unusual is kept: accents, CJK, emoji, zero-width joiners")
  func unusual() throws {
    let r = try Team.plan("name,email\nZoë 有限 👩‍💻,z@y.example\n")
    #expect(r.plan.creations.first?.name == "Zoë 有限 👩‍💻")
  }

  @Test("a Handoff export's formula guard comes off, and only that")
  func unguard() {
    #expect(RowValidator.unguarded("'=SUM(A1)") == "=SUM(A1)")
    #expect(RowValidator.unguarded("'-5") == "-5")
    #expect(RowValidator.unguarded("''=x") == "'=x")
    #expect(RowValidator.unguarded("'Tis") == "'Tis")
    #expect(RowValidator.unguarded("plain") == "plain")
  }

  @Test("bad numbers, dates in the future, and a currency that is not the team's")
  func values() throws {
    let r = try Team.plan(
      "name,score,value,created,currency\nA,-1,,,\nB,,€5,,\nC,,,2031-01-01,\nD,,5,,EUR\nE,85.0,1.5,,USD\n"
    )
    #expect(
      r.report.problems.map(\.message) == [
        "score '-1' is not a whole number from 0 up",
        "value '€5' is in EUR, but the team counts in USD",
        "created '2031-01-01' is in the future",
        "value '5' is in EUR, but the team counts in USD",
      ])
    #expect(r.plan.creations.first?.score == 85)
    #expect(r.plan.creations.first?.value == 150)
  }

  @Test("a name from first and last name, else the title, else the e-mail")
  func names() throws {
    let r = try Team.plan(
      "first name,last name,email\nAda,,a@x.example\n,Berg,b@x.example\n,,c@x.example\n")
    #expect(r.plan.creations.map(\.name) == ["Ada", "Berg", "c@x.example"])
  }

  @Test("the dry-run report: counts, refusals, lines to paste, unused columns")
  func report() throws {
    let r = try Team.plan(
      "name,email,owner,stage,phone\nA,a@x.example,maria,new,1\nB,b@x.example,Pat O'Neil,new,2\nC,c@x.example,,Other,3\n"
    )
    #expect(
      r.report.lines(dryRun: true) == [
        "test.csv: spreadsheet, UTF-8, comma-separated, 3 rows",
        "  read with Handoff's column names and the CRMs' stage words",
        "would create 1 · update 0 · leave unchanged 0 · refuse 2",
        "  by stage: new 1",
        "  by owner: maria 1",
        "  by source: import 1",
        "refused rows:",
        "  test.csv:3: owner 'Pat O'Neil' is no team member (--map-owner 'Pat O'Neil=HANDLE')",
        "  test.csv:4: stage 'Other' is not one Handoff knows (--stage-map 'Other=STAGE')",
        "owners no team member fits (add a handle and paste):",
        "  --map-owner 'Pat O'\\''Neil=HANDLE'   # 1 row",
        "stages no table covers (add a stage and paste):",
        "  --stage-map Other=STAGE   # 1 row",
        "columns not used: phone",
      ])
  }
}
