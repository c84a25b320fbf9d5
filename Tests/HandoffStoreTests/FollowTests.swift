import Foundation
import HandoffHost
import HandoffModel
import HandoffStore
import HandoffSystem
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if os(Linux)
  /// A follower is woken by its own log and nothing else: not by the other files in its
  /// folder, but by every append to the log and by the log's replacement. (Linux only:
  /// elsewhere there is no watch, and followers look on a timer.)
  @Suite struct FollowTests {
    /// Writes text to a file beside the log, as another program would.
    private func scribble(_ path: String, _ text: String) throws {
      let fd = try FileDescriptor.open(path, O_WRONLY | O_CREAT | O_APPEND, mode: 0o644)
      defer { fd.close() }
      try fd.writeAll(text)
    }

    @Test("neighbours' writes wake no follower; an append and a compaction do")
    func onlyTheLogWakes() throws {
      let fixture = StoreFixture()
      fixture.clock.set(Timestamp(iso8601: "2026-03-02T09:00:00Z")!)
      let writer = try fixture.team()
      for n in 0..<20 {
        let id = try fixture.lead(writer, "Old \(n)")
        try writer.perform(.moveForward(id: id, reason: nil), by: "maria")
      }
      let follower = try fixture.store()
      #expect(follower.changeDescriptor != nil && follower.refreshInterval == nil)
      #expect(!follower.isWoken())
      let folder = FilePaths.directory(of: fixture.path)

      // Another file in the folder, written again and again, and a checkpoint saved.
      for n in 0..<5 { try scribble(folder + "/notes.txt", "line \(n)\n") }
      try scribble(folder + "/marks", "frame 1\n")
      #expect(!follower.isWoken(), "a neighbour's write woke the follower")

      // An append by another store.
      let id = try fixture.lead(writer, "New")
      #expect(follower.isWoken(), "the append did not wake the follower")
      #expect(try follower.refresh() == .appended(1))
      #expect(follower.pipeline.lead(id) != nil)
      #expect(!follower.isWoken())

      // A compaction: a new file renamed over the log.
      fixture.clock.set(Timestamp(iso8601: "2026-11-20T09:00:00Z")!)
      let report = try writer.compact()
      #expect(report.after < report.before)
      #expect(follower.isWoken(), "the compaction did not wake the follower")
      #expect(try follower.refresh() == .reloaded)

      // Following the new file now: its neighbours still wake nobody, its appends do.
      _ = try follower.refresh()
      try scribble(folder + "/notes.txt", "after\n")
      #expect(!follower.isWoken(), "a neighbour's write woke the follower after compaction")
      try fixture.lead(writer, "Newer")
      #expect(follower.isWoken(), "an append to the compacted log did not wake the follower")
      #expect(try follower.refresh() == .appended(1))
      #expect(StateSummary(follower.pipeline) == StateSummary(writer.pipeline))
    }

    @Test("a follower of a log that does not exist yet is woken when it appears")
    func aNewLogWakes() throws {
      let fixture = StoreFixture()
      let folder = FilePaths.directory(of: fixture.path)
      try FilePaths.makeDirectories(folder)
      let follower = try fixture.store()
      #expect(follower.pipeline.eventCount == 0)
      #expect(!follower.isWoken())
      let writer = try fixture.team()
      #expect(follower.isWoken(), "the log's creation did not wake the follower")
      #expect(try follower.refresh() == .reloaded)
      #expect(follower.pipeline.members.count == writer.pipeline.members.count)
      // From now on it is the log itself that is watched.
      _ = try follower.refresh()
      try scribble(folder + "/other.txt", "x\n")
      #expect(!follower.isWoken())
    }
  }
#endif
