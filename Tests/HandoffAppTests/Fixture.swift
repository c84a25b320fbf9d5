import Foundation
import HandoffApp
import HandoffModel
import Testing

/// A pipeline filled from the demo generator at a fixed seed, clock and zone (UTC),
/// so every view and figure is the same on every run.
struct Fixture {
  static let start = Timestamp(iso8601: "2026-11-18T10:30:00Z")!
  let pipeline: Pipeline
  let clock: ManualClock
  private(set) var seq: Int64 = 0
  /// Every event applied, in order (what the store's history would read).
  private(set) var events: [Event] = []

  init(leads: Int = 300, seed: UInt64 = 42) {
    clock = ManualClock(Self.start)
    pipeline = Pipeline(localZone: .utc)
    for demo in DemoTeam.events(leads: leads, seed: seed, now: Self.start, zone: .utc) {
      seq += 1
      let event = Event(seq: seq, at: demo.at, actor: demo.actor, body: demo.body)
      _ = pipeline.apply(event)
      events.append(event)
    }
  }

  var now: Timestamp { clock.now() }

  /// Carries out an effect's command as the store would: plan, then apply.
  @discardableResult
  mutating func perform(_ command: Command, by actor: String, ifVersion: Int? = nil)
    throws(ModelError)
    -> Event
  {
    let body = try pipeline.plan(command, by: actor, at: now, ifVersion: ifVersion)
    seq += 1
    let event = Event(seq: seq, at: now, actor: actor, body: body)
    #expect(pipeline.apply(event) == nil)
    events.append(event)
    return event
  }

  /// A lead's history, as `Store.history(of:)` gives it.
  func history(of id: Int) -> [Event] { events.filter { $0.leadID == id } }

  /// A member of a department, the first in roster order.
  func member(of department: Department) -> String {
    pipeline.members.first { $0.department == department && $0.active }?.handle ?? "nobody"
  }
}

/// Compares a rendered screen with a text file in `Expected/`; with
/// `HANDOFF_UPDATE_GOLDEN=1` it writes the file instead.
enum Golden {
  static func check(
    _ name: String, _ text: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .appendingPathComponent("Expected").appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["HANDOFF_UPDATE_GOLDEN"] == "1" {
      try? text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "no golden file \(name).txt (run with HANDOFF_UPDATE_GOLDEN=1)",
        sourceLocation: sourceLocation)
      return
    }
    guard expected != text else { return }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = text.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for i in 0..<max(want.count, got.count) {
      let a = i < want.count ? String(want[i]) : "∅"
      let b = i < got.count ? String(got[i]) : "∅"
      if a != b { diff.append("line \(i + 1):\n  want: \(a)\n  got:  \(b)") }
    }
    let message =
      "\(name) differs from Expected/\(name).txt:\n" + diff.prefix(12).joined(separator: "\n")
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}
