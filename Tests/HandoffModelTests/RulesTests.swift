import HandoffModel
import Testing

/// Who may do what: only members write, each department does its part of the handoff
/// (managers either), a lead owned by someone else is taken only on purpose, and a
/// member away or at capacity is given a lead only on purpose.
struct RulesTests {
  @Test("a write by someone not on the team is refused, the nearest handle suggested")
  func onlyMembersWrite() {
    let h = Harness()
    #expect(h.refusal(.addLead(NewLead(name: "A", company: "X")), by: "ghost") == nil)
    h.addTeam()
    #expect(
      h.refusal(.addLead(NewLead(name: "A", company: "X")), by: "mraia")
        == .notAMember("mraia", nearest: "maria"))
    let far = h.refusal(.addLead(NewLead(name: "A", company: "X")), by: "ghost")
    #expect(far == .notAMember("ghost", nearest: nil))
    #expect(
      far?.description
        == "'ghost' is not on the team, and only members change it (see: handoff team list)")
    #expect(
      h.refusal(.addLead(NewLead(name: "A", company: "X")), by: "Maria")
        == .notAMember("Maria", nearest: "maria"))
    #expect(
      h.refusal(.setSetting(key: "sla", value: "2h"), by: "ghost")
        == .notAMember("ghost", nearest: nil))
    h.act(.removeMember(handle: "tom"), by: "maria")
    #expect(
      h.refusal(.addLead(NewLead(name: "A", company: "X")), by: "tom") == .memberInactive("tom"))
    // Nothing the refused writes planned reached the history.
    #expect(!h.events.contains { $0.actor == "ghost" || $0.actor == "mraia" })
  }

  @Test("the first members are added while the team is empty, by anyone")
  func emptyTeam() {
    let h = Harness()
    h.act(.addMember(handle: "olivia", name: nil, department: .sales, capacity: nil), by: "setup")
    #expect(
      h.refusal(
        .addMember(handle: "sam", name: nil, department: .sales, capacity: nil), by: "setup")
        == .notAMember("setup", nearest: nil))
    h.act(.addMember(handle: "sam", name: nil, department: .sales, capacity: nil), by: "olivia")
  }

  @Test("marketing members hand off, sales members accept, reject and close; managers either")
  func duties() {
    let h = Harness()
    h.addTeam()
    let a = h.addLead()
    h.act(.move(id: a, to: .mql, reason: nil), by: "maria")
    #expect(
      h.refusal(.handOff(id: a), by: "sam")
        == .notTheirDuty(handle: "sam", department: .sales, duty: .handOff))
    #expect(
      h.refusal(.move(id: a, to: .queued, reason: nil), by: "sam")
        == .notTheirDuty(handle: "sam", department: .sales, duty: .handOff))
    h.act(.handOff(id: a), by: "tom")
    #expect(
      h.refusal(.accept(id: a), by: "maria")
        == .notTheirDuty(handle: "maria", department: .marketing, duty: .accept))
    #expect(
      h.refusal(.reject(id: a, reason: "no"), by: "maria")
        == .notTheirDuty(handle: "maria", department: .marketing, duty: .reject))
    h.act(.accept(id: a), by: "sam")
    #expect(
      h.refusal(.won(id: a, value: nil), by: "maria")
        == .notTheirDuty(handle: "maria", department: .marketing, duty: .close))
    #expect(
      h.refusal(.lost(id: a, reason: "gone"), by: "tom")
        == .notTheirDuty(handle: "tom", department: .marketing, duty: .close))
    // Moves between the department's own stages are anyone's on the team.
    h.act(.move(id: a, to: .meeting, reason: nil), by: "sam")

    // A sales manager hands off; a marketing manager rejects.
    h.act(
      .updateMember(handle: "lee", away: nil, capacity: nil, name: nil, role: .manager), by: "maria"
    )
    h.act(
      .updateMember(handle: "tom", away: nil, capacity: nil, name: nil, role: .manager), by: "maria"
    )
    #expect(h.pipeline.member("lee")?.role == .manager)
    let b = h.addLead("Bea")
    h.act(.move(id: b, to: .mql, reason: nil), by: "maria")
    h.act(.handOff(id: b), by: "lee")
    h.act(.reject(id: b, reason: "wrong contact"), by: "tom")
    #expect(h.pipeline.lead(b)?.stage == .nurturing)
    #expect(
      h.refusal(
        .updateMember(handle: "lee", away: nil, capacity: nil, name: nil, role: .manager),
        by: "maria")
        == .nothingChanged("lee already has those settings"))
  }

  @Test("accepting an unowned lead makes the acceptor its owner; someone else's needs taking")
  func taking() {
    let h = Harness()
    h.addTeam()
    let a = h.addLead()
    h.act(.move(id: a, to: .mql, reason: nil), by: "maria")
    h.act(.handOff(id: a), by: "maria")
    let b = h.addLead("Bea")
    h.act(.move(id: b, to: .mql, reason: nil), by: "maria")
    h.act(.handOff(id: b), by: "maria")
    h.act(.accept(id: b), by: "ana")
    #expect(h.pipeline.lead(b)?.owner == "ana")

    h.act(.assign(id: a, to: "lee", note: nil), by: "sam")
    let refused = h.refusal(.accept(id: a), by: "sam")
    #expect(refused == .ownedByOther(lead: a, owner: "lee", duty: .accept))
    #expect(refused?.override == .take)
    #expect(
      refused?.description == "\(a) is lee's: to accept it yourself, take it from lee (--take)")
    #expect(refused?.question == "\(a) is lee's: accept it and take it from lee?")
    let taken = h.act(.accept(id: a), by: "sam", overriding: .take)
    guard case .leadMoved(let move)? = taken?.body else {
      Issue.record("no move: \(String(describing: taken))")
      return
    }
    #expect(move.takenFrom == "lee")
    #expect(move.owner == .some("sam"))
    #expect(h.pipeline.lead(a)?.owner == "sam")

    // Winning or losing someone else's deal takes it too; the owner does it plainly.
    #expect(
      h.refusal(.won(id: a, value: nil), by: "ana")
        == .ownedByOther(lead: a, owner: "sam", duty: .close))
    #expect(
      h.refusal(.move(id: a, to: .lost, reason: "gone"), by: "ana")
        == .ownedByOther(lead: a, owner: "sam", duty: .close))
    h.act(.lost(id: a, reason: "gone"), by: "ana", overriding: .take)
    #expect(h.pipeline.lead(a)?.owner == "ana")
    h.act(.won(id: b, value: nil), by: "ana")
    // Rejecting someone else's lead is not taking it: it goes back to marketing.
    let c = h.addLead("Cy")
    h.act(.move(id: c, to: .mql, reason: nil), by: "maria")
    h.act(.handOff(id: c), by: "maria")
    h.act(.assign(id: c, to: "lee", note: nil), by: "sam")
    h.act(.reject(id: c, reason: "duplicate"), by: "sam")
    #expect(h.pipeline.lead(c)?.owner == "maria")
  }

  @Test("a lead whose owner left the team is accepted and closed without taking")
  func ownerLeft() {
    let h = Harness()
    h.addTeam()
    let a = h.addLead()
    h.act(.move(id: a, to: .mql, reason: nil), by: "maria")
    h.act(.handOff(id: a), by: "maria")
    h.act(.accept(id: a), by: "lee")
    h.act(.removeMember(handle: "lee"), by: "maria")
    #expect(h.refusal(.won(id: a, value: nil), by: "ana") == nil)
  }

  @Test("assigning to a member away or at capacity needs forcing")
  func assignAnyway() {
    let h = Harness()
    h.addTeam()
    var ids: [Int] = []
    for name in ["A", "B", "C", "D"] {
      let id = h.addLead(name)
      h.act(.move(id: id, to: .mql, reason: nil), by: "maria")
      h.act(.handOff(id: id), by: "maria")
      ids.append(id)
    }
    for id in ids.prefix(3) { h.act(.assign(id: id, to: "sam", note: nil), by: "lee") }
    #expect(h.pipeline.load(of: "sam") == 3)
    let full = h.refusal(.assign(id: ids[3], to: "sam", note: nil), by: "lee")
    #expect(full == .atCapacity(handle: "sam", load: 3, capacity: 3))
    #expect(full?.override == .force)
    #expect(full?.description == "sam holds 3 open leads, at capacity 3 (--force assigns anyway)")
    h.act(.assign(id: ids[3], to: "sam", note: nil), by: "lee", overriding: .force)
    #expect(h.pipeline.lead(ids[3])?.owner == "sam")

    h.act(.updateMember(handle: "ana", away: true, capacity: nil, name: nil), by: "ana")
    let away = h.refusal(.assign(id: ids[0], to: "ana", note: nil), by: "lee")
    #expect(away == .memberAway("ana"))
    #expect(away?.question == "ana is away: assign anyway?")
    h.act(.assign(id: ids[0], to: "ana", note: nil), by: "lee", overriding: .force)
    // Forcing never crosses departments.
    #expect(
      h.refusal(.assign(id: ids[1], to: "maria", note: nil), by: "lee", overriding: .force)
        == .wrongDepartment(handle: "maria", department: .marketing, stage: .queued, needed: .sales)
    )
  }
}
