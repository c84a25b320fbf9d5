import HandoffDemo
import HandoffHost
import HandoffModel
import HandoffStore
import TestSupport

/// A file log holding a demo team's history of several weeks up to `now`, for the
/// tests of the dashboard's helper threads: the store that wrote it (open), every event,
/// and more store objects on it as a thread makes its own.
struct DemoLog {
  static let now = Timestamp(iso8601: "2026-11-18T10:30:00Z")!

  let folder: TemporaryDirectory
  let clock = ManualClock(DemoLog.now)
  let path: String
  let store: FileStore
  let events: [Event]

  init(_ prefix: String) throws {
    folder = TemporaryDirectory(prefix)
    path = folder.file("store.jsonl")
    store = FileStore(path: path, clock: clock, zones: FixedZones())
    try store.open()
    try store.append(DemoTeam.events(leads: 60, seed: 5, now: DemoLog.now, zone: .utc))
    var events: [Event] = []
    try store.forEachEvent { events.append($0) }
    self.events = events
  }

  /// Another store object on the log, not opened: a thread's own.
  func secondStore() -> FileStore { FileStore(path: path, clock: clock, zones: FixedZones()) }

  /// The state at `moment` folded afresh from every event.
  func folded(_ moment: Timestamp) -> Pipeline {
    PipelineFold.folding(events, at: moment, zones: FixedZones()).pipeline
  }
}
