import HandoffApp
import HandoffModel
import Testing

/// Each action key: the command it asks for (at the version shown), or the refusal.
struct ActionTests {
  /// A driver with the marketing pane focused and an MQL selected.
  func onMQL() throws -> (Driver, Lead) {
    var d = Driver()
    d.press(.backTab)
    let lead = try #require(d.selected(.marketing))
    #expect(lead.stage == .mql)
    return (d, lead)
  }

  @Test("h hands off the selected MQL, at the version shown")
  func handOff() throws {
    var (d, lead) = try onMQL()
    #expect(d.press(.char("h")) == [.perform(.handOff(id: lead.id), ifVersion: lead.version)])
  }

  @Test("h on a queued lead is refused in the status bar, with the model's words")
  func handOffRefused() throws {
    var d = Driver()
    let lead = try #require(d.selected(.queue))
    #expect(d.press(.char("h")).isEmpty)
    #expect(d.state.status?.kind == .error)
    #expect(d.state.status?.text.contains("\(lead.id) is already in queued") == true)
  }

  @Test("x accepts, A auto-assigns, > moves forward")
  func acceptAutoForward() throws {
    var d = Driver()
    let lead = try #require(d.selected(.queue))
    #expect(d.press(.char("x")) == [.perform(.accept(id: lead.id), ifVersion: lead.version)])
    let unassigned = try #require(d.queue.first { $0.owner == nil })
    d.state.selected[.queue] = unassigned.id
    #expect(
      d.press(.char("A")) == [
        .perform(.autoAssign(id: unassigned.id), ifVersion: unassigned.version)
      ])
    #expect(
      d.press(.char(">"))
        == [.perform(.moveForward(id: unassigned.id, reason: nil), ifVersion: unassigned.version)])
  }

  @Test("a opens a picker of the lead's department; typing filters; Enter assigns")
  func assignPicker() throws {
    var d = Driver()
    let lead = try #require(d.queue.first { $0.owner == nil })
    d.state.selected[.queue] = lead.id
    d.press(.char("a"))
    guard case .picker(let picker) = d.state.overlay else {
      Issue.record("no picker")
      return
    }
    #expect(picker.department == .sales)
    let everyone = picker.matchingHandles.compactMap { handle in
      d.pipeline.members.first { $0.handle == handle }
    }
    #expect(everyone.count == picker.matchingHandles.count)
    #expect(everyone.allSatisfy { $0.department == .sales && $0.active })
    #expect(
      everyone.count == d.pipeline.members.filter { $0.department == .sales && $0.active }.count)
    let target = try #require(everyone.last)
    d.type(target.handle)
    guard case .picker(let typed) = d.state.overlay else { return }
    #expect(typed.matchingHandles.first == target.handle)
    let effects = d.press(.enter)
    #expect(
      effects == [
        .perform(.assign(id: lead.id, to: target.handle, note: nil), ifVersion: lead.version)
      ]
    )
    #expect(d.state.overlay == nil)
  }

  @Test("in the picker, text after a colon is a note that goes with the assignment")
  func assignWithNote() throws {
    var d = Driver()
    let lead = try #require(d.queue.first { $0.owner == nil })
    d.state.selected[.queue] = lead.id
    let target = try #require(d.pipeline.members.last { $0.department == .sales && $0.active })
    d.press(.char("a"))
    d.type(target.handle + ": knows the account")
    #expect(
      d.press(.enter) == [
        .perform(
          .assign(id: lead.id, to: target.handle, note: "knows the account"),
          ifVersion: lead.version)
      ])
  }

  @Test("a change by someone else first: refused, saying who did what when")
  func staleVersion() throws {
    var d = Driver()
    let lead = try #require(d.queue.first { $0.owner == nil })
    d.state.selected[.queue] = lead.id
    d.press(.char("a"))
    let other = try #require(d.pipeline.members.last { $0.department == .sales && $0.active })
    // A colleague assigns it while the picker is open.
    try d.fixture.perform(.assign(id: lead.id, to: other.handle, note: nil), by: "maria")
    d.fixture.clock.advance(by: .seconds(3))
    d.send(.storeChanged)
    d.type(d.state.user)
    #expect(d.press(.enter).isEmpty)
    #expect(d.state.status?.kind == .error)
    #expect(
      d.state.status?.text.contains("\(lead.id) was assigned to \(other.handle) by maria 3 s ago")
        == true)
  }

  @Test("r asks a reason, then rejects the queued lead back to marketing")
  func reject() throws {
    var d = Driver()
    let lead = try #require(d.selected(.queue))
    d.press(.char("r"))
    guard case .prompt(let prompt) = d.state.overlay else {
      Issue.record("no prompt")
      return
    }
    #expect(prompt.purpose == .reject)
    #expect(d.press(.enter).isEmpty)
    #expect(d.state.status?.text.contains("reason") == true)
    d.type("no budget")
    #expect(
      d.press(.enter)
        == [.perform(.reject(id: lead.id, reason: "no budget"), ifVersion: lead.version)])
  }

  @Test("r on a deal in negotiation loses it; on a nurtured lead disqualifies it")
  func loseAndDisqualify() throws {
    var (d, _) = try onMQL()
    let mql = try #require(d.pipeline.leads(of: .stage(.nurturing), in: 0..<1).first)
    d.state.selected[.marketing] = mql.id
    d.press(.char("r"))
    d.send(.paste("not a fit\n"))
    #expect(
      d.press(.enter)
        == [
          .perform(
            .move(id: mql.id, to: .disqualified, reason: "not a fit"), ifVersion: mql.version)
        ])
    d.press(.tab, .tab)
    // Someone else's deal: losing it takes it, so the dashboard asks first.
    let deal = try #require(
      d.pipeline.leads(of: .stage(.negotiation), in: 0..<100).first {
        $0.owner != nil && $0.owner != d.state.user
      })
    d.state.selected[.sales] = deal.id
    d.press(.char("r"))
    d.type("price")
    #expect(d.press(.enter) == [])
    guard case .override(let prompt) = d.state.overlay else {
      Issue.record("no question: \(String(describing: d.state.overlay))")
      return
    }
    #expect(
      prompt.question == "\(deal.id) is \(deal.owner!)'s: close it and take it from \(deal.owner!)?"
    )
    #expect(
      d.press(.char("y"))
        == [
          .perform(
            .lost(id: deal.id, reason: "price"), ifVersion: deal.version, overriding: .take)
        ])
    #expect(d.state.overlay == nil)
  }

  @Test("< on a queued lead needs a reason first")
  func backNeedsReason() throws {
    var d = Driver()
    let lead = try #require(d.selected(.queue))
    #expect(d.press(.char("<")).isEmpty)
    d.type("timing")
    #expect(
      d.press(.enter)
        == [.perform(.moveBackward(id: lead.id, reason: "timing"), ifVersion: lead.version)])
  }

  @Test("u undoes the user's last action here")
  func undo() throws {
    var d = Driver()
    let lead = try #require(d.selected(.queue))
    d.carryOut(d.press(.char("x")))
    #expect(d.state.status?.text.hasPrefix("\(lead.id) moved queued → accepted") == true)
    #expect(d.press(.char("u")) == [.undo(lead: lead.id)])
  }

  @Test("Enter on a lead newly assigned to me marks it seen, silently, and u still undoes")
  func openMarksSeen() throws {
    var d = Driver()
    let lead = try #require(d.queue.first { $0.owner == nil })
    d.state.selected[.queue] = lead.id
    let owner = try #require(d.pipeline.members.last { $0.department == .sales && $0.active })
      .handle
    try d.fixture.perform(.assign(id: lead.id, to: owner, note: nil), by: "maria")
    d.send(.storeChanged)
    // The new owner opens it: the row shows it as new to them until then.
    d.state.user = owner
    #expect(d.pipeline.lead(lead.id)?.unseenByOwner == true)
    let effects = d.press(.enter)
    #expect(effects.contains(.perform(.open(id: lead.id), ifVersion: nil)))
    let before = d.state.status
    d.state.undoLeads = [42]
    d.carryOut(effects)
    #expect(d.pipeline.lead(lead.id)?.unseenByOwner == false)
    #expect(d.state.undoLeads == [42])
    #expect(d.state.status == before)
  }

  @Test("> into won asks the deal's value, prefilled; Enter wins at the value typed")
  func winAsksValue() throws {
    var d = Driver()
    d.press(.tab)
    let deal = try #require(d.pipeline.leads(of: .stage(.negotiation), in: 0..<1).first)
    // The owner closes it (anyone else is asked first whether to take it).
    d.state.user = try #require(deal.owner)
    d.state.selected[.sales] = deal.id
    #expect(d.press(.char(">")).isEmpty)
    guard case .prompt(let prompt) = d.state.overlay else {
      Issue.record("no prompt")
      return
    }
    #expect(prompt.purpose == .win)
    #expect(Money.parse(prompt.text) == deal.value)
    let frame = AppView.render(d.state, pipeline: d.pipeline, now: d.fixture.now).plainText
    #expect(frame.contains("Mark \(deal.id) won — the deal's value:"))
    d.press(.ctrl("u"))
    d.type("nonsense")
    #expect(d.press(.enter).isEmpty)
    #expect(d.state.status?.text.contains("not an amount") == true)
    d.press(.ctrl("u"))
    d.type("12k")
    #expect(
      d.press(.enter) == [.perform(.won(id: deal.id, value: 1_200_000), ifVersion: deal.version)])
    #expect(d.state.overlay == nil)
  }

  @Test("Esc cancels a final move: nothing is asked of the store, and the bar says so")
  func escCancels() throws {
    var d = Driver()
    d.press(.tab)
    let deal = try #require(d.pipeline.leads(of: .stage(.negotiation), in: 0..<1).first)
    d.state.selected[.sales] = deal.id
    d.press(.char(">"))
    #expect(d.press(.escape).isEmpty)
    #expect(d.state.overlay == nil)
    #expect(d.state.status?.text == "cancelled: \(deal.id) is unchanged")
    #expect(d.pipeline.lead(deal.id)?.stage == .negotiation)
  }

  @Test("> on a customer asks why it churned; > four times no longer runs to churned")
  func churnAsksReason() throws {
    var d = Driver()
    d.press(.tab)
    let customer = try #require(d.pipeline.leads(of: .stage(.won), in: 0..<1).first)
    d.state.selected[.sales] = customer.id
    d.press(.char(">"))
    guard case .prompt(let prompt) = d.state.overlay else {
      Issue.record("no prompt")
      return
    }
    #expect(prompt.purpose == .churn)
    #expect(d.press(.enter).isEmpty)
    #expect(d.state.status?.text == "a reason is needed (Esc to cancel)")
    d.type("moved to a competitor")
    #expect(
      d.press(.enter) == [
        .perform(
          .move(id: customer.id, to: .churned, reason: "moved to a competitor"),
          ifVersion: customer.version)
      ])
  }

  @Test("u undoes my actions one after another, saying in plain words what it undid")
  func undoStack() throws {
    var d = Driver()
    let first = try #require(d.selected(.queue))
    d.carryOut(d.press(.char("x")))
    let second = try #require(d.queue.first { $0.owner == nil })
    d.state.selected[.queue] = second.id
    d.carryOut(d.press(.char("A")))
    #expect(d.state.undoLeads == [first.id, second.id])
    #expect(d.press(.char("u")) == [.undo(lead: second.id)])
    let assigned = try #require(d.fixture.history(of: second.id).last)
    let revert = try d.fixture.undo(assigned, by: d.state.user)
    d.send(.storeChanged)
    d.send(.actionResult(.undone(revert, undid: assigned)))
    let owner = try #require(assigned.body.leadAssignedOwner)
    #expect(
      d.state.status?.text == "undid assigning \(second.id) to \(owner): it is unassigned again")
    #expect(d.press(.char("u")) == [.undo(lead: first.id)])
    let accepted = try #require(d.fixture.history(of: first.id).last)
    d.send(.actionResult(.undone(try d.fixture.undo(accepted, by: d.state.user), undid: accepted)))
    #expect(
      d.state.status?.text
        == "undid moving \(first.id) from queued to accepted: it is back in queued")
    // None left from here: the user's last change anywhere, as the CLI's undo.
    #expect(d.press(.char("u")) == [.undo(lead: nil)])
  }

  @Test("an undo refused for good moves on to the change before; a passing failure does not")
  func undoRefusedSkips() {
    var d = Driver()
    d.state.undoLeads = [7, 9]
    d.send(.actionResult(.undoRefused("cannot undo: since your change, …", skip: true)))
    #expect(d.state.undoLeads == [7])
    d.send(.actionResult(.undoRefused("offline", skip: false)))
    #expect(d.state.undoLeads == [7])
    #expect(d.state.status?.text == "offline")
  }

  @Test("n asks a note in one line; an empty one is refused, Esc cancels")
  func note() throws {
    var d = Driver()
    let lead = try #require(d.selected(.queue))
    d.press(.char("n"))
    #expect(d.press(.enter).isEmpty)
    #expect(d.state.status?.text == "a note is needed (Esc to cancel)")
    d.type("called, back Tuesday")
    #expect(
      d.press(.enter) == [
        .perform(.note(id: lead.id, text: "called, back Tuesday"), ifVersion: lead.version)
      ])
  }

  @Test("f on a customer asks the next follow-up date, proposing the cadence")
  func followUp() throws {
    var d = Driver()
    let queued = try #require(d.selected(.queue))
    d.press(.char("f"))
    #expect(d.state.overlay == nil)
    #expect(d.state.status?.text.contains("\(queued.id) is in queued: follow-ups") == true)
    d.press(.tab)
    let customer = try #require(d.pipeline.leads(of: .stage(.won), in: 0..<1).first)
    d.state.selected[.sales] = customer.id
    d.press(.char("f"))
    guard case .prompt(let prompt) = d.state.overlay else {
      Issue.record("no prompt")
      return
    }
    #expect(prompt.purpose == .followUp)
    #expect(prompt.text == "2026-12-18")
    d.press(.ctrl("u"))
    d.type("yesterday")
    #expect(d.press(.enter).isEmpty)
    #expect(d.state.status?.text.contains("not a date ahead") == true)
    d.press(.ctrl("u"))
    d.type("14d")
    #expect(
      d.press(.enter) == [
        .perform(
          .followUp(id: customer.id, next: d.fixture.now + .days(14)), ifVersion: customer.version)
      ])
  }

  @Test("a refusal from the store shows in the status bar")
  func storeRefusal() {
    var d = Driver()
    d.send(.actionResult(.refused("1042 changed since you saw it")))
    #expect(
      d.state.status
        == StatusMessage(
          text: "1042 changed since you saw it", kind: .error, expires: d.fixture.now + .seconds(8))
    )
  }
}

struct FilterSortTests {
  @Test("/ filters live, case-insensitively, over name, company, email, owner, source")
  func filter() throws {
    var d = Driver()
    let lead = try #require(d.queue.last)
    let needle = String(lead.company.prefix(6)).uppercased()
    d.press(.char("/"))
    d.type(needle)
    #expect(d.state.filter == needle)
    let frame = AppView.render(d.state, pipeline: d.pipeline, now: d.fixture.now)
    #expect(frame.plainText.contains(lead.name))
    #expect(d.selected(.queue).map { LeadMatches.company($0, needle) } == true)
    d.press(.enter)
    #expect(!d.state.editingFilter)
    d.press(.escape)
    #expect(d.state.filter.isEmpty)
  }

  @Test("owner and source match too")
  func filterOwner() throws {
    var d = Driver()
    let owned = try #require(d.queue.first { $0.owner != nil })
    d.press(.char("/"))
    d.type(owned.owner ?? "")
    let frame = AppView.render(d.state, pipeline: d.pipeline, now: d.fixture.now)
    #expect(frame.plainText.contains(owned.name))
  }

  @Test("s cycles the sort; m shows only mine")
  func sortAndMine() throws {
    var d = Driver()
    d.press(.char("s"), .char("g"))
    #expect(d.state.sort == .score)
    let top = try #require(d.selected(.queue))
    #expect(d.queue.allSatisfy { $0.score <= top.score })
    d.press(.char("m"))
    #expect(d.state.onlyMine)
    if let mine = d.selected(.queue) { #expect(mine.owner == d.state.user) }
    for _ in 0..<4 { d.press(.char("s")) }
    #expect(d.state.sort == .urgency)
  }
}

enum LeadMatches {
  static func company(_ lead: Lead, _ needle: String) -> Bool {
    lead.company.lowercased().contains(needle.lowercased())
  }
}
