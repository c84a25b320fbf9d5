import HandoffModel

/// A live team in miniature, for `handoff --demo` and `handoff simulate`: each call
/// proposes one plausible next action (a new lead arriving, nurturing, qualifying,
/// handing off, accepting or rejecting, meetings, wins and losses, follow-ups) that
/// the model accepts in the current state. The same seed gives the same choices for
/// the same states.
package struct TeamSimulator: Sendable {
  private var dice: DemoDice

  /// A simulator whose choices are fixed by `seed`.
  package init(seed: UInt64) { dice = DemoDice(seed: seed) }

  /// The kinds of action, with how often the team does each.
  private enum Kind: CaseIterable {
    case newLead, nurture, qualify, disqualify, handOff, route, accept, reject, meeting
    case negotiate, win, lose, followUp, note, score, churn

    var weight: Double {
      switch self {
      case .newLead: return 22
      case .nurture: return 9
      case .qualify: return 9
      case .disqualify: return 2
      case .handOff: return 9
      case .route: return 7
      case .accept: return 10
      case .reject: return 2
      case .meeting: return 6
      case .negotiate: return 4
      case .win: return 3
      case .lose: return 2
      case .followUp: return 4
      case .note: return 5
      case .score: return 3
      case .churn: return 0.3
      }
    }
  }

  private static let weights = Kind.allCases.map(\.weight)

  /// A plausible next action of the team and who takes it, checked with `plan`; nil
  /// when nothing the simulator knows is possible (it keeps trying a few choices).
  package mutating func next(pipeline: Pipeline, at now: Timestamp) -> (
    actor: String, command: Command
  )? {
    for _ in 0..<24 {
      let kind = Kind.allCases[dice.weighted(Self.weights)]
      guard let (actor, command) = propose(kind, pipeline: pipeline, now: now) else { continue }
      if (try? Planner(pipeline).plan(command, by: actor, at: now)) != nil {
        return (actor, command)
      }
    }
    let fallback = newLead(pipeline)
    if (try? Planner(pipeline).plan(fallback.command, by: fallback.actor, at: now)) != nil {
      return fallback
    }
    return nil
  }

  private mutating func propose(_ kind: Kind, pipeline: Pipeline, now: Timestamp) -> (
    String, Command
  )? {
    switch kind {
    case .newLead:
      return newLead(pipeline)
    case .nurture:
      return marketing(pipeline, on: .new) { .move(id: $0.id, to: .nurturing, reason: nil) }
    case .qualify:
      let from: Stage = dice.chance(0.5) ? .new : .nurturing
      return marketing(pipeline, on: from) { .move(id: $0.id, to: .mql, reason: nil) }
    case .disqualify:
      let reason = dice.pick(DemoCatalog.disqualifyReasons)
      return marketing(pipeline, on: .nurturing) {
        .move(id: $0.id, to: .disqualified, reason: reason)
      }
    case .handOff:
      return marketing(pipeline, on: .mql) { .handOff(id: $0.id) }
    case .route:
      guard let lead = pick(pipeline, .queued, oldestFirst: true), lead.owner == nil,
        let manager = member(pipeline, .sales, first: true),
        let rep = member(pipeline, .sales, first: false)
      else { return nil }
      return (manager, .assign(id: lead.id, to: rep, note: nil))
    case .accept:
      guard let lead = pick(pipeline, .queued, oldestFirst: true) else { return nil }
      guard let actor = lead.owner ?? member(pipeline, .sales, first: false) else { return nil }
      return (actor, .accept(id: lead.id))
    case .reject:
      let reason = dice.pick(DemoCatalog.rejectReasons)
      guard let lead = pick(pipeline, .queued, oldestFirst: true),
        let actor = lead.owner ?? member(pipeline, .sales, first: false)
      else { return nil }
      return (actor, .reject(id: lead.id, reason: reason))
    case .meeting:
      return sales(pipeline, on: .accepted) { .move(id: $0.id, to: .meeting, reason: nil) }
    case .negotiate:
      return sales(pipeline, on: .meeting) { .move(id: $0.id, to: .negotiation, reason: nil) }
    case .win:
      return sales(pipeline, on: dice.chance(0.7) ? .negotiation : .meeting) {
        .won(id: $0.id, value: nil)
      }
    case .lose:
      let reason = dice.pick(DemoCatalog.lossReasons)
      return sales(pipeline, on: dice.chance(0.5) ? .negotiation : .accepted) {
        .lost(id: $0.id, reason: reason)
      }
    case .followUp:
      // Customers due first: the team works the overdue list.
      let n = pipeline.count(of: .customers)
      guard n > 0 else { return nil }
      let i = dice.int(0...min(n - 1, 5))
      guard let lead = pipeline.leads(of: .customers, in: i..<(i + 1)).first,
        let actor = lead.owner ?? member(pipeline, .sales, first: false)
      else { return nil }
      return (actor, .followUp(id: lead.id, next: nil))
    case .note:
      let text = dice.pick(DemoCatalog.salesNotes)
      return sales(pipeline, on: dice.chance(0.5) ? .accepted : .meeting) {
        .note(id: $0.id, text: text)
      }
    case .score:
      let score = dice.int(10...95)
      return marketing(pipeline, on: .nurturing) { .score(id: $0.id, score) }
    case .churn:
      let reason = dice.pick(DemoCatalog.churnReasons)
      return sales(pipeline, on: .won) { .move(id: $0.id, to: .churned, reason: reason) }
    }
  }

  // MARK: Choosing leads and people

  private mutating func newLead(_ pipeline: Pipeline) -> (actor: String, command: Command) {
    let marketers = pipeline.members.filter { $0.department == .marketing && $0.canReceiveLeads }
    let owner = marketers.isEmpty || dice.chance(0.2) ? nil : dice.pick(marketers).handle
    var lead = DemoLeadWalk.newLead(dice: &dice, roster: nil, owned: false)
    lead.owner = owner
    return (owner ?? marketers.first?.handle ?? "demo", .addLead(lead))
  }

  private mutating func marketing(
    _ pipeline: Pipeline, on stage: Stage, _ make: (Lead) -> Command
  ) -> (String, Command)? {
    guard let lead = pick(pipeline, stage, oldestFirst: false),
      let actor = lead.owner ?? member(pipeline, .marketing, first: false)
    else { return nil }
    return (actor, make(lead))
  }

  private mutating func sales(
    _ pipeline: Pipeline, on stage: Stage, _ make: (Lead) -> Command
  ) -> (String, Command)? {
    guard let lead = pick(pipeline, stage, oldestFirst: false),
      let actor = lead.owner ?? member(pipeline, .sales, first: false)
    else { return nil }
    return (actor, make(lead))
  }

  /// A lead in a stage: among the oldest few, or anywhere.
  private mutating func pick(_ pipeline: Pipeline, _ stage: Stage, oldestFirst: Bool) -> Lead? {
    let n = pipeline.count(of: .stage(stage))
    guard n > 0 else { return nil }
    let i = oldestFirst ? dice.int(0...min(n - 1, 3)) : dice.int(0...(n - 1))
    return pipeline.leads(of: .stage(stage), in: i..<(i + 1)).first
  }

  /// An active member of a department who may receive leads: the first (the manager)
  /// or any.
  private mutating func member(_ pipeline: Pipeline, _ department: Department, first: Bool)
    -> String?
  {
    let team = pipeline.members.filter { $0.department == department && $0.canReceiveLeads }
    guard !team.isEmpty else { return nil }
    return first ? team[0].handle : dice.pick(team).handle
  }
}
