import HandoffHost
import HandoffModel
import Testing

/// Drives a pipeline the way the store does: plan a command at the clock's time, turn
/// the body into an event with the next sequence number, apply it.
final class Harness {
  let fold: PipelineFold
  var pipeline: Pipeline { fold.pipeline }
  let clock: ManualClock
  private(set) var events: [Event] = []
  private var seq: Int64 = 0

  init(start: String = "2026-11-16T09:00:00Z", zone: Zone = .utc) {
    clock = ManualClock(Timestamp(iso8601: start)!)
    fold = PipelineFold(localZone: zone)
  }

  var now: Timestamp { clock.now() }

  /// Plans and applies a command; fails the test if it is refused.
  @discardableResult
  func act(
    _ command: Command, by actor: String, ifVersion: Int? = nil, overriding: Overrides = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Event? {
    do {
      let body = try Planner(pipeline).plan(
        command, by: actor, at: now, ifVersion: ifVersion, overriding: overriding)
      return record(body, by: actor)
    } catch {
      Issue.record("refused \(command): \(error)", sourceLocation: sourceLocation)
      return nil
    }
  }

  /// Plans a command expecting a refusal, and returns it.
  func refusal(
    _ command: Command, by actor: String, ifVersion: Int? = nil, overriding: Overrides = []
  ) -> ModelError? {
    do {
      _ = try Planner(pipeline).plan(
        command, by: actor, at: now, ifVersion: ifVersion, overriding: overriding)
      return nil
    } catch {
      return error
    }
  }

  /// Applies a body as an event by `actor` now.
  @discardableResult
  func record(_ body: EventBody, by actor: String) -> Event {
    seq += 1
    let event = Event(seq: seq, at: now, actor: actor, body: body)
    #expect(fold.apply(event) == nil)
    events.append(event)
    return event
  }

  func advance(_ d: Duration) { clock.advance(by: d) }

  /// Adds the usual small team: two marketers, three sales reps, all plain members.
  /// Maria adds herself while the team is empty, then the others: only members write.
  func addTeam() {
    act(
      .addMember(handle: "maria", name: "Maria García", department: .marketing, capacity: nil),
      by: "maria")
    act(
      .addMember(handle: "tom", name: "Tom Berg", department: .marketing, capacity: nil),
      by: "maria")
    act(.addMember(handle: "sam", name: "Sam Okafor", department: .sales, capacity: 3), by: "maria")
    act(.addMember(handle: "lee", name: "Lee Chen", department: .sales, capacity: nil), by: "maria")
    act(
      .addMember(handle: "ana", name: "Ana Silva", department: .sales, capacity: nil), by: "maria")
  }

  /// Adds a lead and returns its id.
  @discardableResult
  func addLead(
    _ name: String = "Ada Lovelace", company: String = "Analytical", source: String = "webinar",
    value: Int64 = 1_000_000, owner: String? = "maria", by actor: String = "maria"
  ) -> Int {
    let event = act(
      .addLead(
        NewLead(name: name, company: company, email: "", source: source, value: value, owner: owner)
      ),
      by: actor)
    return event?.leadID ?? -1
  }

  /// A lead put straight into a stage by a snapshot event (for the transition matrix).
  @discardableResult
  func placeLead(in stage: Stage, owner: String?, handedOffBy: String? = "maria") -> Int {
    let id = pipeline.nextLeadID
    let lead = Lead(
      id: id, name: "Lead \(id)", company: "Co", source: "seo", value: 500_000, stage: stage,
      owner: owner,
      createdAt: now, handedOffBy: handedOffBy, lastChangedBy: "import")
    record(.leadCreated(LeadCreated(lead: lead, snapshot: true)), by: "import")
    return id
  }
}
