import HandoffModel
import Testing

struct PlanTests {
  @Test(
    "handing off unassigns; accepting gives the lead to its rep, else to the sales member accepting"
  )
  func ownersAcrossTheHandoff() {
    let h = Harness()
    h.addTeam()
    let a = h.addLead()
    let b = h.addLead("Bea")
    for id in [a, b] {
      h.act(.move(id: id, to: .mql, reason: nil), by: "maria")
      h.act(.handOff(id: id), by: "maria")
      #expect(h.pipeline.lead(id)?.owner == nil)
      #expect(h.pipeline.lead(id)?.handedOffBy == "maria")
    }
    h.act(.assign(id: a, to: "lee", note: "yours"), by: "sam")
    #expect(h.pipeline.lead(a)?.unseenByOwner == true)
    h.act(.accept(id: a), by: "lee")
    #expect(h.pipeline.lead(a)?.owner == "lee")
    #expect(
      h.refusal(.accept(id: b), by: "maria")
        == .notTheirDuty(handle: "maria", department: .marketing, duty: .accept))
    h.act(
      .updateMember(handle: "tom", away: nil, capacity: nil, name: nil, role: .manager), by: "maria"
    )
    #expect(
      h.refusal(.accept(id: b), by: "tom")
        == .needsOwner(
          lead: b,
          why: "has no sales owner: assign a rep first (a), or accept it as a member of sales"))
    h.act(.accept(id: b), by: "ana")
    #expect(h.pipeline.lead(b)?.owner == "ana")
    #expect(h.pipeline.lead(b)?.unseenByOwner == false)
  }

  @Test(
    "a rejected lead returns to the marketer who handed it off, marked recycled with reason and actor"
  )
  func rejectionClosesTheLoop() {
    let h = Harness()
    h.addTeam()
    let id = h.addLead(owner: "tom", by: "tom")
    h.act(.move(id: id, to: .mql, reason: nil), by: "tom")
    h.act(.handOff(id: id), by: "tom")
    #expect(
      h.refusal(.reject(id: id, reason: "  "), by: "sam")
        == .reasonRequired(lead: id, from: .queued, to: .nurturing))
    h.act(.reject(id: id, reason: "Student, not a buyer"), by: "sam")
    let lead = h.pipeline.lead(id)!
    #expect(lead.stage == .nurturing)
    #expect(lead.owner == "tom")
    #expect(
      lead.recycled
        == Recycling(reason: "Student, not a buyer", by: "sam", at: h.now, from: .queued))
    h.act(.move(id: id, to: .mql, reason: nil), by: "tom")
    #expect(h.pipeline.lead(id)?.recycled == nil)
    #expect(h.pipeline.lead(id)?.reason == "Student, not a buyer")
  }

  @Test("assignment checks membership, department, away and departures")
  func assignmentRules() {
    let h = Harness()
    h.addTeam()
    let id = h.addLead()
    #expect(
      h.refusal(.assign(id: id, to: "nobody", note: nil), by: "maria") == .unknownMember("nobody"))
    #expect(
      h.refusal(.assign(id: id, to: "sam", note: nil), by: "maria")
        == .wrongDepartment(handle: "sam", department: .sales, stage: .new, needed: .marketing))
    #expect(
      h.refusal(.assign(id: id, to: "maria", note: nil), by: "maria")
        == .alreadyOwner(lead: id, handle: "maria"))
    h.act(.updateMember(handle: "tom", away: true, capacity: nil, name: nil), by: "tom")
    #expect(h.refusal(.assign(id: id, to: "tom", note: nil), by: "maria") == .memberAway("tom"))
    h.act(.updateMember(handle: "tom", away: false, capacity: nil, name: nil), by: "tom")
    h.act(.removeMember(handle: "tom"), by: "maria")
    #expect(h.refusal(.assign(id: id, to: "tom", note: nil), by: "maria") == .memberInactive("tom"))
    h.act(.assign(id: id, to: nil, note: nil), by: "maria")
    #expect(h.pipeline.lead(id)?.owner == nil)
    #expect(
      h.refusal(.assign(id: id, to: nil, note: nil), by: "maria")
        == .nothingChanged("\(id) has no owner"))
  }

  @Test(
    "auto-assign picks the least-loaded active rep under capacity; ties go to the longest waiting")
  func autoAssign() {
    let h = Harness()
    h.addTeam()  // sam has capacity 3
    var queued: [Int] = []
    for i in 0..<8 {
      let id = h.addLead("L\(i)")
      h.act(.move(id: id, to: .mql, reason: nil), by: "maria")
      h.act(.handOff(id: id), by: "maria")
      queued.append(id)
    }
    // Nobody holds leads yet and nobody was ever assigned one: handle order decides.
    var picks: [String] = []
    for id in queued.prefix(6) {
      h.advance(.minutes(1))
      let event = h.act(.autoAssign(id: id), by: "sam")
      if case .leadAssigned(let a)? = event?.body {
        #expect(a.auto)
        picks.append(a.owner ?? "-")
      }
    }
    #expect(picks == ["ana", "lee", "sam", "ana", "lee", "sam"])
    h.act(.updateMember(handle: "ana", away: true, capacity: nil, name: nil), by: "ana")
    h.advance(.minutes(1))
    h.act(.autoAssign(id: queued[6]), by: "sam")
    #expect(h.pipeline.lead(queued[6])?.owner == "lee")
    // sam holds 2 and lee 3; sam next, reaching capacity 3.
    h.advance(.minutes(1))
    h.act(.autoAssign(id: queued[7]), by: "sam")
    #expect(h.pipeline.lead(queued[7])?.owner == "sam")
    h.act(.removeMember(handle: "lee"), by: "maria")
    let extra = h.addLead("Extra")
    h.act(.move(id: extra, to: .mql, reason: nil), by: "maria")
    h.act(.handOff(id: extra), by: "maria")
    #expect(
      h.refusal(.autoAssign(id: extra), by: "sam")
        == .noCandidate(
          lead: extra, department: .sales, why: "everyone is away, at capacity or already its owner"
        ))
  }

  @Test("a stale version is refused with what changed, who changed it and when")
  func staleVersion() {
    let h = Harness()
    h.addTeam()
    let id = h.addLead()
    h.act(.move(id: id, to: .mql, reason: nil), by: "maria")
    h.act(.handOff(id: id), by: "maria")
    let seen = h.pipeline.lead(id)!.version
    h.act(.assign(id: id, to: "sam", note: nil), by: "maria", ifVersion: seen)
    h.advance(.seconds(3))
    let error = h.refusal(.assign(id: id, to: "lee", note: nil), by: "ana", ifVersion: seen)
    #expect(
      error
        == .staleVersion(
          lead: id, expected: seen, current: seen + 1,
          change: "\(id) was assigned to sam by maria 3 s ago"))
    #expect(
      error?.description
        == "\(id) changed since you saw it (version \(seen), now \(seen + 1)): \(id) was assigned to sam by maria 3 s ago"
    )
  }

  @Test(
    "undo puts the lead back, takes back what it counted, and is refused once the lead moved on")
  func undo() {
    let h = Harness()
    h.addTeam()
    let id = h.addLead()
    h.act(.move(id: id, to: .mql, reason: nil), by: "maria")
    h.act(.handOff(id: id), by: "maria")
    h.act(.accept(id: id), by: "lee")
    let before = h.pipeline.lead(id)!
    let won = h.act(.won(id: id, value: 3_000_000), by: "lee")!
    let nov = Period("2026-11")!
    #expect(h.pipeline.actual(.revenue, scope: .member("lee"), period: nov) == 3_000_000)
    #expect(throws: ModelError.cannotUndo("that change was made by lee, not by you")) {
      try Planner(h.pipeline).plan(undoOf: won, leadBefore: before, by: "sam", at: h.now)
    }
    let body = try? Planner(h.pipeline).plan(undoOf: won, leadBefore: before, by: "lee", at: h.now)
    h.record(body!, by: "lee")
    let after = h.pipeline.lead(id)!
    #expect(after.stage == .accepted && after.value == before.value && after.nextFollowUp == nil)
    #expect(after.version == before.version + 2)
    #expect(h.pipeline.actual(.revenue, scope: .member("lee"), period: nov) == 0)
    #expect(h.pipeline.actual(.won, scope: .team, period: nov) == 0)
    #expect(h.pipeline.count(in: .won) == 0 && h.pipeline.count(in: .accepted) == 1)
    // Once someone else changes the lead, the older action cannot be undone.
    let note = h.act(.note(id: id, text: "call Tuesday"), by: "lee")!
    h.act(.score(id: id, 80), by: "sam")
    #expect(throws: ModelError.cannotUndo("since your change, \(id) was scored 80 by sam just now"))
    {
      try Planner(h.pipeline).plan(undoOf: note, leadBefore: after, by: "lee", at: h.now)
    }
  }

  @Test("text fields are trimmed and bounded; numbers checked; one clear line each")
  func validation() {
    let h = Harness()
    h.addTeam()
    #expect(
      h.refusal(.addLead(NewLead(name: "  ", company: "X")), by: "maria") == .empty(field: "name"))
    let long = String(repeating: "x", count: FieldLimits.name + 1)
    #expect(
      h.refusal(.addLead(NewLead(name: long, company: "X")), by: "maria")
        == .tooLong(field: "name", limit: FieldLimits.name))
    #expect(
      h.refusal(.addLead(NewLead(name: "A", company: "X", score: 101)), by: "maria")
        == .invalidValue(field: "score", value: "101", expected: "a whole number from 0 to 100"))
    #expect(
      h.refusal(.addLead(NewLead(name: "A", company: "X", email: "not an email")), by: "maria")
        == .invalidValue(
          field: "email", value: "not an email", expected: "an address like name@example.com"))
    #expect(
      h.refusal(
        .addMember(handle: "Bad Handle", name: nil, department: .sales, capacity: nil), by: "tom")
        != nil)
    #expect(
      h.refusal(
        .addMember(handle: "maria", name: nil, department: .sales, capacity: nil), by: "tom")
        == .memberExists("maria"))
    #expect(h.refusal(.setSetting(key: "sla", value: "soon"), by: "tom") != nil)
    #expect(
      h.refusal(.setSetting(key: "colour", value: "red"), by: "tom") == .unknownSetting("colour"))
    #expect(h.refusal(.note(id: 4242, text: "hi"), by: "tom") == .unknownLead(4242))
    #expect(h.refusal(.addLead(NewLead(name: "A", company: "X")), by: "") == .empty(field: "user"))
    let id = h.addLead("  Grace Hopper  ", company: " Navy ")
    #expect(h.pipeline.lead(id)?.name == "Grace Hopper")
    #expect(h.pipeline.lead(id)?.company == "Navy")
  }

  @Test("follow-ups are for customers; their next date must lie ahead")
  func followUps() {
    let h = Harness()
    h.addTeam()
    let id = h.addLead()
    #expect(
      h.refusal(.followUp(id: id, next: nil), by: "lee") == .notACustomer(lead: id, stage: .new))
    h.act(.move(id: id, to: .mql, reason: nil), by: "maria")
    h.act(.handOff(id: id), by: "maria")
    h.act(.accept(id: id), by: "lee")
    h.act(.won(id: id, value: nil), by: "lee")
    #expect(h.refusal(.followUp(id: id, next: h.now - .days(1)), by: "lee") != nil)
    h.act(.followUp(id: id, next: h.now + .days(10)), by: "lee")
    #expect(h.pipeline.lead(id)?.nextFollowUp == h.now + .days(10))
  }

  @Test("opening a lead clears its new-for-you mark without changing its version")
  func opening() {
    let h = Harness()
    h.addTeam()
    let id = h.addLead(owner: "tom", by: "maria")
    let lead = h.pipeline.lead(id)!
    #expect(lead.unseenByOwner)
    #expect(h.refusal(.open(id: id), by: "maria") != nil)
    h.act(.open(id: id), by: "tom")
    #expect(h.pipeline.lead(id)?.unseenByOwner == false)
    #expect(h.pipeline.lead(id)?.version == lead.version)
  }
}
