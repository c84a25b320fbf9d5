import HandoffModel
import HandoffSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The event log as one JSON-lines file (docs/FORMAT.md): the first `EventStore`.
///
/// Many processes may hold the same log open: writers serialize with an exclusive
/// `flock` and catch up before they append; readers pick up what others appended with
/// `refresh`, woken by an inotify watch on the log itself. A checkpoint beside the log
/// (`PATH.checkpoint`) spares a large log its replay at every start.
package final class FileStore: EventStore {
  /// The log file.
  package let path: String
  package let clock: any Clock
  /// Where the state's zones come from.
  let zones: any ZoneDatabase
  /// The fold of the log: this store is the only writer of its state.
  var fold: PipelineFold
  package var pipeline: Pipeline { fold.pipeline }

  /// The file the state was read from, kept open so history reads stay consistent
  /// even after a compaction replaced the file under its name.
  var readFD: FileDescriptor?
  var loadedIdentity: FileStatus?
  /// Bytes of complete lines folded so far, and how many lines they were.
  var offset: Int64 = 0
  var lineCount = 0
  /// Lead events by position in the log: which lead, and where its line starts.
  var historyLeads: [Int32] = []
  var historyOffsets: [Int64] = []
  /// Per actor, the position (in `historyOffsets`) of their last change to a lead.
  var lastChangeByActor: [String: Int] = [:]
  let watcher: LogWatcher
  /// Opening writes a checkpoint after replaying at least this many events, so the
  /// next start replays only what came after it.
  package var checkpointThreshold = 20_000
  /// The fewest events replayed that make opening write the checkpoint of a small state.
  package var checkpointTailFloor = 2_000

  /// How long a tail opening replays before it writes the checkpoint: the threshold for
  /// a large state, less for a small one. Writing a state's checkpoint costs about what
  /// replaying a fifth as many events as it has leads does, so the tail is kept to that:
  /// on a store of 10,000 leads a CLI command replays at most 2,000 events, not 20,000.
  var checkpointTail: Int {
    min(checkpointThreshold, max(checkpointTailFloor, pipeline.leadCount / 5))
  }
  package var usesCheckpoint = true

  /// A store on the log at `path`, stamping events with `clock` and counting days in
  /// `zones`; nothing is read until `open`.
  package init(path: String, clock: any Clock, zones: any ZoneDatabase) {
    self.path = path
    self.clock = clock
    self.zones = zones
    self.fold = PipelineFold(zones: zones)
    self.watcher = LogWatcher(path: path)
  }

  deinit {
    readFD?.close()
  }

  package var name: String { path }

  /// The log's device and inode: a replaced log (compaction, repair) is another store.
  package var identity: String? {
    loadedIdentity.map { "file:\($0.device):\($0.inode)" }
  }

  package func open() throws(StoreError) {
    watcher.follow()
    try reload()
  }

  /// Whether this process may append to the log (or create it and its folder).
  package var isWritable: Bool { FilePaths.isWritable(path) }

  package var changeDescriptor: FileDescriptor? { watcher.descriptor }

  /// Without a watch (no inotify here, or no folder yet) followers look every 25 ms.
  package var refreshInterval: Duration? {
    watcher.isWatching ? nil : Duration(milliseconds: 25)
  }

  package func refresh() throws(StoreError) -> StoreChange {
    // Watch first, then read: a change after this point wakes the follower again.
    watcher.drain()
    watcher.follow()
    guard let current = FileStatus.of(path: path) else {
      return loadedIdentity == nil ? .none : .vanished
    }
    if let loaded = loadedIdentity, loaded.sameFile(as: current), current.size >= offset {
      guard current.size > offset else { return .none }
      let before = pipeline.eventCount
      try catchUp()
      let added = pipeline.eventCount - before
      return added > 0 ? .appended(added) : .none
    }
    try reload()
    return .reloaded
  }

  package func history(of lead: Int) throws(StoreError) -> [Event] {
    guard readFD != nil, let id = Int32(exactly: lead) else { return [] }
    var events: [Event] = []
    for index in historyLeads.indices where historyLeads[index] == id {
      events.append(try event(at: index))
    }
    return events
  }

  /// The event whose line starts at `historyOffsets[index]`.
  func event(at index: Int) throws(StoreError) -> Event {
    guard let readFD else { throw .refused("\(path) is not open") }
    let start = historyOffsets[index]
    let end = index + 1 < historyOffsets.count ? historyOffsets[index + 1] : offset
    var bytes: [UInt8]
    do {
      bytes = try readFD.read(from: start, to: min(end, offset))
    } catch {
      throw .system(SystemError("read", path: path, error))
    }
    if let newline = bytes.firstIndex(of: 0x0A) { bytes.removeSubrange(newline...) }
    do {
      return try bytes.withUnsafeBufferPointer { (line) throws(LineError) in
        try EventDecoder.event(line)
      }
    } catch {
      throw .corrupt(path: path, line: 0, why: error.message)
    }
  }

  // MARK: Reading

  /// Starts again from an empty state and reads the whole file.
  func reload() throws(StoreError) {
    readFD?.close()
    readFD = nil
    loadedIdentity = nil
    fold = PipelineFold(zones: zones)
    offset = 0
    lineCount = 0
    historyLeads.removeAll(keepingCapacity: true)
    historyOffsets.removeAll(keepingCapacity: true)
    lastChangeByActor.removeAll()
    let fd: FileDescriptor
    do {
      fd = try FileDescriptor.open(path, O_RDONLY)
    } catch .noSuchFile {
      return
    } catch {
      throw .system(SystemError("read", path: path, error))
    }
    readFD = fd
    loadedIdentity = try? fd.status()
    if !(usesCheckpoint && restoreCheckpoint()) { fold.markIndexesForRebuild() }
    let restored = pipeline.eventCount
    try catchUp()
    if usesCheckpoint, pipeline.eventCount - restored >= checkpointTail { saveCheckpoint() }
  }

  /// Folds the complete lines after `offset`, up to where an unfinished batch starts.
  /// A torn last line is left for later.
  func catchUp() throws(StoreError) {
    guard let readFD, let identity = loadedIdentity else {
      // The file did not exist when we last looked; it may now.
      if FileStatus.of(path: path) != nil { try reload() }
      return
    }
    let limit = BatchIntent.read(beside: path, for: identity)?.start ?? Int64.max
    guard limit > offset else { return }
    var scanner = LineScanner(fd: readFD, from: offset, to: limit)
    let firstLine = lineCount
    // Whatever was folded stays folded, even when a bad line stops the scan: the next
    // read starts at that line again (and names it by its number), not at the top.
    defer {
      offset = scanner.end
      lineCount = firstLine + scanner.lines
    }
    do throws(LineScanner.Failure<StoreError>) {
      try scanner.scan(
        { (line, start, number) throws(StoreError) in
          try fold(line, start: start, number: firstLine + number)
        },
        tooLong: { (_, length, number) throws(StoreError) in
          throw .corrupt(path: path, line: firstLine + number, why: "a line of \(length) bytes")
        })
    } catch {
      switch error {
      case .read(let error): throw .system(SystemError("read", path: path, error))
      case .line(let error): throw error
      }
    }
  }

  /// Decodes and applies one line; a line that is not a valid event, or does not fit
  /// the state, stops reading with its line number.
  private func fold(_ line: UnsafeBufferPointer<UInt8>, start: Int64, number: Int)
    throws(StoreError)
  {
    if LineScanner.isBlank(line) { return }
    let event = try self.event(inLine: line, number: number)
    guard event.seq > pipeline.lastSeq else {
      throw .corrupt(
        path: path, line: number,
        why: "sequence \(event.seq) does not follow \(pipeline.lastSeq)")
    }
    if let problem = fold.apply(event) {
      throw .corrupt(path: path, line: number, why: problem.description)
    }
    record(event, start: start)
  }

  /// The event a line of the log holds; a line that is not one is the log's damage,
  /// told with its number.
  func event(inLine line: UnsafeBufferPointer<UInt8>, number: Int) throws(StoreError) -> Event {
    do throws(LineError) {
      return try EventDecoder.event(line)
    } catch {
      throw .corrupt(path: path, line: number, why: error.describe())
    }
  }

  /// Remembers where a lead event's line is, for history and undo.
  func record(_ event: Event, start: Int64) {
    guard let id = event.leadID else { return }
    historyLeads.append(Int32(truncatingIfNeeded: id))
    historyOffsets.append(start)
    if case .leadOpened = event.body { return }
    lastChangeByActor[event.actor] = historyOffsets.count - 1
  }

  /// Every event in the log, in order, read from the start of the file the state came
  /// from (nothing when there is no log yet).
  package func forEachEvent(_ body: (Event) throws(StoreError) -> Void) throws(StoreError) {
    guard let readFD, let identity = loadedIdentity else { return }
    let limit = BatchIntent.read(beside: path, for: identity)?.start ?? Int64.max
    var scanner = LineScanner(fd: readFD, from: 0, to: limit)
    do throws(LineScanner.Failure<StoreError>) {
      try scanner.scan(
        { (line, _, number) throws(StoreError) in
          if LineScanner.isBlank(line) { return }
          try body(try event(inLine: line, number: number))
        },
        tooLong: { (_, length, number) throws(StoreError) in
          throw .corrupt(path: path, line: number, why: "a line of \(length) bytes")
        })
    } catch {
      switch error {
      case .read(let error): throw .system(SystemError("read", path: path, error))
      case .line(let error): throw error
      }
    }
  }
}

extension LineError {
  /// The problem, with its column when known.
  func describe() -> String { column > 0 ? "\(message) at column \(column)" : message }
}
