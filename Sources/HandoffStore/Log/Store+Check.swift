import HandoffModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `Store.check` found.
public struct CheckReport: Sendable {
  /// Each problem, as `FILE:LINE: what`.
  public var problems: [String]
  /// How many lines hold valid events that fit.
  public var events: Int
  /// Where bad lines were moved (after a repair), if any were.
  public var sideFile: String?
}

extension Store {
  /// Reads the whole log and reports every problem (not only the first): lines that
  /// are not valid events, events that do not fit the ones before them, sequence
  /// numbers out of order, an unfinished last line. Changes nothing.
  public func check() -> CheckReport {
    let (report, _, _) = examine()
    return report
  }

  /// Moves every bad line (and a torn tail) to a side file beside the log, keeping the
  /// good ones in order; nothing is deleted. The log is replaced atomically under the
  /// write lock. Returns what was found.
  public func repair() throws(StoreError) -> CheckReport {
    try exclusively { () throws(StoreError) in
      var (report, good, bad) = examine()
      guard !bad.isEmpty else { return report }
      let side = path + ".bad-" + FileIO.stamp(SystemClock().now().milliseconds)
      try FileIO.writeNew(side, bad, path: side)
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
    let fd = FileIO.open(path, O_RDONLY)
    guard fd >= 0 else {
      if errno != ENOENT {
        report.problems.append("\(path): cannot read (\(FileIO.message(errno)))")
      }
      return (report, good, bad)
    }
    defer { close(fd) }
    let scratch = Pipeline(localZone: localZone)
    scratch.markIndexesForRebuild()
    var scanner = LineScanner(fd: fd, from: 0)
    let ok = scanner.scan(
      { (line, _, number) in
        var problem: String?
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
          good.append(contentsOf: line)
          good.append(0x0A)
          return
        }
        do throws(LineError) {
          let event = try EventDecoder.event(line)
          if event.seq <= scratch.lastSeq {
            problem = "sequence \(event.seq) does not follow \(scratch.lastSeq)"
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
        if let long = FileIO.read(fd, from: start, to: start + length) {
          bad.append(contentsOf: long)
          bad.append(0x0A)
        }
      })
    if !ok { report.problems.append("\(path): cannot read (\(FileIO.message(errno)))") }
    if scanner.tornBytes > 0,
      let tail = FileIO.read(fd, from: scanner.end, to: scanner.end + Int64(scanner.tornBytes))
    {
      report.problems.append(
        "\(path):\(scanner.lines + 1): an unfinished last line (a writer stopped mid-write)")
      bad.append(contentsOf: tail)
      bad.append(0x0A)
    }
    return (report, good, bad)
  }

  /// Runs `body` holding the write lock on the current log file.
  func exclusively<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    let folder = FileIO.directory(of: path)
    guard FileIO.makeDirectories(folder) else {
      throw .io(path: folder, doing: "create the folder", code: errno)
    }
    while true {
      let fd = FileIO.open(path, O_RDWR | O_CREAT | O_APPEND)
      guard fd >= 0 else { throw .io(path: path, doing: "open for writing", code: errno) }
      guard flock(fd, LOCK_EX) == 0 else {
        let code = errno
        close(fd)
        if code == EINTR { continue }
        throw .io(path: path, doing: "lock", code: code)
      }
      defer {
        _ = flock(fd, LOCK_UN)
        close(fd)
      }
      guard let locked = FileIO.identity(fd: fd), let named = FileIO.identity(path: path),
        locked.sameFile(as: named)
      else { continue }
      return try body()
    }
  }

  /// Replaces the log with `bytes` atomically: a temporary file beside it, fsync,
  /// rename, fsync of the folder. Readers holding the old file keep reading it until
  /// they notice the new one and reload. Then this store reloads.
  func replaceLog(with bytes: [UInt8], backup: String? = nil) throws(StoreError) {
    let temporary = path + ".tmp-\(getpid())"
    try FileIO.writeNew(temporary, bytes, path: temporary)
    var original = stat()
    if stat(path, &original) == 0 { chmod(temporary, original.st_mode & 0o7777) }
    if let backup, link(path, backup) != 0 {
      let code = errno
      unlink(temporary)
      throw .io(path: backup, doing: "create the backup", code: code)
    }
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw .io(path: path, doing: "replace", code: code)
    }
    FileIO.syncDirectory(of: path)
    try reload()
  }
}

extension FileIO {
  /// Creates a new file holding `bytes`, flushed to disk.
  static func writeNew(_ file: String, _ bytes: [UInt8], path: String) throws(StoreError) {
    let fd = open(file, O_WRONLY | O_CREAT | O_EXCL, mode: 0o666)
    guard fd >= 0 else { throw .io(path: file, doing: "create", code: errno) }
    defer { close(fd) }
    guard writeAll(fd, bytes), fsync(fd) == 0 else {
      let code = errno
      unlink(file)
      throw .io(path: file, doing: "write to", code: code)
    }
  }
}
