import HandoffApp
import HandoffModel
import HandoffTerminal
import Testing

/// What the CLI does with `--take` and `--force` the dashboard asks: `y` goes ahead
/// with the override, anything else leaves everything as it was.
struct OverrideTests {
  /// A driver acting as a plain sales rep, with a queued lead another rep owns selected.
  func onSomeoneElsesLead() throws -> (Driver, Lead) {
    let fixture = Fixture()
    let lead = try #require(
      fixture.pipeline.leads(of: .stage(.queued), in: 0..<100).first { $0.owner != nil })
    let rep = try #require(
      fixture.pipeline.members.first {
        $0.department == .sales && $0.active && $0.role == .member && $0.handle != lead.owner
      })
    var d = Driver(fixture: fixture, user: rep.handle)
    d.state.selected[.queue] = lead.id
    return (d, lead)
  }

  @Test("x on someone else's lead asks; n cancels, y accepts it taking it")
  func takeAsks() throws {
    var (d, lead) = try onSomeoneElsesLead()
    let owner = try #require(lead.owner)
    #expect(d.press(.char("x")).isEmpty)
    guard case .override(let prompt) = d.state.overlay else {
      Issue.record("no question: \(String(describing: d.state.overlay))")
      return
    }
    #expect(prompt.question == "\(lead.id) is \(owner)'s: accept it and take it from \(owner)?")
    let frame = AppView.render(d.state, pipeline: d.pipeline, now: d.fixture.now).plainText
    #expect(frame.contains("accept it and take it from \(owner)?"))
    #expect(frame.contains("y goes ahead"))
    #expect(d.press(.char("n")).isEmpty)
    #expect(d.state.overlay == nil)
    #expect(d.state.status?.text == "cancelled: nothing changed")
    d.press(.char("x"))
    let effects = d.press(.char("y"))
    #expect(effects == [.perform(.accept(id: lead.id), ifVersion: lead.version, overriding: .take)])
    d.carryOut(effects)
    #expect(d.pipeline.lead(lead.id)?.owner == d.state.user)
    #expect(d.pipeline.lead(lead.id)?.stage == .accepted)
  }

  @Test("the picker marks the lead's owner; a member at capacity or away asks first")
  func assignAnyway() throws {
    var (d, lead) = try onSomeoneElsesLead()
    let owner = try #require(lead.owner)
    d.press(.char("a"))
    guard case .picker(let picker) = d.state.overlay else {
      Issue.record("no picker")
      return
    }
    let marked = picker.list.items.filter { $0.cells.last?.text.hasSuffix("· owner") == true }
    #expect(marked.map(\.key) == [owner])
    #expect(marked.first?.cells.first?.role == .accent)
    let frame = AppView.render(d.state, pipeline: d.pipeline, now: d.fixture.now).plainText
    #expect(frame.contains("· owner"))
    d.press(.escape)
    // A rep at capacity: assigning asks, y assigns anyway.
    let full = try #require(
      d.pipeline.members.first {
        $0.department == .sales && $0.active && !$0.away && $0.handle != owner
          && $0.capacity != nil
      })
    try d.fixture.perform(
      .updateMember(handle: full.handle, away: nil, capacity: .some(0), name: nil),
      by: d.state.user)
    d.send(.storeChanged)
    d.press(.char("a"))
    d.type(full.handle)
    #expect(d.press(.enter).isEmpty)
    guard case .override(let prompt) = d.state.overlay else {
      Issue.record("no question: \(String(describing: d.state.overlay))")
      return
    }
    #expect(prompt.question.hasSuffix("(capacity 0): assign anyway?"))
    #expect(
      d.press(.char("y")) == [
        .perform(
          .assign(id: lead.id, to: full.handle, note: nil), ifVersion: lead.version,
          overriding: .force)
      ])
  }
}
