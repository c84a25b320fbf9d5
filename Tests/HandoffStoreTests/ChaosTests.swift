import Foundation
import HandoffDemo
import HandoffHost
import HandoffModel
import HandoffStore
import HandoffSystem
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Many `handoff` processes append to one log at once while the test SIGKILLs them at
/// seeded random moments. Afterwards every command that reported success has its event
/// exactly once, sequence numbers strictly increase, and the log loads and checks clean.
///
/// Each writer command acts as its own `--user chaos-LANE-N`, so its events can be found
/// in the log whatever the others did.
@Suite(.serialized)
struct ChaosTests {
  @Test("writers killed at random moments never lose or repeat an acknowledged event")
  func killedWriters() throws {
    let run = try ChaosRun(seed: 0xC4A05)
    let records = run.runLanes(compactions: false)
    let log = try run.verify(records)
    // No compaction ran: the numbers have no gaps either.
    #expect(log.seqs == Array(1...Int64(log.seqs.count)))
    run.report("killed writers", records, log)
  }

  @Test("a compaction mid-chaos and a follower: the follower ends equal to a fresh load")
  func compactionAndFollower() throws {
    let run = try ChaosRun(seed: 0xC0FFEE)
    let follower = FileStore(path: run.path, clock: SystemClock(), zones: FixedZones())
    try follower.open()
    let descriptor = follower.changeDescriptor?.rawValue ?? -1
    var refreshes = 0
    var reloads = 0
    var followerErrors: [String] = []
    let records = run.runLanes(compactions: true) {
      // The follower: wait until the log may have changed, then catch up.
      var waiter = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      _ = descriptor >= 0 ? poll(&waiter, 1, 50) : poll(nil, 0, 10)
      do {
        if try follower.refresh() == .reloaded { reloads += 1 }
        refreshes += 1
      } catch {
        followerErrors.append(String(describing: error))
      }
    }
    #expect(
      followerErrors.isEmpty,
      "the follower failed: \(followerErrors.prefix(3)); log kept in \(run.keep())")
    // `verify` makes one last write of its own; the follower catches up after it.
    let log = try run.verify(records)
    _ = try follower.refresh()
    let fresh = FileStore(path: run.path, clock: SystemClock(), zones: FixedZones())
    try fresh.open()
    let followed = StateSummary(follower.pipeline)
    let loaded = StateSummary(fresh.pipeline)
    #expect(
      followed == loaded,
      "the follower differs from a fresh load: \(ChaosRun.difference(followed, loaded)); log kept in \(run.keep())"
    )
    let now = Timestamp(milliseconds: 1_800_000_000_000)
    #expect(SalesFigures(follower.pipeline, at: now) == SalesFigures(fresh.pipeline, at: now))
    #expect(reloads >= 1, "the follower never saw the compaction")
    let backups = try FileManager.default.contentsOfDirectory(atPath: run.folder.path)
      .filter { $0.hasSuffix(".bak") }
    #expect(!backups.isEmpty, "no compaction replaced the log")
    run.report("compaction + follower (\(refreshes) refreshes, \(reloads) reloads)", records, log)
  }
}

/// One command a writer lane ran, and how it ended.
struct ChaosRecord: Sendable {
  var lane: Int
  var user: String
  var command: [String]
  /// The lead name an `add` gave, to find its lead.
  var name: String?
  var killed: Bool
  var ending: ChildProcess.Ending
  var stderr: String
}

/// What the lanes hand back, shared between their threads.
final class LaneResults: Sendable {
  let records = Mutex<[ChaosRecord]>([])
  let running = Mutex(5)
}

/// The log as read back by the test, independently of the store's own reader.
struct ChaosLog {
  var seqs: [Int64] = []
  var byActor: [String: Int] = [:]
  var names: [String: Int] = [:]
}

/// A store prepared for chaos and the lanes of writers that run against it.
final class ChaosRun: Sendable {
  let folder = TemporaryDirectory("handoff-chaos")
  let seed: UInt64
  let binary = handoffExecutable()
  let noteLead: Int
  let moveLead: Int
  var path: String { folder.file("store.jsonl") }

  /// Commands per lane of CLI writers (lanes 0–3); lane 4 runs the simulator (and
  /// compactions).
  static let commandsPerLane = 16

  /// A demo team whose history ended 200 days ago (so a compaction has something to
  /// fold), and one lead for notes and one for moves.
  init(seed: UInt64) throws {
    self.seed = seed
    let past = Timestamp(milliseconds: 1_780_000_000_000)
    let store = FileStore(
      path: folder.file("store.jsonl"), clock: ManualClock(past), zones: FixedZones())
    try store.open()
    try store.append(DemoTeam.events(leads: 40, seed: seed, now: past, zone: .utc))
    // Every writer acts as its own member, so its events can be found by actor (only
    // members write); away, so the simulator never picks one of them to act as.
    let writers = (0..<4).flatMap { lane in
      (0..<ChaosRun.commandsPerLane).map { "chaos-\(lane)-\($0)" }
    }
    try store.append(
      (writers + ["chaos-last"]).flatMap { handle in
        [
          PlannedEvent(
            at: past, actor: "maria",
            body: .memberJoined(
              MemberJoined(handle: handle, name: handle, department: .marketing))),
          PlannedEvent(
            at: past, actor: "maria",
            body: .memberUpdated(MemberUpdated(handle: handle, away: true))),
        ]
      })
    func lead(_ name: String) throws -> Int {
      let new = NewLead(
        name: name, company: "Chaos", source: "webinar", score: 50, value: 100_000, owner: nil)
      return try store.perform(.addLead(new), by: "maria").leadID ?? 0
    }
    noteLead = try lead("chaos note target")
    moveLead = try lead("chaos move target")
  }

  /// Copies the folder somewhere that outlives the test, for a failure's evidence.
  func keep() -> String {
    let kept = NSTemporaryDirectory() + "handoff-chaos-kept-\(seed)-\(getpid())"
    try? FileManager.default.removeItem(atPath: kept)
    try? FileManager.default.copyItem(atPath: folder.path, toPath: kept)
    return kept
  }

  var environment: [String: String] {
    ["HOME": folder.path, "PATH": "/usr/bin:/bin", "HANDOFF_STORE": path]
  }

  /// Runs the lanes at once, each on its own thread, and calls `meanwhile` on this
  /// thread until they are all done.
  func runLanes(compactions: Bool, meanwhile: () -> Void = {}) -> [ChaosRecord] {
    let shared = LaneResults()
    for lane in 0..<5 {
      let thread = Thread { [self] in
        let records = lane == 4 ? simulatorLane(compactions: compactions) : writerLane(lane)
        shared.records.withLock { $0 += records }
        shared.running.withLock { $0 -= 1 }
      }
      thread.start()
    }
    if compactions {
      while shared.running.withLock({ $0 }) > 0 { meanwhile() }
    } else {
      // Nothing to do meanwhile: check for the lanes' end now and then, without spinning.
      while shared.running.withLock({ $0 }) > 0 { _ = poll(nil, 0, 20) }
    }
    return shared.records.withLock { $0 }
  }

  /// Lanes 0 and 1 add leads, lane 2 adds notes, lane 3 moves a lead back and forth.
  private func writerLane(_ lane: Int) -> [ChaosRecord] {
    var random = SeededGenerator(seed: seed &+ UInt64(lane) &* 7919)
    var records: [ChaosRecord] = []
    for n in 0..<ChaosRun.commandsPerLane {
      let user = "chaos-\(lane)-\(n)"
      var name: String?
      let command: [String]
      switch lane {
      case 0, 1:
        name = "chaos lead \(lane)-\(n)"
        command = ["add", "--name", name!, "--company", "Chaos", "--source", "webinar"]
      case 2:
        command = ["note", String(noteLead), "chaos note \(n)"]
      default:
        command = ["move", String(moveLead), n % 2 == 0 ? "nurturing" : "mql"]
      }
      // About a third are killed, at any moment from before start-up to after the write.
      let kill = Int.random(in: 0..<3, using: &random) == 0
      let delay = Int.random(in: 0...60, using: &random)
      records.append(
        run(
          lane: lane, command + ["--user", user], user: user, name: name,
          killAfter: kill ? delay : nil))
    }
    return records
  }

  /// The simulator in short bursts (killed at random moments or not), with compactions
  /// between them when asked; compactions are killed at random moments too, but the
  /// middle one always runs to its end.
  private func simulatorLane(compactions: Bool) -> [ChaosRecord] {
    var random = SeededGenerator(seed: seed &+ 4)
    var records: [ChaosRecord] = []
    for n in 0..<6 {
      let simulate = ["simulate", "--rate", "100", "--for", "1s", "--seed", String(n)]
      let kill = Int.random(in: 0..<3, using: &random) != 0
      let delay = Int.random(in: 0...900, using: &random)
      records.append(
        run(lane: 4, simulate, user: "simulator", name: nil, killAfter: kill ? delay : nil))
      guard compactions else { continue }
      let killCompaction = n != 3 && Int.random(in: 0..<2, using: &random) == 0
      let compactDelay = Int.random(in: 0...80, using: &random)
      records.append(
        run(
          lane: 4, ["compact", "--user", "compactor"], user: "compactor", name: nil,
          killAfter: killCompaction ? compactDelay : nil))
    }
    return records
  }

  /// Runs one command, SIGKILLing it after `killAfter` milliseconds when given.
  private func run(
    lane: Int, _ command: [String], user: String, name: String?, killAfter: Int?
  ) -> ChaosRecord {
    let errFile = folder.file("lane-\(lane).err")
    var record = ChaosRecord(
      lane: lane, user: user, command: command, name: name, killed: killAfter != nil,
      ending: .exited(-1), stderr: "")
    do {
      let child = try ChildProcess.spawn(
        binary, command, environment: environment, stderr: errFile)
      if let killAfter {
        sleepForKillDelay(milliseconds: killAfter)
        child.signal(SIGKILL)
      }
      record.ending = child.wait()
    } catch {
      record.stderr = error.description
      return record
    }
    record.stderr = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
    return record
  }

  /// Checks the log after a run and returns what it read. One last write first: the
  /// last killed writer may have left a torn line, which that write must set aside.
  func verify(_ records: [ChaosRecord]) throws -> ChaosLog {
    let last = runHandoff(
      ["add", "--name", "chaos last", "--company", "Chaos", "--user", "chaos-last"],
      environment: environment)
    #expect(last.status == 0, "the write after the chaos: \(last.stderr)")
    let check = runHandoff(["check"], environment: environment)
    #expect(check.status == 0, "handoff check: \(check.stdout) \(check.stderr)")

    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var log = ChaosLog()
    for line in data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
      let object = try #require(
        try JSONSerialization.jsonObject(with: line) as? [String: Any],
        "not a JSON object: \(String(decoding: line, as: UTF8.self))")
      let seq = try #require((object["seq"] as? NSNumber)?.int64Value)
      if let last = log.seqs.last { #expect(seq > last, "seq \(seq) after \(last)") }
      log.seqs.append(seq)
      if let actor = object["actor"] as? String, actor.hasPrefix("chaos-") {
        log.byActor[actor, default: 0] += 1
        if object["type"] as? String == "lead.created", let name = object["name"] as? String {
          log.names[name, default: 0] += 1
        }
      }
    }
    #expect(data.last == 0x0A, "the log still ends in a torn line")
    #expect(log.byActor["chaos-last"] == 1)

    for record in records where record.lane < 4 {
      let count = log.byActor[record.user] ?? 0
      let what = "\(record.command.joined(separator: " ")): \(record.ending) \(record.stderr)"
      switch record.ending {
      case .exited(0):
        #expect(count == 1, "acknowledged, found \(count) times: \(what)")
        if let name = record.name { #expect(log.names[name] == 1, "\(what)") }
      case .exited:
        #expect(count == 0, "refused, yet found \(count) times: \(what)")
      case .signaled(SIGKILL) where record.killed:
        #expect(count <= 1, "killed, found \(count) times: \(what)")
      case .signaled:
        Issue.record("crashed: \(what)")
      }
    }
    for record in records where record.lane == 4 && !record.killed {
      #expect(record.ending == .exited(0), "\(record.command): \(record.ending) \(record.stderr)")
    }

    let fresh = FileStore(path: path, clock: SystemClock(), zones: FixedZones())
    try fresh.open()
    #expect(fresh.pipeline.lastSeq == log.seqs.last)
    return log
  }

  /// The first difference between two states, for a failure message.
  static func difference(_ a: StateSummary, _ b: StateSummary) -> String {
    if a.lastSeq != b.lastSeq { return "last seq \(a.lastSeq) vs \(b.lastSeq)" }
    if a.leads.count != b.leads.count { return "\(a.leads.count) vs \(b.leads.count) leads" }
    for (x, y) in zip(a.leads, b.leads) where x != y { return "lead \(x) vs \(y)" }
    for (x, y) in zip(a.notes, b.notes) where x != y { return "notes \(x) vs \(y)" }
    if a.members != b.members { return "members \(a.members) vs \(b.members)" }
    if a.targets != b.targets { return "targets" }
    return "settings \(a.settings) vs \(b.settings)"
  }

  /// One line of figures for the closing note.
  func report(_ title: String, _ records: [ChaosRecord], _ log: ChaosLog) {
    let kills = records.filter { $0.ending == .signaled(SIGKILL) }.count
    let acknowledged = records.filter { $0.lane < 4 && $0.ending == .exited(0) }.count
    let refused = records.filter { $0.lane < 4 && $0.killed == false && $0.ending != .exited(0) }
    print(
      "chaos \(title): \(records.count) commands, \(kills) killed mid-run, "
        + "\(acknowledged) acknowledged writes found exactly once, \(refused.count) refused, "
        + "\(log.seqs.count) events in order; refusals: "
        + Set(refused.map { String($0.stderr.prefix(60)) }).sorted().joined(separator: " | "))
  }
}
