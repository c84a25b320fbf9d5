import HandoffModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The event log on disk and the state folded from it.
///
/// One `Store` belongs to one thread. Many processes may hold the same log open:
/// writers serialize with an exclusive lock and catch up before they append
/// (`perform`), readers pick up what others appended with `refresh`, prompted by
/// `changeDescriptor`. See docs/FORMAT.md for the file itself.
public final class Store {
  /// The log file.
  public let path: String
  /// Where "now" comes from for every event this store writes.
  public let clock: any Clock
  /// The state: the fold of every event read so far.
  public internal(set) var pipeline: Pipeline

  let localZone: Zone
  /// The file the state was read from, kept open so history reads stay consistent
  /// even after a compaction replaced the file under its name (-1: none yet).
  var readFD: Int32 = -1
  var loadedIdentity: FileIdentity?
  /// Bytes of complete lines folded so far, and how many lines they were.
  var offset: Int64 = 0
  var lineCount = 0
  /// Lead events by position in the log: which lead, and where its line starts.
  var historyLeads: [Int32] = []
  var historyOffsets: [Int64] = []
  /// Per actor, the position (in `historyOffsets`) of their last change to a lead.
  var lastChangeByActor: [String: Int] = [:]
  let watcher: ChangeWatcher
  /// Opening writes a checkpoint (`PATH.checkpoint`) after replaying at least this many
  /// events, so the next start replays only what came after it.
  public var checkpointThreshold = 20_000
  /// Whether opening may read and write the checkpoint at all (off: always replay the
  /// whole log, as the benchmark does to measure it).
  public var usesCheckpoint = true

  /// A store on the log at `path`; nothing is read until `open`.
  public init(path: String, clock: any Clock = SystemClock(), localZone: Zone = .local()) {
    self.path = path
    self.clock = clock
    self.localZone = localZone
    self.pipeline = Pipeline(localZone: localZone)
    self.watcher = ChangeWatcher(path: path)
  }

  deinit {
    if readFD >= 0 { close(readFD) }
  }

  /// The log's path: `flag` if given, else `HANDOFF_STORE`, else
  /// `$XDG_DATA_HOME/handoff/store.jsonl` (default `~/.local/share`).
  public static func defaultPath(flag: String?, environment: [String: String]) -> String {
    if let flag, !flag.isEmpty { return flag }
    if let env = environment["HANDOFF_STORE"], !env.isEmpty { return env }
    let data: String
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      data = xdg
    } else {
      let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
      data = home + "/.local/share"
    }
    return data + "/handoff/store.jsonl"
  }

  /// Reads the whole log (a missing file is an empty store; nothing is created).
  public func open() throws(StoreError) {
    try reload()
    watcher.start()
  }

  /// Whether this process may append to the log (or create it and its folder), by
  /// `access(2)`: a dashboard on a store it cannot write says so up front.
  public var isWritable: Bool {
    if access(path, W_OK) == 0 { return true }
    guard errno == ENOENT else { return false }
    // Not there yet: writable if the nearest existing folder above it is.
    var folder = FileIO.directory(of: path)
    while access(folder, F_OK) != 0 {
      let parent = FileIO.directory(of: folder)
      if parent == folder { return false }
      folder = parent
    }
    return access(folder, W_OK | X_OK) == 0
  }

  /// A descriptor that becomes readable when the log may have changed (Linux: inotify
  /// on its folder), for `poll(2)`; -1 when there is none and callers should call
  /// `refresh` on a short timer instead.
  public var changeDescriptor: Int32 { watcher.descriptor }

  /// Folds in whatever other processes appended since the last read, or reloads the
  /// log when it was replaced. Cheap when nothing changed (one `stat`).
  public func refresh() throws(StoreError) -> StoreChange {
    watcher.drain()
    if watcher.descriptor < 0 || !watcher.started { watcher.start() }
    guard let current = FileIdentity.of(path: path) else {
      return loadedIdentity == nil ? .none : .vanished
    }
    if let loaded = loadedIdentity, loaded.sameFile(as: current), current.size >= offset {
      let before = pipeline.eventCount
      try catchUp()
      let added = pipeline.eventCount - before
      return added > 0 ? .appended(added) : .none
    }
    try reload()
    return .reloaded
  }

  /// Every event of one lead, oldest first.
  public func history(of lead: Int) throws(StoreError) -> [Event] {
    guard readFD >= 0, let id = Int32(exactly: lead) else { return [] }
    var events: [Event] = []
    for index in historyLeads.indices where historyLeads[index] == id {
      events.append(try event(at: index))
    }
    return events
  }

  /// The event whose line starts at `historyOffsets[index]`.
  func event(at index: Int) throws(StoreError) -> Event {
    let start = historyOffsets[index]
    let end = index + 1 < historyOffsets.count ? historyOffsets[index + 1] : offset
    guard var bytes = FileIO.read(readFD, from: start, to: min(end, offset)) else {
      throw .io(path: path, doing: "read", code: FileIO.errorNumber)
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
    if readFD >= 0 { close(readFD) }
    readFD = -1
    loadedIdentity = nil
    pipeline = Pipeline(localZone: localZone)
    offset = 0
    lineCount = 0
    historyLeads.removeAll(keepingCapacity: true)
    historyOffsets.removeAll(keepingCapacity: true)
    lastChangeByActor.removeAll()
    let fd = FileIO.open(path, O_RDONLY)
    if fd < 0 {
      if errno == ENOENT { return }
      throw .io(path: path, doing: "read", code: errno)
    }
    readFD = fd
    loadedIdentity = FileIO.identity(fd: fd)
    if !(usesCheckpoint && restoreCheckpoint()) { pipeline.markIndexesForRebuild() }
    let restored = pipeline.eventCount
    try catchUp()
    if usesCheckpoint, pipeline.eventCount - restored >= checkpointThreshold { saveCheckpoint() }
  }

  /// Folds the complete lines after `offset`. A torn last line is left for later.
  func catchUp() throws(StoreError) {
    guard readFD >= 0 else {
      // The file did not exist when we last looked; it may now.
      if FileIO.identity(path: path) != nil { try reload() }
      return
    }
    var scanner = LineScanner(fd: readFD, from: offset)
    let firstLine = lineCount
    // Whatever was folded stays folded, even when a bad line stops the scan: the next
    // read starts at that line again (and names it by its number), not at the top.
    defer {
      offset = scanner.end
      lineCount = firstLine + scanner.lines
    }
    let ok = try scanner.scan(
      { (line, start, number) throws(StoreError) in
        try fold(line, start: start, number: firstLine + number)
      },
      tooLong: { (_, length, number) throws(StoreError) in
        throw .corrupt(path: path, line: firstLine + number, why: "a line of \(length) bytes")
      })
    guard ok else { throw .io(path: path, doing: "read", code: errno) }
  }

  /// Decodes and applies one line; a line that is not a valid event, or does not fit
  /// the state, stops reading with its line number.
  private func fold(_ line: UnsafeBufferPointer<UInt8>, start: Int64, number: Int)
    throws(StoreError)
  {
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
    let event: Event
    do {
      event = try EventDecoder.event(line)
    } catch {
      throw .corrupt(path: path, line: number, why: error.describe())
    }
    guard event.seq > pipeline.lastSeq else {
      throw .corrupt(
        path: path, line: number,
        why: "sequence \(event.seq) does not follow \(pipeline.lastSeq)")
    }
    if let problem = pipeline.apply(event) {
      throw .corrupt(path: path, line: number, why: problem.description)
    }
    record(event, start: start)
  }

  /// Remembers where a lead event's line is, for history and undo.
  func record(_ event: Event, start: Int64) {
    guard let id = event.leadID else { return }
    historyLeads.append(Int32(truncatingIfNeeded: id))
    historyOffsets.append(start)
    if case .leadOpened = event.body { return }
    lastChangeByActor[event.actor] = historyOffsets.count - 1
  }
}

extension FileIdentity {
  static func of(path: String) -> FileIdentity? { FileIO.identity(path: path) }
}

extension LineError {
  /// The problem, with its column when known.
  func describe() -> String { column > 0 ? "\(message) at column \(column)" : message }
}
