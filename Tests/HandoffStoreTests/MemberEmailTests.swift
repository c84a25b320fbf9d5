import Foundation
import HandoffDemo
import HandoffModel
import HandoffStore
import Testing

/// A member's e-mail (how an imported file's owner column finds them) survives every
/// way a store is read: the log, a checkpoint, a compaction.
@Suite struct MemberEmailTests {
  @Test("the e-mail is written, read back, changed and cleared")
  func logRoundTrip() throws {
    let fixture = StoreFixture()
    let store = try fixture.store()
    try store.perform(
      .addMember(
        handle: "maria", name: "Maria", department: .marketing, capacity: nil,
        email: "Maria@Example.com"), by: "maria")
    try store.perform(
      .addMember(handle: "sam", name: "Sam", department: .sales, capacity: nil), by: "maria")
    #expect(throws: StoreError.self) {
      try store.perform(
        .updateMember(
          handle: "sam", away: nil, capacity: nil, name: nil, email: "maria@example.com"),
        by: "maria")
    }
    try store.perform(
      .updateMember(handle: "sam", away: nil, capacity: nil, name: nil, email: "sam@example.com"),
      by: "maria")
    #expect(try fixture.store().pipeline.member("maria")?.email == "Maria@Example.com")
    #expect(try fixture.store().pipeline.member("sam")?.email == "sam@example.com")
    try store.perform(
      .updateMember(handle: "sam", away: nil, capacity: nil, name: nil, email: ""), by: "maria")
    #expect(try fixture.store().pipeline.member("sam")?.email == nil)
    #expect(try String(contentsOfFile: fixture.path, encoding: .utf8).contains("\"email\":\"\""))
  }

  @Test("a checkpoint and a compaction keep it")
  func checkpointAndCompaction() throws {
    let fixture = StoreFixture()
    let store = try fixture.store(checkpointThreshold: 500)
    try store.append(DemoTeam.events(leads: 300, seed: 5, now: fixture.clock.now(), zone: .utc))
    let handle = try #require(store.pipeline.members.first?.handle)
    try store.perform(
      .updateMember(handle: handle, away: nil, capacity: nil, name: nil, email: "a@b.example"),
      by: "maria")
    _ = try fixture.store(checkpointThreshold: 500)
    #expect(FileManager.default.fileExists(atPath: fixture.path + ".checkpoint"))
    let restored = try fixture.store(checkpointThreshold: 500)
    #expect(restored.pipeline.member(handle)?.email == "a@b.example")
    _ = try restored.compact()
    #expect(try fixture.store().pipeline.member(handle)?.email == "a@b.example")
  }
}
