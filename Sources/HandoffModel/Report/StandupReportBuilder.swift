/// Builds a `StandupReport` by folding the log's events: those before the span only
/// bring the state up to its start; those in it are folded too and recorded, each
/// credited to a member, with the state before and after it at hand. A queued lead
/// whose acceptance SLA runs out inside the span is a breach, held by its owner then.
///
/// Events must come in sequence order; events at or after the span's end are left
/// out, so the state and the targets are those of the span's end. An undo inside the
/// span takes back what the undone event recorded.
package final class StandupReportBuilder {
  /// The fold the events go into; its pipeline is the state at the last event added.
  package let fold: PipelineFold
  /// The span: `[from, to)`.
  package let from: Timestamp
  package let to: Timestamp

  /// What an event in the span recorded, by its sequence number (so an undo can take
  /// it back).
  private var items: [Int64: Item] = [:]
  /// Queued leads whose SLA has not run out yet, by the moment they entered the queue.
  private var waiting: [(lead: Int, entered: Timestamp)] = []
  private var waitingHead = 0
  /// SLA breaches in the span: the lead and who held it (empty: nobody).
  private var breaches: [(lead: Int, holder: String)] = []
  /// Each breach once, by lead and the moment it entered the queue (an undo can put a
  /// lead back into the queue at the moment it entered it before).
  private var breached: Set<QueueEntry> = []
  private var started = false

  /// A builder folding into `fold` (usually empty) for the span `[from, to)`.
  package init(fold: PipelineFold, from: Timestamp, to: Timestamp) {
    self.fold = fold
    self.from = from
    self.to = to
  }

  /// Folds one event, recording what it did when it falls in the span.
  package func add(_ event: Event) {
    guard event.at < to else { return }
    guard event.at >= from else {
      fold.apply(event)
      return
    }
    start()
    expire(upTo: event.at)
    let pipeline = fold.pipeline
    let before = event.leadID.flatMap(pipeline.lead)
    guard fold.apply(event) == nil else { return }
    guard let id = event.leadID, let after = pipeline.lead(id) else { return }
    record(event, before: before, after: after)
    if after.stage == .queued,
      before?.stage != .queued || before?.stageEnteredAt != after.stageEnteredAt
    {
      wait(id, entered: after.stageEnteredAt)
    }
  }

  /// The report: everything recorded, per department and member, narrowed to one
  /// department or one member when given, with the targets that concern them.
  package func report(department: Department? = nil, member: String? = nil) -> StandupReport {
    start()
    expire(upTo: to - Duration(milliseconds: 1))
    let pipeline = fold.pipeline
    var activity: [String: MemberActivity] = [:]
    func credit(_ handle: String, _ change: (inout MemberActivity) -> Void) {
      change(&activity[handle, default: MemberActivity(handle: handle, name: handle)])
    }
    var reasons: [String: (rejected: [String], recycled: [String], lost: [String])] = [:]
    for (_, item) in items.sorted(by: { $0.key < $1.key }) {
      switch item.kind {
      case .newLead: credit(item.credit) { $0.newLeads += 1 }
      case .mql: credit(item.credit) { $0.mqls += 1 }
      case .handoff: credit(item.credit) { $0.handoffs += 1 }
      case .accepted: credit(item.credit) { $0.accepted += 1 }
      case .rejected: reasons[item.credit, default: ([], [], [])].rejected.append(item.text)
      case .recycled: reasons[item.credit, default: ([], [], [])].recycled.append(item.text)
      case .lost: reasons[item.credit, default: ([], [], [])].lost.append(item.text)
      case .won:
        credit(item.credit) {
          $0.won.append(LeadValue(lead: item.lead, label: item.text, value: item.value))
        }
      case .followUp: credit(item.credit) { $0.followUpsDone += 1 }
      }
    }
    for (handle, r) in reasons {
      credit(handle) {
        $0.rejected = ReasonCount.counting(r.rejected)
        $0.recycled = ReasonCount.counting(r.recycled)
        $0.lost = ReasonCount.counting(r.lost)
      }
    }
    for (handle, records) in activity {
      activity[handle]?.won = records.won.sorted { ($0.value, $1.lead) > ($1.value, $0.lead) }
    }
    for b in breaches { credit(b.holder) { $0.breaches.append(b.lead) } }
    let overdue = pipeline.countBefore(to, in: .customers)
    for lead in pipeline.leads(of: .customers, in: 0..<overdue) {
      credit(lead.owner ?? "") { $0.followUpsOverdue += 1 }
    }
    return assemble(activity, department: department, member: member)
  }

  // MARK: Recording

  private enum Kind {
    case newLead, mql, handoff, accepted, rejected, recycled, won, lost, followUp
  }

  private struct Item {
    var kind: Kind
    var credit: String
    var lead: Int
    /// The reason given, or for a win the lead's label.
    var text = ""
    var value: Int64 = 0
  }

  private func record(_ event: Event, before: Lead?, after: Lead) {
    let actor = event.actor
    func put(_ kind: Kind, _ credit: String, text: String = "", value: Int64 = 0) {
      items[event.seq] = Item(kind: kind, credit: credit, lead: after.id, text: text, value: value)
    }
    switch event.body {
    case .leadCreated(let created) where !created.snapshot:
      put(.newLead, after.owner ?? actor)
    case .leadMoved(let move):
      let reason = move.reason ?? ""
      switch (before?.stage, after.stage) {
      case (_, .mql): put(.mql, after.owner ?? actor)
      case (_, .queued): put(.handoff, before?.owner ?? actor)
      case (.queued, .accepted): put(.accepted, after.owner ?? actor)
      case (.queued, .nurturing): put(.rejected, actor, text: reason)
      case (.accepted, .nurturing): put(.recycled, actor, text: reason)
      case (_, .won):
        put(
          .won, after.owner ?? actor, text: after.company.isEmpty ? after.name : after.company,
          value: after.value)
      case (_, .lost): put(.lost, before?.owner ?? actor, text: reason)
      default: break
      }
    case .followUpLogged:
      put(.followUp, actor)
    case .leadReverted(let revert):
      items[revert.undoes] = nil
    default:
      break
    }
  }

  // MARK: SLA breaches

  /// A lead's stay in the queue: the lead and when it entered.
  private struct QueueEntry: Hashable {
    var lead: Int
    var entered: Int64
  }

  /// Takes in the queue as it stands at the span's start: the leads whose SLA has not
  /// run out before it.
  private func start() {
    guard !started else { return }
    started = true
    let pipeline = fold.pipeline
    let queued = LeadList.stage(.queued)
    let sla = pipeline.settings.acceptanceSLA
    let gone = pipeline.countBefore(from - sla, in: queued)
    for lead in pipeline.leads(of: queued, in: gone..<pipeline.count(of: queued)) {
      waiting.append((lead.id, lead.stageEnteredAt))
    }
  }

  /// Adds a lead that entered the queue, keeping the waiting list in order of entry.
  private func wait(_ lead: Int, entered: Timestamp) {
    var i = waiting.count
    while i > waitingHead, waiting[i - 1].entered > entered { i -= 1 }
    waiting.insert((lead, entered), at: i)
  }

  /// Records a breach for every waiting lead whose SLA ran out by `moment` and which is
  /// still in the queue it entered then.
  private func expire(upTo moment: Timestamp) {
    let pipeline = fold.pipeline
    let sla = pipeline.settings.acceptanceSLA
    while waitingHead < waiting.count, waiting[waitingHead].entered + sla <= moment {
      let (id, entered) = waiting[waitingHead]
      waitingHead += 1
      if let lead = pipeline.lead(id), lead.stage == .queued, lead.stageEnteredAt == entered,
        breached.insert(QueueEntry(lead: id, entered: entered.milliseconds)).inserted
      {
        breaches.append((id, lead.owner ?? ""))
      }
    }
  }

  // MARK: Assembly

  private func assemble(
    _ activity: [String: MemberActivity], department: Department?, member: String?
  ) -> StandupReport {
    let pipeline = fold.pipeline
    var groups: [Department?: [MemberActivity]] = [:]
    var placed: Set<String> = []
    for m in pipeline.members where m.active || activity[m.handle] != nil {
      var record = activity[m.handle] ?? MemberActivity(handle: m.handle, name: m.name)
      record.name = m.name
      groups[m.department, default: []].append(record)
      placed.insert(m.handle)
    }
    if var nobody = activity[""] {
      // Leads nobody held are the queue's, which sales works.
      nobody.name = "unassigned"
      groups[.sales, default: []].append(nobody)
      placed.insert("")
    }
    for handle in activity.keys.sorted() where !placed.contains(handle) {
      groups[nil, default: []].append(activity[handle]!)
    }
    var departments: [DepartmentActivity] = []
    for d in [Department.marketing, .sales, nil] {
      guard department == nil || d == department else { continue }
      var members = groups[d] ?? []
      if let member { members = members.filter { $0.handle == member } }
      if !members.isEmpty {
        departments.append(DepartmentActivity(department: d, members: members))
      }
    }
    let targets = TargetProgress.all(pipeline, at: to - Duration(milliseconds: 1)).filter {
      Self.concerns(
        $0.scope, metric: $0.metric, department: department, member: member,
        pipeline: pipeline)
    }
    return StandupReport(
      from: from, to: to, zone: pipeline.zone, currency: pipeline.settings.currency,
      departments: departments, targets: targets)
  }

  /// Whether a target concerns the department or member the report is narrowed to.
  private static func concerns(
    _ scope: Scope, metric: Metric, department: Department?, member: String?, pipeline: Pipeline
  ) -> Bool {
    if let member { return scope == .member(member) }
    guard let department else { return true }
    switch scope {
    case .team: return metric.department == department
    case .department(let d): return d == department
    case .member(let h): return pipeline.member(h)?.department == department
    }
  }
}
