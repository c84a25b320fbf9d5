import HandoffModel
import HandoffSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension FileStore {
  /// Reads the whole log and reports every problem (not only the first): lines that
  /// are not valid events, events that do not fit the ones before them, sequence
  /// numbers out of order, an unfinished last line. Changes nothing. A batch still
  /// being written (or left unfinished by a writer that died) is not part of the log
  /// and is not read.
  package func check() -> CheckReport {
    let (report, _, _) = examine()
    return report
  }

  /// Moves every bad line (and a torn tail) to a side file beside the log, keeping the
  /// good ones in order; nothing is deleted. The log is replaced atomically under the
  /// write lock. Returns what was found.
  package func repair() throws(StoreError) -> CheckReport {
    try exclusively { (fd) throws(StoreError) in
      try settleUnfinishedBatch(fd)
      var (report, good, bad) = examine()
      guard !bad.isEmpty else { return report }
      let side = path + ".bad-" + FileStore.stamp(WallClock.milliseconds())
      try FileStore.writeNew(side, bad)
      try replaceLog(with: good)
      report.sideFile = side
      return report
    }
  }

  /// Reads the log line by line into good and bad bytes.
  private func examine() -> (CheckReport, good: [UInt8], bad: [UInt8]) {
    var report = CheckReport(problems: [], events: 0)
    var good: [UInt8] = []
    var bad: [UInt8] = []
    let fd: FileDescriptor
    do {
      fd = try FileDescriptor.open(path, O_RDONLY)
    } catch .noSuchFile {
      return (report, good, bad)
    } catch {
      report.problems.append("\(path): cannot read (\(error))")
      return (report, good, bad)
    }
    defer { fd.close() }
    let limit = (try? fd.status()).flatMap { BatchIntent.read(beside: path, for: $0) }?.start
    let scratch = PipelineFold(zones: zones)
    scratch.markIndexesForRebuild()
    var scanner = LineScanner(fd: fd, from: 0, to: limit ?? Int64.max)
    do throws(LineScanner.Failure<Never>) {
      try scanner.scan(
        { (line, _, number) in
          var problem: String?
          if LineScanner.isBlank(line) {
            good.append(contentsOf: line)
            good.append(0x0A)
            return
          }
          do throws(LineError) {
            let event = try EventDecoder.event(line)
            if event.seq <= scratch.pipeline.lastSeq {
              problem = "sequence \(event.seq) does not follow \(scratch.pipeline.lastSeq)"
            } else if let misfit = scratch.apply(event) {
              problem = misfit.description
            }
          } catch {
            problem = "not a valid event (\(error.describe()))"
          }
          if let problem {
            report.problems.append("\(path):\(number): \(problem)")
            bad.append(contentsOf: line)
            bad.append(0x0A)
          } else {
            report.events += 1
            good.append(contentsOf: line)
            good.append(0x0A)
          }
        },
        tooLong: { (start, length, number) in
          report.problems.append(
            "\(path):\(number): a line of \(length) bytes (longer than any event)")
          if let long = try? fd.read(from: start, to: start + length) {
            bad.append(contentsOf: long)
            bad.append(0x0A)
          }
        })
    } catch {
      if case .read(let error) = error { report.problems.append("\(path): cannot read (\(error))") }
    }
    if scanner.tornBytes > 0,
      let tail = try? fd.read(from: scanner.end, to: scanner.end + Int64(scanner.tornBytes))
    {
      report.problems.append(
        "\(path):\(scanner.lines + 1): an unfinished last line (a writer stopped mid-write)")
      bad.append(contentsOf: tail)
      bad.append(0x0A)
    }
    return (report, good, bad)
  }

  /// Runs `body` holding the write lock on the current log file (opened for it).
  func exclusively<T>(_ body: (FileDescriptor) throws(StoreError) -> T) throws(StoreError) -> T {
    try makeFolder()
    while true {
      let fd = try openForWriting()
      do {
        try fd.lockExclusively()
      } catch {
        fd.close()
        throw .system(SystemError("lock", path: path, error))
      }
      defer {
        fd.unlock()
        fd.close()
      }
      guard let locked = try? fd.status(), let named = FileStatus.of(path: path),
        locked.sameFile(as: named)
      else { continue }
      return try body(fd)
    }
  }

  /// Replaces the log with `bytes` atomically: a temporary file beside it, fsync,
  /// rename, fsync of the folder. Readers holding the old file keep reading it until
  /// they notice the new one and reload. Then this store reloads.
  func replaceLog(with bytes: [UInt8], backup: String? = nil) throws(StoreError) {
    let temporary = path + ".tmp-\(getpid())"
    try FileStore.writeNew(temporary, bytes)
    if let original = FileStatus.of(path: path) {
      try? FilePaths.setPermissions(temporary, original.mode & 0o7777)
    }
    if let backup {
      do {
        try FilePaths.link(path, as: backup)
      } catch {
        try? FilePaths.remove(temporary)
        throw .system(SystemError("create the backup", path: backup, error))
      }
    }
    do {
      try FilePaths.rename(temporary, to: path)
    } catch {
      try? FilePaths.remove(temporary)
      throw .system(SystemError("replace", path: path, error))
    }
    FilePaths.syncDirectory(of: path)
    // The states time travel saved were of the old file: of no use to the new one, and
    // as large as a few checkpoints.
    travelShelf?.clear()
    try reload()
  }

  /// Creates a new file holding `bytes`, flushed to disk.
  static func writeNew(_ file: String, _ bytes: [UInt8]) throws(StoreError) {
    let fd: FileDescriptor
    do {
      fd = try FileDescriptor.open(file, O_WRONLY | O_CREAT | O_EXCL, mode: 0o666)
    } catch {
      throw .system(SystemError("create", path: file, error))
    }
    defer { fd.close() }
    do {
      try fd.writeAll(bytes)
      try fd.sync()
    } catch {
      try? FilePaths.remove(file)
      throw .system(SystemError("write to", path: file, error))
    }
  }
}
