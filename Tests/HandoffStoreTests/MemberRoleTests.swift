import Foundation
import HandoffDemo
import HandoffModel
import HandoffStore
import Testing

/// A member's role and a move's `taken_from` survive every way a store is read (the
/// log, a checkpoint, a compaction), and a log written before them still reads.
@Suite struct MemberRoleTests {
  @Test("the role is written only for managers, read back and changed")
  func logRoundTrip() throws {
    let fixture = StoreFixture()
    let store = try fixture.store()
    try store.perform(
      .addMember(
        handle: "olivia", name: "Olivia", department: .sales, capacity: nil, role: .manager),
      by: "olivia")
    try store.perform(
      .addMember(handle: "sam", name: "Sam", department: .sales, capacity: nil), by: "olivia")
    let text = try String(contentsOfFile: fixture.path, encoding: .utf8)
    let lines = text.split(separator: "\n")
    #expect(lines[0].contains("\"role\":\"manager\""))
    #expect(!lines[1].contains("\"role\""))
    #expect(try fixture.store().pipeline.member("olivia")?.role == .manager)
    #expect(try fixture.store().pipeline.member("sam")?.role == .member)
    try store.perform(
      .updateMember(handle: "sam", away: nil, capacity: nil, name: nil, role: .manager),
      by: "olivia")
    #expect(try fixture.store().pipeline.member("sam")?.role == .manager)
    #expect(
      try String(contentsOfFile: fixture.path, encoding: .utf8).contains("\"role\":\"manager\"}"))
  }

  @Test("a log from before roles reads every member as a member")
  func oldLog() throws {
    let fixture = StoreFixture()
    try FileManager.default.createDirectory(
      atPath: (fixture.path as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true)
    let old = """
      {"seq":1,"at":"2026-11-01T09:00:00.000Z","actor":"admin","type":"member.joined","handle":"maria","name":"Maria","dept":"marketing"}
      {"seq":2,"at":"2026-11-01T09:00:00.000Z","actor":"admin","type":"lead.created","lead":1001,"name":"Ada","company":"Acme","source":"seo","score":0,"value":0,"owner":"maria"}

      """
    try old.write(toFile: fixture.path, atomically: true, encoding: .utf8)
    let store = try fixture.store()
    #expect(store.pipeline.member("maria")?.role == .member)
    #expect(store.check().problems.isEmpty)
    // "admin" wrote the old lines; now that the team has a member, it may not.
    #expect(throws: StoreError.self) { try store.perform(.note(id: 1001, text: "hi"), by: "admin") }
    try store.perform(.note(id: 1001, text: "hi"), by: "maria")
  }

  @Test("taken_from is written and read back")
  func takenFrom() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    let id = try fixture.lead(store, "Ada")
    try store.perform(.move(id: id, to: .mql, reason: nil), by: "maria")
    try store.perform(.handOff(id: id), by: "maria")
    try store.perform(.assign(id: id, to: "sam", note: nil), by: "ana")
    #expect(throws: StoreError.self) { try store.perform(.accept(id: id), by: "ana") }
    try store.perform(.accept(id: id), by: "ana", ifVersion: nil, overriding: .take)
    let reread = try fixture.store()
    guard case .leadMoved(let move)? = try reread.history(of: id).last?.body else {
      Issue.record("no move")
      return
    }
    #expect(move.takenFrom == "sam")
    #expect(reread.pipeline.lead(id)?.owner == "ana")
    #expect(
      try String(contentsOfFile: fixture.path, encoding: .utf8).contains("\"taken_from\":\"sam\""))
  }

  @Test("a checkpoint and a compaction keep the role")
  func checkpointAndCompaction() throws {
    let fixture = StoreFixture()
    let store = try fixture.store(checkpointThreshold: 500)
    try store.append(DemoTeam.events(leads: 300, seed: 5, now: fixture.clock.now(), zone: .utc))
    let managers = store.pipeline.members.filter { $0.role == .manager }.map(\.handle)
    #expect(managers == ["maria", "olivia"])
    try store.perform(
      .updateMember(handle: "sam", away: nil, capacity: nil, name: nil, role: .manager),
      by: "olivia")
    _ = try fixture.store(checkpointThreshold: 500)
    #expect(FileManager.default.fileExists(atPath: fixture.path + ".checkpoint"))
    let restored = try fixture.store(checkpointThreshold: 500)
    #expect(restored.pipeline.member("sam")?.role == .manager)
    #expect(restored.pipeline.member("olivia")?.role == .manager)
    _ = try restored.compact()
    let compacted = try fixture.store()
    #expect(compacted.pipeline.members.filter { $0.role == .manager }.count == 3)
  }
}
