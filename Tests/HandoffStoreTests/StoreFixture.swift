import HandoffHost
import HandoffModel
import HandoffStore
import HandoffSystem
import TestSupport

/// A store in a temporary folder on a manual clock, with a small team.
final class StoreFixture {
  let folder = TemporaryDirectory("handoff-store")
  let clock = ManualClock(Timestamp(iso8601: "2026-11-20T09:00:00Z")!)
  var path: String { folder.file("data/store.jsonl") }

  /// A store on the fixture's log, opened.
  func store(checkpointThreshold: Int = 20_000) throws -> FileStore {
    let store = FileStore(path: path, clock: clock, zones: FixedZones())
    store.checkpointThreshold = checkpointThreshold
    try store.open()
    return store
  }

  /// Adds two marketers and two reps (Maria first, to the empty team, then the others:
  /// only members write), and returns the store.
  func team() throws -> FileStore {
    let store = try store()
    try store.perform(
      .addMember(handle: "maria", name: "Maria Lopez", department: .marketing, capacity: nil),
      by: "maria")
    try store.perform(
      .addMember(handle: "tom", name: nil, department: .marketing, capacity: 20), by: "maria")
    try store.perform(
      .addMember(handle: "sam", name: "Sam Okafor", department: .sales, capacity: 10), by: "maria")
    try store.perform(
      .addMember(handle: "ana", name: "Ana Ruiz", department: .sales, capacity: nil), by: "maria")
    return store
  }

  /// Adds a lead and returns its id.
  @discardableResult
  func lead(_ store: FileStore, _ name: String, by actor: String = "maria") throws -> Int {
    let event = try store.perform(
      .addLead(
        NewLead(
          name: name, company: "Acme", source: "webinar", score: 40, value: 500_000, owner: "maria")
      ),
      by: actor)
    return event.leadID!
  }
}

/// Everything a reader can see of a state, for comparing two states.
struct StateSummary: Equatable {
  var leads: [Lead]
  var notes: [[Note]]
  var members: [Member]
  var targets: Set<Target>
  var settings: Settings
  var lastSeq: Int64

  init(_ pipeline: Pipeline) {
    leads = pipeline.allLeads.sorted { $0.id < $1.id }
    notes = leads.map { pipeline.notes(of: $0.id) }
    members = pipeline.members
    targets = Set(pipeline.targets)
    settings = pipeline.settings
    lastSeq = pipeline.lastSeq
  }
}

extension FileStore {
  /// Whether the store's change descriptor is readable, or becomes so within
  /// `milliseconds` (a store with none counts as woken: it is looked at on a timer).
  func isWoken(within milliseconds: Int = 0) -> Bool {
    guard let descriptor = changeDescriptor else { return true }
    var entries = [PollEntry(descriptor)]
    return ((try? FileDescriptor.poll(&entries, timeout: .milliseconds(milliseconds))) ?? 0) == 1
  }
}
