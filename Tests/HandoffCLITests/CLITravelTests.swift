import Foundation
import HandoffHost
import HandoffModel
import HandoffStore
import Testing

/// `--at TIME` end to end: each reading command shows the store as it stood then; a bad
/// value, a moment ahead, or a command that writes is one clear line and exit 2.
struct CLITravelTests {
  /// A store whose history is dated: a team on 2026-11-02, a lead added on 11-03 and
  /// handed off on 11-04 at 09:00, accepted on 11-05, a second lead on 11-06.
  private func dated() throws -> CLIFixture {
    let f = CLIFixture()
    let clock = ManualClock(Timestamp(iso8601: "2026-11-02T09:00:00Z")!)
    let store = FileStore(path: f.store, clock: clock, zones: FixedZones())
    try store.open()
    try store.perform(
      .addMember(handle: "maria", name: nil, department: .marketing, capacity: nil), by: "maria")
    try store.perform(
      .addMember(handle: "sam", name: nil, department: .sales, capacity: nil), by: "maria")
    clock.set(Timestamp(iso8601: "2026-11-03T09:00:00Z")!)
    let lead = try store.perform(
      .addLead(NewLead(name: "Ada Costa", company: "Acme", source: "webinar", owner: "maria")),
      by: "maria")
    let id = try #require(lead.leadID)
    clock.set(Timestamp(iso8601: "2026-11-04T09:00:00Z")!)
    try store.perform(.move(id: id, to: .mql, reason: nil), by: "maria")
    try store.perform(.handOff(id: id), by: "maria")
    clock.set(Timestamp(iso8601: "2026-11-05T09:00:00Z")!)
    try store.perform(.accept(id: id), by: "sam")
    clock.set(Timestamp(iso8601: "2026-11-06T09:00:00Z")!)
    try store.perform(
      .addLead(NewLead(name: "Bo Reyes", company: "Beta", source: "seo", owner: "maria")),
      by: "maria")
    return f
  }

  @Test("list, show, stats, targets and snapshot as they stood at a moment")
  func commands() throws {
    let f = try dated()
    let list = f.ok("list", "--at", "2026-11-04 15:00")
    #expect(list.contains("queued") && list.contains("Ada Costa") && !list.contains("Bo Reyes"))
    // The SLA of then: handed off at 09:00, seen at 15:00 (4 h SLA): 2 h overdue.
    #expect(list.contains(" 6h  +2h00m "), "\(list)")
    #expect(f.ok("list").contains("Bo Reyes"))
    let show = f.ok("show", "1001", "--at", "2026-11-04 15:00")
    #expect(show.contains("queued since"))
    #expect(!show.contains("accepted"))
    let stats = f.json(f.ok("stats", "--json", "--at", "2026-11-04T15:00:00Z")) as? [String: Any]
    let queue = stats?["queue"] as? [String: Any]
    #expect(queue?["size"] as? Int == 1)
    #expect(queue?["breached"] as? Int == 1)
    #expect(queue?["oldest_age_seconds"] as? Int == 6 * 3600)
    let now = f.json(f.ok("stats", "--json")) as? [String: Any]
    #expect((now?["queue"] as? [String: Any])?["size"] as? Int == 0)
    f.ok("targets", "--at", "2026-11-04")
    let frame = f.ok("snapshot", "--at", "2026-11-04 15:00", "--width", "100", "--height", "24")
    #expect(frame.contains("read-only, as at 2026-11-04 15:00"))
    // Before the lead existed.
    f.fails(1, "no lead 1001 at 2026-11-02", "show", "1001", "--at", "2026-11-02 12:00")
  }

  @Test("a bad --at, one ahead of now, or --at on a command that writes: exit 2")
  func refusals() throws {
    let f = try dated()
    f.fails(2, "--at 'soon' is not valid", "stats", "--at", "soon")
    f.fails(2, "is in the future", "list", "--at", "2999-01-01")
    f.fails(2, "--at applies only to", "add", "--name", "X", "--at", "3d")
  }
}
