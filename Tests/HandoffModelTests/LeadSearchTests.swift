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
}
