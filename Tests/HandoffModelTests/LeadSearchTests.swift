import HandoffDemo
import Testing

@testable import HandoffModel

@Suite struct LeadSearchTests {
  /// A demo pipeline, and a reference search: lowercased substring over the six fields.
  private func pipeline() -> PipelineFold {
    let now = Timestamp(iso8601: "2026-11-20T15:00:00Z")!
    let fold = PipelineFold(localZone: .utc)
    for (n, e) in DemoTeam.events(leads: 300, seed: 5, now: now, zone: .utc).enumerated() {
      #expect(fold.apply(Event(seq: Int64(n + 1), at: e.at, actor: e.actor, body: e.body)) == nil)
    }
    return fold
  }

  private func reference(_ p: Pipeline, _ list: LeadList, _ query: String, owner: String?) -> [Int]
  {
    let q = query.lowercased()
    return p.leads(of: list, in: 0..<p.count(of: list)).filter { lead in
      if let owner, lead.owner != owner { return false }
      return q.isEmpty
        || [
          String(lead.id), lead.name, lead.company, lead.email, lead.owner ?? "unassigned",
          lead.source,
        ]
        .contains { $0.lowercased().contains(q) }
    }.map(\.id)
  }

  private func search(_ p: Pipeline, _ list: LeadList, _ query: String, owner: String?) -> [Int] {
    p.slots(of: list, matching: LeadSearch(query), owner: owner).map { p.leadID(atSlot: Int($0)) }
  }

  @Test func matchesTheReferenceBeforeAndAfterChanges() throws {
    let fold = pipeline()
    let p = fold.pipeline
    let queries = [
      "", "a", "AN", "son", "seo", "unassigned", "@", "xq", "Ünï", "é", "1", "20", "107",
    ]
    let lists: [LeadList] = Stage.allCases.map { .stage($0) } + [.openDeals, .customers]
    func compareAll() {
      for list in lists {
        for query in queries {
          for owner in [nil, "sam"] as [String?] {
            #expect(
              search(p, list, query, owner: owner) == reference(p, list, query, owner: owner),
              "\(list) “\(query)” owner \(owner ?? "-")")
          }
        }
      }
    }
    compareAll()
    // Renames, new leads and reassignments after the search text was built.
    let now = Timestamp(iso8601: "2026-11-20T16:00:00Z")!
    var seq = p.lastSeq
    func perform(_ command: Command, by actor: String) throws {
      let body = try Planner(p).plan(command, by: actor, at: now)
      seq += 1
      #expect(fold.apply(Event(seq: seq, at: now, actor: actor, body: body)) == nil)
    }
    let some = p.allLeads.filter { $0.stage == .nurturing }.prefix(40)
    for (n, lead) in some.enumerated() {
      try perform(.updateLead(id: lead.id, LeadEdit(name: "Renamed Ünïcode \(n)")), by: "maria")
    }
    try perform(.addLead(NewLead(name: "Zed Anson", company: "Qx Ltd", source: "seo")), by: "maria")
    compareAll()
  }

  @Test func aRepeatedSearchSeesEveryChangeSinceTheLast() throws {
    let fold = pipeline()
    let p = fold.pipeline
    let now = Timestamp(iso8601: "2026-11-20T16:00:00Z")!
    var seq = p.lastSeq
    func perform(_ command: Command) throws {
      let body = try Planner(p).plan(command, by: "maria", at: now)
      seq += 1
      #expect(fold.apply(Event(seq: seq, at: now, actor: "maria", body: body)) == nil)
    }
    let list = LeadList.stage(.nurturing)
    // The same needle asked after each change, as a filtered dashboard does per event:
    // what it remembers of unchanged leads, and what it looks at anew, both hold.
    #expect(search(p, list, "son", owner: nil) == reference(p, list, "son", owner: nil))
    let leads = p.allLeads.filter { $0.stage == .nurturing }
    let gaining = try #require(leads.first { !$0.name.lowercased().contains("son") })
    try perform(.updateLead(id: gaining.id, LeadEdit(name: "Jackson Pollock")))
    #expect(search(p, list, "son", owner: nil).contains(gaining.id))
    let losing = try #require(
      search(p, list, "son", owner: nil).compactMap { p.lead($0) }.first {
        !String($0.id).contains("son") && !$0.company.lowercased().contains("son")
          && !$0.email.lowercased().contains("son") && !$0.source.contains("son")
          && !($0.owner ?? "unassigned").contains("son")
      })
    try perform(.updateLead(id: losing.id, LeadEdit(name: "Plain Name")))
    #expect(!search(p, list, "son", owner: nil).contains(losing.id))
    try perform(.addLead(NewLead(name: "Ann Robson", company: "Qx Ltd", source: "seo")))
    try perform(.note(id: leads[3].id, text: "a note changes no text"))
    for owner in [nil, "sam"] as [String?] {
      #expect(search(p, list, "son", owner: owner) == reference(p, list, "son", owner: owner))
    }
    #expect(
      search(p, .stage(.new), "son", owner: nil) == reference(p, .stage(.new), "son", owner: nil))
  }
}
