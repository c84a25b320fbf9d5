import Foundation
import HandoffDemo
import HandoffHost
import HandoffModel
import HandoffStore
import HandoffSystem
import TestSupport
import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// A batch lands whole or not at all: planned under the lock against the caught-up
/// state, refused entirely when one event does not fit, and invisible to every reader
/// when its writer dies halfway (the next writer moves its lines aside).
@Suite struct BatchTests {
  /// Three new leads planned against the state the batch is given.
  private func threeLeads(_ pipeline: Pipeline, at now: Timestamp) throws(StoreError)
    -> [PlannedEvent]
  {
    var events: [PlannedEvent] = []
    var next = pipeline.nextLeadID
    for name in ["Ada", "Grace", "Edsger"] {
      let lead = Lead(
        id: next, name: name, company: "Acme", source: "import", value: 0, stage: .new,
        owner: nil, createdAt: now, lastChangedBy: "importer")
      events.append(
        PlannedEvent(at: now, actor: "importer", body: .leadCreated(LeadCreated(lead: lead))))
      next += 1
    }
    return events
  }

  @Test("a batch is planned on the caught-up state and appended whole")
  func plannedOnTheCaughtUpState() throws {
    let fixture = StoreFixture()
    let writer = try fixture.team()
    let other = try fixture.store()
    // Another process adds a lead the batch's store has not read yet.
    let first = try fixture.lead(writer, "Before")
    var seen = 0
    let result = try other.batch { pipeline throws(StoreError) in
      seen = pipeline.leadCount
      return try threeLeads(pipeline, at: fixture.clock.now())
    }
    #expect(seen == 1, "the plan did not see the other writer's lead")
    #expect(result.count == 3)
    #expect(other.pipeline.lead(first + 3)?.name == "Edsger")
    #expect(try writer.refresh() == .appended(3))
    #expect(StateSummary(writer.pipeline) == StateSummary(other.pipeline))
    #expect(!FileManager.default.fileExists(atPath: fixture.path + ".batch"))
    #expect(writer.check().problems.isEmpty)
  }

  @Test("an event that does not fit refuses the whole batch and writes nothing")
  func oneMisfitRefusesAll() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    let size = FileStatus.of(path: fixture.path)?.size
    #expect(throws: StoreError.self) {
      try store.batch { pipeline throws(StoreError) in
        var events = try threeLeads(pipeline, at: fixture.clock.now())
        // A note on a lead that does not exist.
        events.insert(
          PlannedEvent(
            at: fixture.clock.now(), actor: "importer",
            body: .noteAdded(lead: 9999, version: 2, text: "x")),
          at: 2)
        return events
      }
    }
    #expect(FileStatus.of(path: fixture.path)?.size == size)
    #expect(store.pipeline.leadCount == 0)
    #expect(try fixture.store().pipeline.leadCount == 0)
  }

  @Test("a plan that throws writes nothing and says why")
  func aRefusedPlan() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    let size = FileStatus.of(path: fixture.path)?.size
    #expect {
      try store.batch { _ throws(StoreError) in throw .refused("3 rows refused") }
    } throws: { "\($0)" == "3 rows refused" }
    #expect(FileStatus.of(path: fixture.path)?.size == size)
  }

  @Test("the lines of a batch whose writer died are seen by nobody, then moved aside")
  func anUnfinishedBatchIsInvisible() throws {
    let fixture = StoreFixture()
    let store = try fixture.team()
    let events = store.pipeline.eventCount
    let size = try #require(FileStatus.of(path: fixture.path))
    // What a writer killed mid-batch leaves: its mark, and some of its lines.
    try "handoff-batch 1 \(size.device) \(size.inode) \(size.size)\n".write(
      toFile: fixture.path + ".batch", atomically: false, encoding: .utf8)
    let partial = """
      {"seq":5,"at":"2026-11-20T09:00:00.000Z","actor":"importer","type":"lead.created","lead":1001,"v":1,"name":"Half","company":"","source":"import","score":0,"value":0}
      {"seq":6,"at":"2026-11-20T09:00:00.000Z","actor":"importer","type":"lead.created","lead":1002,"v":1,"name":"Way","company":"","source":"import","score":0,"value":0}

      """
    let fd = try FileDescriptor.open(fixture.path, O_WRONLY | O_APPEND)
    try fd.writeAll(partial)
    fd.close()

    #expect(try store.refresh() == .none)
    #expect(store.pipeline.eventCount == events)
    let fresh = try fixture.store()
    #expect(fresh.pipeline.eventCount == events)
    #expect(fresh.check().problems.isEmpty, "check saw the unfinished batch")
    var everything = 0
    try fresh.forEachEvent { _ in everything += 1 }
    #expect(everything == events)

    // The next writer settles it: the lines go to a side file, the mark goes.
    let id = try fixture.lead(store, "After")
    #expect(id == 1001)
    #expect(!FileManager.default.fileExists(atPath: fixture.path + ".batch"))
    let folder = FilePaths.directory(of: fixture.path)
    let sides = try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.contains(".torn-") }
    #expect(sides.count == 1)
    let moved = try String(contentsOfFile: folder + "/" + sides[0], encoding: .utf8)
    #expect(moved == partial)
    #expect(try fixture.store().check().problems.isEmpty)
    #expect(try fixture.store().pipeline.lead(1001)?.name == "After")
  }

  @Test(
    "a demo killed at any moment leaves none of its leads or all of them, and check clean",
    arguments: 0..<6)
  func killedMidBatch(round: Int) throws {
    let folder = TemporaryDirectory("handoff-batch-kill")
    let path = folder.file("store.jsonl")
    let environment = ["HOME": folder.path, "PATH": "/usr/bin:/bin", "HANDOFF_STORE": path]
    var random = SplitMix64(seed: 0xBA7C4 &+ UInt64(round))
    // Kill as soon as the batch's lines are being written on even rounds (after its
    // mark appeared, at the log's first write), at a seeded random moment on odd ones
    // (anywhere: before, during or after the batch).
    #if os(Linux)
      let watch = try Inotify()
      defer { watch.close() }
      _ = try watch.watch(folder.path, for: [.created, .movedIn, .modified])
    #endif
    let child = try ChildProcess.spawn(
      handoffExecutable(), ["demo", "--leads", "600"], environment: environment)
    #if os(Linux)
      if round % 2 == 0 {
        var entry = pollfd(fd: watch.descriptor.rawValue, events: Int16(POLLIN), revents: 0)
        var marked = false
        var writing = false
        while !writing, poll(&entry, 1, 30_000) == 1 {
          for notice in watch.read() {
            if notice.name == "store.jsonl.batch" { marked = true }
            if marked, notice.name == "store.jsonl", notice.events.contains(.modified) {
              writing = true
            }
          }
        }
      } else {
        sleepForKillDelay(milliseconds: Int(random.next() % 1500))
      }
    #else
      sleepForKillDelay(milliseconds: Int(random.next() % 1500))
    #endif
    child.signal(SIGKILL)
    let ending = child.wait()
    let store = FileStore(path: path, clock: SystemClock(), zones: FixedZones())
    try store.open()
    let leads = store.pipeline.leadCount
    #expect(leads == 0 || leads == 600, "\(leads) leads after \(ending)")
    #if os(Linux)
      // The even rounds' kill came while the batch's lines were in the log.
      #expect(round % 2 == 1 || (FileStatus.of(path: path)?.size ?? 0) > 0)
    #endif
    #expect(store.check().problems.isEmpty)
    // Whatever was left, the next write settles it and the store reads clean.
    try store.perform(
      .addMember(handle: "after", name: nil, department: .sales, capacity: nil), by: "maria")
    #expect(!FileManager.default.fileExists(atPath: path + ".batch"))
    let reread = FileStore(path: path, clock: SystemClock(), zones: FixedZones())
    try reread.open()
    #expect(reread.pipeline.leadCount == leads)
    #expect(reread.check().problems.isEmpty)
  }
}
