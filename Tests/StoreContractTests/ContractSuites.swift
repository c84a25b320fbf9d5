import HandoffPostgresCluster
import Testing

/// The store contract against the JSON-lines log.
@Suite struct FileStoreContractTests {
  private let contract = StoreContract(kind: .file)

  @Test("writes, history, numbering and stale versions") func basics() throws {
    try contract.basics()
  }
  @Test("undo, and undo refused after someone else's change") func undo() throws {
    try contract.undo()
  }
  @Test("undo after undo walks back one change after another") func undoStack() throws {
    try contract.undoStack()
  }
  @Test("a batch lands whole or not at all") func batches() throws { try contract.batches() }
  @Test("a new lead carries its stage and activity moments, in every reading")
  func carriedMoments() throws { try contract.carriedMoments() }
  @Test("a follower sees another process's append") func follower() throws {
    try contract.followerSeesAnotherProcess()
  }
  @Test("4 writer processes at once: every acknowledged write exactly once")
  func concurrentProcesses() throws { try contract.concurrentProcesses() }
  @Test("init is idempotent and check finds nothing wrong") func initAndCheck() throws {
    try contract.initAndCheck()
  }
  @Test("compaction keeps the state, and a follower reloads") func compaction() throws {
    try contract.compaction()
  }
  @Test("writers killed at random (kill -9): nothing acknowledged lost, nothing half-written")
  func chaos() throws { try StoreChaos(kind: .file, seed: 0xC4A05).run() }
  @Test("time travel: the state at a moment, stepped to or jumped to, matches a fresh fold")
  func timeTravel() throws { try contract.timeTravel() }
  @Test("the dashboard's travel threads: days made ahead, missing stops saved")
  func travelHelpers() throws { try contract.travelHelpers() }
}

/// The store contract against PostgreSQL (a database per test on the shared test
/// server); skipped, with the reason, where PostgreSQL is not installed.
@Suite(
  .enabled(if: PostgresCluster.isAvailable, Comment(rawValue: PostgresCluster.skipReason)))
struct PostgresStoreContractTests {
  private let contract = StoreContract(kind: .postgres)

  @Test("writes, history, numbering and stale versions") func basics() throws {
    try contract.basics()
  }
  @Test("undo, and undo refused after someone else's change") func undo() throws {
    try contract.undo()
  }
  @Test("undo after undo walks back one change after another") func undoStack() throws {
    try contract.undoStack()
  }
  @Test("a batch lands whole or not at all") func batches() throws { try contract.batches() }
  @Test("a new lead carries its stage and activity moments, in every reading")
  func carriedMoments() throws { try contract.carriedMoments() }
  @Test("a follower sees another process's append") func follower() throws {
    try contract.followerSeesAnotherProcess()
  }
  @Test("4 writer processes at once: every acknowledged write exactly once")
  func concurrentProcesses() throws { try contract.concurrentProcesses() }
  @Test("init is idempotent and check finds nothing wrong") func initAndCheck() throws {
    try contract.initAndCheck()
  }
  @Test("compaction keeps the state, and a follower reloads") func compaction() throws {
    try contract.compaction()
  }
  @Test("writers killed at random (kill -9): nothing acknowledged lost, nothing half-written")
  func chaos() throws { try StoreChaos(kind: .postgres, seed: 0xC4A05).run() }
  @Test("time travel: the state at a moment, stepped to or jumped to, matches a fresh fold")
  func timeTravel() throws { try contract.timeTravel() }
  @Test("the dashboard's travel threads: days made ahead, missing stops saved")
  func travelHelpers() throws { try contract.travelHelpers() }
}
