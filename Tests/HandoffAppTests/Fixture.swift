import Foundation
import HandoffApp
import HandoffDemo
import HandoffHost
import HandoffModel
import TestSupport
import Testing

/// A pipeline filled from the demo generator at a fixed seed, clock and zone (UTC),
/// so every view and figure is the same on every run.
struct Fixture {
  static let start = Timestamp(iso8601: "2026-11-18T10:30:00Z")!
  /// The fold the fixture applies events with; `pipeline` is what views read.
  let fold: PipelineFold
  var pipeline: Pipeline { fold.pipeline }
  let clock: ManualClock
  private(set) var seq: Int64 = 0
  /// Every event applied, in order (what the store's history would read).
  private(set) var events: [Event] = []

  init(leads: Int = 300, seed: UInt64 = 42) {
    clock = ManualClock(Self.start)
    fold = PipelineFold(localZone: .utc)
    for demo in DemoTeam.events(leads: leads, seed: seed, now: Self.start, zone: .utc) {
      seq += 1
      let event = Event(seq: seq, at: demo.at, actor: demo.actor, body: demo.body)
      _ = fold.apply(event)
      events.append(event)
    }
  }

  var now: Timestamp { clock.now() }

  /// Carries out an effect's command as the store would: plan, then apply.
  @discardableResult
  mutating func perform(
    _ command: Command, by actor: String, ifVersion: Int? = nil, overriding: Overrides = []
  ) throws(ModelError) -> Event {
    let body = try Planner(pipeline).plan(
      command, by: actor, at: now, ifVersion: ifVersion, overriding: overriding)
    seq += 1
    let event = Event(seq: seq, at: now, actor: actor, body: body)
    #expect(fold.apply(event) == nil)
    events.append(event)
    return event
  }

  /// Undoes `event` as the store would: plans the revert from the lead's history
  /// before it, then applies it.
  mutating func undo(_ event: Event, by actor: String) throws(ModelError) -> Event {
    let body = try Planner(pipeline).plan(
      undoOf: event, history: events.filter { $0.leadID == event.leadID }, by: actor, at: now)
    seq += 1
    let revert = Event(seq: seq, at: now, actor: actor, body: body)
    #expect(fold.apply(revert) == nil)
    events.append(revert)
    return revert
  }

  /// A lead's history, as `Store.history(of:)` gives it.
  func history(of id: Int) -> [Event] { events.filter { $0.leadID == id } }

  /// A member of a department, the first in roster order.
  func member(of department: Department) -> String {
    pipeline.members.first { $0.department == department && $0.active }?.handle ?? "nobody"
  }
}

extension EventBody {
  /// The owner an assignment gave, if the event is one.
  var leadAssignedOwner: String? {
    if case .leadAssigned(let e) = self { return e.owner }
    return nil
  }
}

/// Compares a rendered screen with a text file in `Expected/`; with
/// `HANDOFF_RECORD_GOLDEN=1` it writes the file instead.
enum Golden {
  static func check(
    _ name: String, _ text: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .appendingPathComponent("Expected").path
    if let diff = GoldenFile.check(text, name: name + ".txt", directory: directory) {
      Issue.record(Comment(rawValue: diff), sourceLocation: sourceLocation)
    }
  }
}
