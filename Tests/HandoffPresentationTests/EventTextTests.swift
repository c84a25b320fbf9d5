import HandoffHost
import HandoffModel
import HandoffPresentation
import Testing

/// Every kind of event in words, with and without the lead it is about.
struct EventTextTests {
  let at = Timestamp(iso8601: "2026-11-23T23:30:00Z")!
  let berlin = SystemZones().zone(named: "Europe/Berlin")!

  private func words(_ body: EventBody, namingLead: Bool = true) -> String {
    EventText.describe(
      Event(seq: 7, at: at, actor: "maria", body: body), zone: berlin, currency: "USD",
      namingLead: namingLead)
  }

  private var lead: Lead {
    Lead(
      id: 1042, name: "Ada Costa", company: "Acme Labs", source: "webinar", stage: .queued,
      owner: "sam", createdAt: at)
  }

  @Test("lead events name the lead first, or leave it out for the lead's own history")
  func leads() {
    #expect(
      words(.leadCreated(LeadCreated(lead: lead)))
        == "1042 created: Ada Costa, Acme Labs (webinar) for sam")
    #expect(
      words(.leadCreated(LeadCreated(lead: lead)), namingLead: false)
        == "created: Ada Costa, Acme Labs (webinar) for sam")
    #expect(
      words(.leadCreated(LeadCreated(lead: lead, snapshot: true))) == "1042 restored in queued")
    #expect(
      words(.leadUpdated(LeadUpdated(lead: 1042, version: 2, name: "Ada C.", value: 1_200_000)))
        == "1042 edited: name Ada C., value $12,000")
    #expect(words(.leadScored(lead: 1042, version: 3, score: 80)) == "1042 scored 80")
    #expect(
      words(
        .leadMoved(
          LeadMoved(
            lead: 1042, version: 4, from: .queued, to: .nurturing, reason: "no budget",
            owner: .some(nil))))
        == "1042 moved queued → nurturing: no budget, unassigned")
    #expect(
      words(
        .leadMoved(
          LeadMoved(lead: 1042, version: 5, from: .negotiation, to: .won, value: 5_000_000)),
        namingLead: false) == "moved negotiation → won at $50,000")
    #expect(
      words(
        .leadAssigned(LeadAssigned(lead: 1042, version: 6, owner: "sam", note: "yours", auto: true))
      )
        == "1042 assigned to sam (auto): yours")
    #expect(
      words(.leadAssigned(LeadAssigned(lead: 1042, version: 6, owner: nil))) == "1042 unassigned")
    #expect(words(.noteAdded(lead: 1042, version: 7, text: "called")) == "1042 note: called")
    #expect(words(.leadOpened(lead: 1042)) == "1042 opened")
  }

  @Test("a follow-up's next date is the team's local date")
  func followUp() {
    // 23:30 UTC is already the next day in Berlin.
    #expect(
      words(.followUpLogged(lead: 1042, version: 8, next: at), namingLead: false)
        == "followed up; next due 2026-11-24")
  }

  @Test("an undo says in plain words what it took back and where that left the lead")
  func undo() {
    func undid(_ kind: EventKind, _ restore: Lead) -> String {
      words(
        .leadReverted(
          LeadReverted(
            lead: 1042, version: 9, undoes: 5, undoneKind: kind, undoneAt: at, restore: restore)))
    }
    var before = lead
    #expect(undid(.leadMoved, before) == "1042 undid a stage move: back in queued")
    #expect(undid(.leadAssigned, before) == "1042 undid an assignment: back to sam")
    before.owner = nil
    #expect(undid(.leadAssigned, before) == "1042 undid an assignment: unassigned again")
    before.score = 40
    #expect(undid(.leadScored, before) == "1042 undid a score: back to 40")
    #expect(undid(.leadUpdated, before) == "1042 undid an edit")
    #expect(undid(.noteAdded, before) == "1042 undid a note")
    #expect(undid(.followUpLogged, before) == "1042 undid a follow-up")
  }

  @Test("team, target and setting events name who or what they are about")
  func team() {
    #expect(
      words(.memberJoined(MemberJoined(handle: "sam", name: "Sam", department: .sales)))
        == "sam joined sales")
    #expect(
      words(
        .memberUpdated(MemberUpdated(handle: "sam", away: true, capacity: .some(nil))),
        namingLead: false) == "sam: away, capacity none")
    #expect(words(.memberLeft(handle: "sam")) == "sam left the team")
    let period = Period(kind: .month, year: 2026, index: 11)
    #expect(
      words(
        .targetSet(
          Target(metric: .revenue, period: period, scope: .department(.sales), value: 10_000_000)))
        == "target revenue for sales in 2026-11 = $100,000")
    #expect(words(.settingChanged(key: "sla", value: "4h")) == "sla = 4h")
  }
}
