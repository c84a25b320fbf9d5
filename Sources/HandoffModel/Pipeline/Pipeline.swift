/// The team's state as the fold of its events: every lead, member, target and setting,
/// with the sorted lists, running counts and tallies the dashboard reads on every frame.
///
/// A read-only view: nothing outside the model can change it. Only a `PipelineFold`
/// (which the store keeps) applies events to it; everyone else reads. Reads never scan
/// all leads: lists are kept sorted and figures are tallied as events arrive. Used from
/// one thread (lists settle lazily when first read after a change).
package final class Pipeline {
  /// Team settings.
  package internal(set) var settings = Settings()
  /// The zone days and periods are counted in: the settings' zone, else the local one.
  package internal(set) var zone: Zone
  /// Where zones come from: the machine's own, and the one the settings name.
  package let zones: any ZoneDatabase
  /// The sequence number of the last event applied (0 before any).
  package internal(set) var lastSeq: Int64 = 0
  /// How many events have been applied.
  package internal(set) var eventCount = 0
  /// The id the next new lead gets.
  package internal(set) var nextLeadID = 1001
  /// Grows with every applied event: views compare it to know whether to redraw.
  package internal(set) var generation: UInt64 = 0

  var storage = LeadStorage()
  var team = Team()
  var targetValues: [TargetKey: Int64] = [:]
  var counts = StageCounts()
  var lists = LeadLists()
  var search = SearchText()
  var tallies = Tallies()
  var assignments = AssignmentJournal()

  /// An empty state counting days in `zones`' local zone until the settings name one.
  init(zones: any ZoneDatabase) {
    self.zones = zones
    self.zone = zones.local
  }

  // MARK: Leads

  /// How many leads there are.
  package var leadCount: Int { storage.count }

  /// The lead with an id.
  package func lead(_ id: Int) -> Lead? { storage.lead(id) }

  /// The lead kept at a storage slot (0..<leadCount); slots are stable for a lead.
  package func lead(atSlot slot: Int) -> Lead { storage.leads[slot] }

  /// The storage slot of a lead.
  package func slot(of id: Int) -> Int? { storage.slot(of: id).map(Int.init) }

  /// The id of the lead in a storage slot.
  package func leadID(atSlot slot: Int) -> Int { storage.leads[slot].id }

  /// The ids of the leads in these storage slots, in order.
  package func leadIDs(atSlots slots: [Int32]) -> [Int] {
    storage.leads.withUnsafeBufferPointer { leads in slots.map { leads[Int($0)].id } }
  }

  /// Every lead, in the order they were created.
  package var allLeads: [Lead] { storage.leads }

  /// The leads given an owner by events after `seq`, oldest first (only the most
  /// recent ones are kept; none from before a restore from a checkpoint).
  package func assignments(after seq: Int64) -> [Assignment] { assignments.after(seq) }

  /// The notes on a lead, oldest first.
  package func notes(of id: Int) -> [Note] { storage.notes(of: id) }

  // MARK: Team, targets, counts

  /// A member by handle (also members who left).
  package func member(_ handle: String) -> Member? { team.member(handle) }

  /// Every member, in joining order (including those who left).
  package var members: [Member] { team.members }

  /// Handles in the order members first joined.
  package var memberHandles: [String] { team.handles }

  /// The value of every target that is set.
  package var targets: [Target] {
    targetValues.map {
      Target(metric: $0.key.metric, period: $0.key.period, scope: $0.key.scope, value: $0.value)
    }
    .sorted {
      ($0.period.description, $0.metric.rawValue, $0.scope.description) < (
        $1.period.description, $1.metric.rawValue, $1.scope.description
      )
    }
  }

  /// The target for a metric, period and scope, if set.
  package func target(_ metric: Metric, _ period: Period, _ scope: Scope) -> Int64? {
    targetValues[TargetKey(metric: metric, period: period, scope: scope)]
  }

  /// How many open leads a member owns (their load, for assignment).
  package func load(of handle: String) -> Int { counts.load(of: handle) }

  /// How many leads are in a stage.
  package func count(in stage: Stage) -> Int { counts.counts[stage.ordinal] }

  /// The summed estimated value of the leads in a stage (minor units).
  package func value(in stage: Stage) -> Int64 { counts.values[stage.ordinal] }

  // MARK: Periods and what was done in them

  /// The current period of the settings' kind at a moment.
  package func currentPeriod(at now: Timestamp) -> Period {
    Period.containing(now, kind: settings.periodKind, zone: zone)
  }

  /// What has been done toward a metric in a period, for a scope.
  package func actual(_ metric: Metric, scope: Scope, period: Period) -> Int64 {
    let start = period.start(in: zone)
    let end = period.end(in: zone)
    let key: SeriesKey
    switch scope {
    case .team: key = .team(metric == .revenue ? .won : metric)
    case .department(let d):
      // Each metric counts one department's work, so a department's figure is the
      // team's for its own metrics and nothing for the other's.
      guard metric.department == d else { return 0 }
      key = .team(metric == .revenue ? .won : metric)
    case .member(let h): key = .member(metric == .revenue ? .won : metric, h)
    }
    if metric == .won { return Int64(tallies.occurrences(key, from: start, to: end)) }
    return tallies.total(key, from: start, to: end)
  }
}
