import Foundation
import HandoffModel
import HandoffStore
import HandoffSystem
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Writer processes SIGKILLed at seeded random moments, on any kind of store: lanes of
/// `handoff` commands (adds, notes, moves) and of demo batches run at once. Afterwards
/// every command that reported success has its event exactly once, a killed one at
/// most once, no batch is there in part, and sequence numbers run without a gap.
struct StoreChaos {
  let kind: StoreKind
  let seed: UInt64

  /// One command a lane ran, and how it ended.
  struct Record: Sendable {
    var lane: Int
    var user: String
    var command: [String]
    var killed: Bool
    var ending: ChildProcess.Ending
    var stderr: String
  }

  static let commandsPerLane = 12
  static let batches = 5
  static let leadsPerBatch = 30

  func run() throws {
    let fixture = try ContractStore(kind)
    let setup = try fixture.open(systemClock: true)
    try fixture.team(setup)
    // Every writer acts as its own member, so its events can be found by actor: only
    // members write.
    let writers = (0..<5).flatMap { lane in
      (0..<StoreChaos.commandsPerLane).map { "chaos-\(lane)-\($0)" }
    }
    try setup.append(
      (writers + ["chaos-last"]).map { handle in
        PlannedEvent(
          at: setup.pipeline.members[0].joinedAt, actor: "maria",
          body: .memberJoined(MemberJoined(handle: handle, name: handle, department: .marketing)))
      })
    let noteLead = try fixture.lead(setup, "chaos note target")
    let moveLead = try fixture.lead(setup, "chaos move target")
    let binary = handoffExecutable()
    let records = Mutex<[Record]>([])
    let lanes = (0..<5).map { lane in
      Thread { [fixture] in
        var random = SplitMix64(seed: seed &+ UInt64(lane) &* 7919)
        var mine: [Record] = []
        let count = lane == 4 ? StoreChaos.batches : StoreChaos.commandsPerLane
        for n in 0..<count {
          let user = "chaos-\(lane)-\(n)"
          let command: [String]
          switch lane {
          case 0, 1:
            command = ["add", "--name", "chaos lead \(lane)-\(n)", "--company", "Chaos"]
          case 2: command = ["note", String(noteLead), "chaos note \(n)"]
          case 3: command = ["move", String(moveLead), n % 2 == 0 ? "nurturing" : "mql"]
          default:
            command = [
              "demo", "--leads", String(StoreChaos.leadsPerBatch), "--seed", String(n), "--force",
            ]
          }
          // About a third are killed, anywhere from start-up to after the write.
          let kill = Int.random(in: 0..<3, using: &random) == 0
          let delay = Int.random(in: 0...(lane == 4 ? 400 : 80), using: &random)
          mine.append(
            Self.run(
              binary, command + ["--user", user], fixture: fixture, lane: lane, user: user,
              killAfter: kill ? delay : nil))
        }
        records.withLock { $0 += mine }
      }
    }
    for lane in lanes { lane.start() }
    while records.withLock({ $0.count }) < 4 * Self.commandsPerLane + Self.batches {
      _ = poll(nil, 0, 20)
    }
    try verify(records.withLock { $0 }, fixture: fixture)
  }

  /// Runs one command, SIGKILLing it after `killAfter` milliseconds when given.
  private static func run(
    _ binary: String, _ command: [String], fixture: ContractStore, lane: Int, user: String,
    killAfter: Int?
  ) -> Record {
    let errors = fixture.folder.file("lane-\(lane).err")
    var record = Record(
      lane: lane, user: user, command: command, killed: killAfter != nil, ending: .exited(-1),
      stderr: "")
    do {
      let child = try ChildProcess.spawn(
        binary, command, environment: fixture.environment, stderr: errors)
      if let killAfter {
        sleepForKillDelay(milliseconds: killAfter)
        child.signal(SIGKILL)
      }
      record.ending = child.wait()
    } catch {
      record.stderr = error.description
      return record
    }
    record.stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
    return record
  }

  private func verify(_ records: [Record], fixture: ContractStore) throws {
    // One last write (it settles what a killed file writer left), then a check.
    let last = fixture.run(
      ["add", "--name", "chaos last", "--company", "Chaos"], user: "chaos-last")
    #expect(last.status == 0, "the write after the chaos: \(last.stderr)")
    let check = fixture.run(["check"], user: "admin")
    #expect(check.status == 0, "handoff check: \(check.stdout) \(check.stderr)")

    let store = try fixture.open()
    var seqs: [Int64] = []
    var byActor: [String: Int] = [:]
    try store.forEachEvent { event in
      seqs.append(event.seq)
      byActor[event.actor, default: 0] += 1
    }
    #expect(seqs == Array(1...Int64(seqs.count)), "sequence numbers with gaps or out of order")
    #expect(store.pipeline.lastSeq == seqs.last)
    #expect(byActor["chaos-last"] == 1)
    for record in records where record.lane < 4 {
      let count = byActor[record.user] ?? 0
      let what = "\(record.command.joined(separator: " ")): \(record.ending) \(record.stderr)"
      switch record.ending {
      case .exited(0): #expect(count == 1, "acknowledged, found \(count) times: \(what)")
      case .exited: #expect(count == 0, "refused, yet found \(count) times: \(what)")
      case .signaled(SIGKILL) where record.killed:
        #expect(count <= 1, "killed, found \(count) times: \(what)")
      case .signaled: Issue.record("crashed: \(what)")
      }
    }
    // A demo batch is all there or not at all: its leads come in whole batches.
    let demoLeads = store.pipeline.allLeads.filter { $0.company != "Chaos" && $0.company != "Acme" }
    #expect(demoLeads.count % Self.leadsPerBatch == 0, "\(demoLeads.count) demo leads")
    let finished = records.filter { $0.lane == 4 && $0.ending == .exited(0) }.count
    let started = records.filter { $0.lane == 4 }.count
    #expect((finished...started).contains(demoLeads.count / Self.leadsPerBatch))
    let kills = records.filter { $0.ending == .signaled(SIGKILL) }.count
    print(
      "chaos (\(kind)): \(records.count) commands, \(kills) killed mid-run, "
        + "\(records.filter { $0.ending == .exited(0) }.count) acknowledged and found once, "
        + "\(demoLeads.count / Self.leadsPerBatch) of \(started) batches whole, \(seqs.count) events"
    )
  }
}
