import HandoffModel
import HandoffSystem
import HandoffText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension FileStore {
  /// How long a writer waits for another process's lock before giving up.
  static let lockPatience: Int64 = 10_000

  @discardableResult
  package func perform(
    _ command: Command, by actor: String, ifVersion: Int?, overriding overrides: Overrides
  ) throws(StoreError) -> Event {
    try write(asBatch: false) { () throws(StoreError) in
      try CommandPlanning.plan(
        command, by: actor, pipeline: pipeline, at: clock.now(), ifVersion: ifVersion,
        overriding: overrides)
    }.last!
  }

  package func undo(by actor: String, lead: Int?) throws(StoreError) -> Event {
    try write(asBatch: false) { () throws(StoreError) in
      let undone = try nextUndo(by: actor, lead: lead)
      return try UndoPlanning.plan(
        undoing: undone, by: actor, pipeline: pipeline, at: clock.now()
      ) { (id) throws(StoreError) in try history(of: id) }
    }.last!
  }

  package func batch(_ plan: (Pipeline) throws(StoreError) -> [PlannedEvent]) throws(StoreError)
    -> BatchResult
  {
    // Read in place: a million-lead demo is millions of events, too many to copy.
    let result = try write(asBatch: true) { () throws(StoreError) in try plan(pipeline) }
    // A batch as large as an import: the next process to open the store would replay
    // it all (and write this checkpoint then); a checkpoint now saves it that. Written
    // once the batch's events are let go, and outside the lock: it names the log file
    // and the bytes it covers, so it stays true whatever is appended or replaced later.
    if usesCheckpoint, result.count >= checkpointThreshold { saveCheckpoint() }
    return result
  }

  /// The change `actor`'s next undo takes back (to `lead`, if given): walking back
  /// from their last change, past reverts and what they reverted (see `UndoWalk`).
  /// Events of other actors are read on the way when no lead is given; a walk is as
  /// long as the run of undos it steps over.
  private func nextUndo(by actor: String, lead: Int?) throws(StoreError) -> Event {
    var walk = UndoWalk()
    let id = lead.map { Int32(truncatingIfNeeded: $0) }
    var index = lead == nil ? (lastChangeByActor[actor] ?? -1) : historyLeads.count - 1
    while index >= 0 {
      if id == nil || historyLeads[index] == id {
        let event = try event(at: index)
        if event.actor == actor, walk.isNext(event) { return event }
      }
      index -= 1
    }
    throw .model(walk.nothingLeft(lead: lead))
  }

  /// The writer's protocol: lock, settle what a dead writer left, catch up, plan
  /// (against the caught-up state), fold the new events in, append all their lines,
  /// fsync. A batch of more than one event is marked beside the log while it is
  /// written (`BatchIntent`), so nobody sees part of it. When anything fails the state
  /// is read again from the file, so state and log never disagree.
  private func write(asBatch: Bool, _ plan: () throws(StoreError) -> [PlannedEvent])
    throws(StoreError) -> BatchResult
  {
    let fd = try lockedFile()
    defer {
      fd.unlock()
      fd.close()
    }
    try settleUnfinishedBatch(fd)
    try catchUp()
    try repairTornTail(fd)
    let planned = try plan()
    guard !planned.isEmpty else { return BatchResult(count: 0, last: nil) }
    let first = offset
    let marked = asBatch && planned.count > 1
    if marked, let identity = loadedIdentity {
      do {
        try BatchIntent(device: identity.device, inode: identity.inode, start: first)
          .write(beside: path)
      } catch {
        throw .system(error)
      }
    }
    var last: Event?
    var count = 0
    // The lines, encoded into one buffer that goes out every megabyte.
    var buffer = JSONWriter(capacity: 1 << 20 + 1 << 16)
    var written: Int64 = 0
    var seq = pipeline.lastSeq
    // A bulk append rebuilds the lists once afterwards instead of upkeeping them per event.
    if planned.count > 10_000 {
      fold.markIndexesForRebuild()
      // ... and makes room for its new leads once, not by doubling (an import: 100,000).
      fold.reserve(
        newLeads: planned.reduce(0) {
          if case .leadCreated(let created) = $1.body, !created.snapshot { $0 + 1 } else { $0 }
        })
    }
    /// Undoes a half-done append: cut the file back and read the state again.
    func abandon(_ error: StoreError) throws(StoreError) -> Never {
      try? fd.truncate(to: first)
      if marked { try? BatchIntent.remove(beside: path) }
      try reload()
      throw error
    }
    func flush() throws(StoreError) {
      do {
        try fd.writeAll(buffer.bytes)
      } catch {
        try abandon(.system(SystemError("write to", path: path, error)))
      }
      written += Int64(buffer.bytes.count)
      buffer.removeAll()
    }
    for item in planned {
      if let kept = item.seq {
        guard kept > seq else {
          try abandon(
            .refused(
              "event \(count + 1) of \(planned.count): sequence \(kept) does not follow \(seq)"))
        }
        seq = kept
      } else {
        seq += 1
      }
      let event = Event(seq: seq, at: item.at, actor: item.actor, body: item.body)
      if let problem = fold.apply(event) {
        try abandon(.refused("event \(count + 1) of \(planned.count) does not fit: \(problem)"))
      }
      // Recorded now; if the append fails, `abandon` reloads and forgets it again.
      record(event, start: first + written + Int64(buffer.bytes.count))
      EventEncoder.write(event, into: &buffer)
      last = event
      count += 1
      // Large appends (an import, a demo team) go out in pieces of a megabyte, still
      // under the one lock: the buffer stays small, however large the batch.
      if buffer.bytes.count >= 1 << 20 { try flush() }
    }
    try flush()
    buffer = JSONWriter(capacity: 0)
    do {
      try fd.sync()
    } catch {
      try abandon(.system(SystemError("flush to disk", path: path, error)))
    }
    if marked {
      do {
        try BatchIntent.remove(beside: path)
      } catch {
        try abandon(.system(error))
      }
      // Followers stopped where the batch began; a touch of the log wakes them.
      _ = futimens(fd.rawValue, nil)
    }
    offset = first + written
    lineCount += count
    return BatchResult(count: count, last: last)
  }

  /// Opens the log for appending (creating it and its folder) and takes the write lock.
  /// If the file was replaced while we waited (compaction), starts over on the new one.
  private func lockedFile() throws(StoreError) -> FileDescriptor {
    try makeFolder()
    let deadline = Int64(MonotonicClock.now() / 1_000_000) + FileStore.lockPatience
    var waitedSteps = 0
    while true {
      let fd = try openForWriting()
      while true {
        let taken: Bool
        do {
          taken = try fd.tryLockExclusively()
        } catch {
          fd.close()
          throw .system(SystemError("lock", path: path, error))
        }
        if taken { break }
        // Another writer holds it for the length of one append: wait a little. Real
        // time on purpose: the lock is held by another process, not by our clock.
        waitedSteps += 1
        if waitedSteps > Int(FileStore.lockPatience)
          && Int64(MonotonicClock.now() / 1_000_000) > deadline
        {
          fd.close()
          throw .locked(path: path, seconds: Int(FileStore.lockPatience / 1000))
        }
        usleep(waitedSteps < 100 ? 200 : 1000)
      }
      guard let locked = try? fd.status(), let named = FileStatus.of(path: path),
        locked.sameFile(as: named)
      else {
        fd.unlock()
        fd.close()
        continue
      }
      if loadedIdentity.map({ !$0.sameFile(as: locked) }) ?? true {
        do { try reload() } catch {
          fd.unlock()
          fd.close()
          throw error
        }
      }
      return fd
    }
  }

  /// Creates the log's folder and an empty log when there is none.
  package func create() throws(StoreError) -> Bool {
    guard FileStatus.of(path: path) == nil else { return false }
    try makeFolder()
    let fd = try openForWriting()
    fd.close()
    FilePaths.syncDirectory(of: path)
    return true
  }

  /// Creates the log's folder (and its parents) if it is not there yet.
  func makeFolder() throws(StoreError) {
    let folder = FilePaths.directory(of: path)
    do {
      try FilePaths.makeDirectories(folder)
    } catch {
      throw .system(SystemError("create the folder", path: folder, error))
    }
  }

  /// The log opened for appending, created if missing.
  func openForWriting() throws(StoreError) -> FileDescriptor {
    do {
      return try FileDescriptor.open(path, O_RDWR | O_CREAT | O_APPEND)
    } catch {
      throw .system(SystemError("open for writing", path: path, error))
    }
  }

  /// Under the lock, a batch mark left beside the log means its writer died before the
  /// batch was whole: its lines are moved to a side file (never deleted) and cut off,
  /// and the mark removed. A mark for another file (the log was replaced) is removed.
  func settleUnfinishedBatch(_ fd: FileDescriptor) throws(StoreError) {
    guard FileStatus.of(path: BatchIntent.path(beside: path)) != nil else { return }
    // A mark that cannot be read was never finished, so no line of its batch was written.
    if let intent = BatchIntent.read(beside: path), let identity = try? fd.status(),
      intent.device == identity.device, intent.inode == identity.inode,
      identity.size > intent.start
    {
      try moveAside(fd, from: intent.start, to: identity.size)
    }
    do {
      try BatchIntent.remove(beside: path)
    } catch {
      throw .system(error)
    }
  }

  /// Under the lock, bytes after the last complete line can only be a write that
  /// never finished (its writer died). They are moved to a side file, never deleted.
  private func repairTornTail(_ fd: FileDescriptor) throws(StoreError) {
    guard let size = try? fd.status().size, size > offset else { return }
    try moveAside(fd, from: offset, to: size)
  }

  /// Copies the log's bytes in `[start, end)` to `PATH.torn-STAMP` (flushed), then
  /// cuts the log back to `start`.
  private func moveAside(_ fd: FileDescriptor, from start: Int64, to end: Int64)
    throws(StoreError)
  {
    let torn: [UInt8]
    do {
      torn = try fd.read(from: start, to: end)
    } catch {
      throw .system(SystemError("read", path: path, error))
    }
    let side = path + ".torn-" + FileStore.stamp(WallClock.milliseconds())
    do {
      let sideFD = try FileDescriptor.open(side, O_WRONLY | O_CREAT | O_APPEND, mode: 0o600)
      defer { sideFD.close() }
      try sideFD.writeAll(torn)
      try sideFD.sync()
    } catch {
      throw .system(SystemError("write to", path: side, error))
    }
    do {
      try fd.truncate(to: start)
    } catch {
      throw .system(SystemError("repair", path: path, error))
    }
  }

  /// A moment for file names, e.g. `20261123-121500` (UTC): the digits of the log's
  /// own ISO 8601 time (`2026-11-23T12:15:00.000Z`), so one calendar writes both.
  static func stamp(_ moment: Int64) -> String {
    let digits = Timestamp(milliseconds: moment).iso8601.filter(\.isASCII).filter(\.isNumber)
    return digits.prefix(8) + "-" + digits.dropFirst(8).prefix(6)
  }
}
