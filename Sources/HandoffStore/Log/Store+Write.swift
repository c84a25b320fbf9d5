import HandoffModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// How long a writer waits for another process's lock before giving up.
  static let lockPatience: Int64 = 10_000

  /// Plans `command` against the current state (after catching up on other writers),
  /// appends its event durably and folds it in. Refused with the model's reason when
  /// the action is not allowed, or when the lead is no longer at `ifVersion`.
  @discardableResult
  public func perform(_ command: Command, by actor: String, ifVersion: Int? = nil)
    throws(StoreError) -> Event
  {
    try write { () throws(StoreError) in
      let now = clock.now()
      do throws(ModelError) {
        let body = try pipeline.plan(command, by: actor, at: now, ifVersion: ifVersion)
        return [PlannedEvent(at: now, actor: actor, body: body)]
      } catch {
        throw .model(error)
      }
    }.last!
  }

  /// Undoes `actor`'s last change (to `lead`, when given) with a compensating event.
  /// Refused when the lead has changed since.
  @discardableResult
  public func undo(by actor: String, lead: Int? = nil) throws(StoreError) -> Event {
    try write { () throws(StoreError) in
      guard let index = lastChange(by: actor, lead: lead) else {
        throw .model(
          .nothingToUndo(
            lead.map { "\(actor) has not changed \($0)" } ?? "\(actor) has changed no lead"))
      }
      let undone = try event(at: index)
      guard let id = undone.leadID else { throw .model(.nothingToUndo("that change has no lead")) }
      let earlier = try history(of: id).filter { $0.seq < undone.seq }
      let now = clock.now()
      do throws(ModelError) {
        let body = try pipeline.plan(
          undoOf: undone, leadBefore: LeadFold.replay(earlier), by: actor, at: now)
        return [PlannedEvent(at: now, actor: actor, body: body)]
      } catch {
        throw .model(error)
      }
    }.last!
  }

  /// Appends events planned elsewhere (the demo team), numbered after the log's last,
  /// under one lock and one `fsync`. Each must fit the state it lands on.
  @discardableResult
  public func append(_ items: [(at: Timestamp, actor: String, body: EventBody)]) throws(StoreError)
    -> Int
  {
    try write { () throws(StoreError) in
      items.lazy.map { PlannedEvent(at: $0.at, actor: $0.actor, body: $0.body) }
    }.count
  }

  /// Appends a generated demo history (see `DemoTeam`).
  @discardableResult
  public func append(_ events: [DemoEvent]) throws(StoreError) -> Int {
    // Read in place: a million-lead demo is millions of events, too many to copy.
    try write { () throws(StoreError) in
      events.lazy.map { PlannedEvent(at: $0.at, actor: $0.actor, body: $0.body) }
    }.count
  }

  /// The position of `actor`'s last change (to `lead`) in the history index.
  private func lastChange(by actor: String, lead: Int?) -> Int? {
    guard let lead else { return lastChangeByActor[actor] }
    let id = Int32(truncatingIfNeeded: lead)
    var index = historyLeads.count - 1
    while index >= 0 {
      if historyLeads[index] == id, let event = try? event(at: index), event.actor == actor {
        if case .leadOpened = event.body {} else { return index }
      }
      index -= 1
    }
    return nil
  }

  /// The writer's protocol: lock, catch up, plan (against the caught-up state), fold
  /// the new events in, append all their lines in one write, fsync. When anything
  /// fails the state is read again from the file, so state and log never disagree.
  private func write<Planned: Collection<PlannedEvent>>(
    _ plan: () throws(StoreError) -> Planned
  ) throws(StoreError) -> WriteResult {
    let fd = try lockedFile()
    defer {
      _ = flock(fd, LOCK_UN)
      close(fd)
    }
    try catchUp()
    try repairTornTail(fd)
    let planned = try plan()
    guard !planned.isEmpty else { return WriteResult(count: 0, last: nil) }
    var last: Event?
    var count = 0
    var bytes: [UInt8] = []
    let first = offset
    var written: Int64 = 0
    var seq = pipeline.lastSeq
    // A bulk append rebuilds the lists once afterwards instead of upkeeping them per event.
    if planned.count > 10_000 { pipeline.markIndexesForRebuild() }
    /// Undoes a half-done append: cut the file back and read the state again.
    func abandon(_ error: StoreError) throws(StoreError) -> Never {
      _ = ftruncate(fd, off_t(first))
      try reload()
      throw error
    }
    func flush() throws(StoreError) {
      guard FileIO.writeAll(fd, bytes) else {
        try abandon(.io(path: path, doing: "write to", code: errno))
      }
      written += Int64(bytes.count)
      bytes.removeAll(keepingCapacity: true)
    }
    for item in planned {
      seq += 1
      let event = Event(seq: seq, at: item.at, actor: item.actor, body: item.body)
      if let problem = pipeline.apply(event) {
        try abandon(.refused("event \(count + 1) of \(planned.count) does not fit: \(problem)"))
      }
      // Recorded now; if the append fails, `abandon` reloads and forgets it again.
      record(event, start: first + written + Int64(bytes.count))
      bytes.append(contentsOf: EventEncoder.line(event))
      last = event
      count += 1
      // Large appends (a demo team) go out in pieces, still under the one lock.
      if bytes.count >= 1 << 23 { try flush() }
    }
    try flush()
    guard fsync(fd) == 0 else { try abandon(.io(path: path, doing: "flush to disk", code: errno)) }
    offset = first + written
    lineCount += count
    return WriteResult(count: count, last: last)
  }

  /// Opens the log for appending (creating it and its folder) and takes the write lock.
  /// If the file was replaced while we waited (compaction), starts over on the new one.
  private func lockedFile() throws(StoreError) -> Int32 {
    let folder = FileIO.directory(of: path)
    guard FileIO.makeDirectories(folder) else {
      throw .io(path: folder, doing: "create the folder", code: errno)
    }
    let deadline = clock.now().milliseconds + Store.lockPatience
    var waitedSteps = 0
    while true {
      let fd = FileIO.open(path, O_RDWR | O_CREAT | O_APPEND)
      guard fd >= 0 else { throw .io(path: path, doing: "open for writing", code: errno) }
      while flock(fd, LOCK_EX | LOCK_NB) != 0 {
        let code = errno
        guard code == EWOULDBLOCK || code == EINTR else {
          close(fd)
          throw .io(path: path, doing: "lock", code: code)
        }
        // Another writer holds it for the length of one append: wait a little. Real
        // time on purpose: the lock is held by another process, not by our clock.
        waitedSteps += 1
        if waitedSteps > Int(Store.lockPatience) && SystemClock().now().milliseconds > deadline {
          close(fd)
          throw .locked(path: path, seconds: Int(Store.lockPatience / 1000))
        }
        usleep(waitedSteps < 100 ? 200 : 1000)
      }
      guard let locked = FileIO.identity(fd: fd), let named = FileIO.identity(path: path),
        locked.sameFile(as: named)
      else {
        _ = flock(fd, LOCK_UN)
        close(fd)
        continue
      }
      if loadedIdentity.map({ !$0.sameFile(as: locked) }) ?? true {
        do { try reload() } catch {
          _ = flock(fd, LOCK_UN)
          close(fd)
          throw error
        }
      }
      return fd
    }
  }

  /// Under the lock, bytes after the last complete line can only be a write that
  /// never finished (its writer died). They are moved to a side file, never deleted.
  private func repairTornTail(_ fd: Int32) throws(StoreError) {
    guard let size = FileIO.identity(fd: fd)?.size, size > offset else { return }
    guard let torn = FileIO.read(fd, from: offset, to: size) else {
      throw .io(path: path, doing: "read", code: errno)
    }
    let side = path + ".torn-" + FileIO.stamp(SystemClock().now().milliseconds)
    let sideFD = FileIO.open(side, O_WRONLY | O_CREAT | O_APPEND, mode: 0o600)
    guard sideFD >= 0 else { throw .io(path: side, doing: "create", code: errno) }
    defer { close(sideFD) }
    guard FileIO.writeAll(sideFD, torn), fsync(sideFD) == 0 else {
      throw .io(path: side, doing: "write to", code: errno)
    }
    guard ftruncate(fd, off_t(offset)) == 0 else {
      throw .io(path: path, doing: "repair", code: errno)
    }
  }
}

/// An event planned before it is written: its sequence number comes at the append.
struct PlannedEvent {
  var at: Timestamp
  var actor: String
  var body: EventBody
}

/// What an append wrote.
struct WriteResult {
  var count: Int
  /// The last event written (nil when none was).
  var last: Event?
}
