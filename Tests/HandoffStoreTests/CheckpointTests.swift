import Foundation
import HandoffDemo
import HandoffModel
import HandoffStore
import Testing

@Suite struct CheckpointTests {
  /// A demo history large enough that opening the store writes a checkpoint (appended
  /// by a writer with the usual threshold, which its batch stays under).
  private func bigStore(_ fixture: StoreFixture) throws -> FileStore {
    let store = try fixture.store()
    let events = DemoTeam.events(leads: 400, seed: 11, now: fixture.clock.now(), zone: .utc)
    try store.append(events)
    return store
  }

  private func figures(_ pipeline: Pipeline, at now: Timestamp) -> String {
    "\(MarketingFigures(pipeline, at: now))|\(QueueFigures(pipeline, at: now))|"
      + "\(SalesFigures(pipeline, at: now))|\(TargetProgress.all(pipeline, at: now))"
  }

  @Test func aSmallStateIsCheckpointedAfterAShorterTail() throws {
    let fixture = StoreFixture()
    let writer = try bigStore(fixture)
    let checkpoint = fixture.path + ".checkpoint"
    let events = writer.pipeline.eventCount
    #expect(events > 2_000 && events < 20_000)
    // A floor above the tail: no checkpoint, however low the lead count.
    let cautious = FileStore(path: fixture.path, clock: fixture.clock, zones: FixedZones())
    cautious.checkpointTailFloor = events + 1
    try cautious.open()
    #expect(!FileManager.default.fileExists(atPath: checkpoint))
    // The usual rule: 400 leads are cheap to write, so a tail of 2,000 events is enough.
    _ = try fixture.store()
    #expect(FileManager.default.fileExists(atPath: checkpoint))
  }

  @Test func aStoreOpenedFromItsCheckpointEqualsAFullReplay() throws {
    let fixture = StoreFixture()
    let writer = try bigStore(fixture)
    let checkpoint = fixture.path + ".checkpoint"
    #expect(!FileManager.default.fileExists(atPath: checkpoint))
    // The first open replays everything, then writes the checkpoint.
    let first = try fixture.store(checkpointThreshold: 500)
    #expect(FileManager.default.fileExists(atPath: checkpoint))
    // More events after the checkpoint: the next open restores and replays only those.
    let id = try #require(writer.pipeline.allLeads.first { $0.stage == .nurturing }?.id)
    try writer.perform(.note(id: id, text: "after the checkpoint"), by: "sam")
    let restored = try fixture.store(checkpointThreshold: 500)
    let now = fixture.clock.now()
    #expect(StateSummary(restored.pipeline) == StateSummary(writer.pipeline))
    #expect(figures(restored.pipeline, at: now) == figures(writer.pipeline, at: now))
    #expect(StateSummary(first.pipeline).leads.count == writer.pipeline.leadCount)
    #expect(try restored.history(of: id) == writer.history(of: id))
    for stage in Stage.allCases {
      #expect(
        restored.pipeline.leads(of: .stage(stage), in: 0..<50).map(\.id)
          == writer.pipeline.leads(of: .stage(stage), in: 0..<50).map(\.id))
    }
    // Proof that the checkpoint was used: damage the first line (same length); a store
    // opened from the checkpoint never reads it, a full replay stops at it.
    var bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
    bytes[0] = UInt8(ascii: "[")
    try bytes.write(to: URL(fileURLWithPath: fixture.path))
    #expect(
      try fixture.store(checkpointThreshold: 500).pipeline.eventCount == writer.pipeline.eventCount)
    try FileManager.default.removeItem(atPath: checkpoint)
    #expect(throws: StoreError.self) { try fixture.store() }
    bytes[0] = UInt8(ascii: "{")
    try bytes.write(to: URL(fileURLWithPath: fixture.path))
    // Undo works from restored history too.
    let undone = try restored.undo(by: "sam", lead: id)
    #expect(undone.body.kind == .leadReverted)
  }

  /// A batch as large as the threshold (an import) leaves its checkpoint at once: the
  /// next process restores it instead of replaying the batch.
  @Test func aLargeBatchLeavesACheckpoint() throws {
    let small = StoreFixture()
    let events = DemoTeam.events(leads: 10, seed: 11, now: small.clock.now(), zone: .utc)
    #expect(events.count < 500)
    try small.store(checkpointThreshold: 500).append(events)
    #expect(!FileManager.default.fileExists(atPath: small.path + ".checkpoint"))

    let fixture = StoreFixture()
    let writer = try fixture.store(checkpointThreshold: 500)
    try writer.append(DemoTeam.events(leads: 400, seed: 11, now: fixture.clock.now(), zone: .utc))
    #expect(FileManager.default.fileExists(atPath: fixture.path + ".checkpoint"))
    // Proof that the next open uses it: damage the first line (same length), which a
    // replay would stop at.
    var bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
    bytes[0] = UInt8(ascii: "[")
    try bytes.write(to: URL(fileURLWithPath: fixture.path))
    let restored = try fixture.store(checkpointThreshold: 500)
    #expect(restored.pipeline.eventCount == writer.pipeline.eventCount)
    #expect(StateSummary(restored.pipeline) == StateSummary(writer.pipeline))
  }

  @Test func aCheckpointThatNoLongerMatchesTheLogIsIgnored() throws {
    let fixture = StoreFixture()
    let writer = try bigStore(fixture)
    _ = try fixture.store(checkpointThreshold: 500)
    let checkpoint = fixture.path + ".checkpoint"
    #expect(FileManager.default.fileExists(atPath: checkpoint))
    // Replace the log with a different one of the same length: the witness bytes differ.
    var text = try String(contentsOfFile: fixture.path, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "\"actor\":\"", with: "\"actor\":\"", options: [], range: nil)
    let lines = text.split(separator: "\n")
    let shorter = lines.dropLast(3).joined(separator: "\n") + "\n"
    try shorter.write(toFile: fixture.path, atomically: true, encoding: .utf8)
    let reopened = try fixture.store(checkpointThreshold: 500)
    #expect(reopened.pipeline.eventCount == writer.pipeline.eventCount - 3)
    // Garbage in the checkpoint is ignored too.
    try Data("HANDOFF-CHECKPOINT-1\nnonsense".utf8).write(to: URL(fileURLWithPath: checkpoint))
    #expect(
      try fixture.store(checkpointThreshold: 500).pipeline.eventCount == writer.pipeline.eventCount
        - 3)
  }
}
