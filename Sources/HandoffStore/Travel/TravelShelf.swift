import HandoffModel
import HandoffSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The saved states of `TimeTravel` kept in a file, so that a jump into the past in a
/// new process decodes the nearest one instead of replaying the log from its start: the
/// file log's `PATH.travel` beside its checkpoint, a PostgreSQL store's beside its local
/// cache.
///
/// Like the checkpoint it is a cache, never the truth. The file names the store
/// (`EventStore.identity`) it was made from and is started afresh for another; each
/// saved state carries the line of the last event it holds, which the traveller compares
/// with the store's before trusting it. Records are appended under an exclusive lock
/// (several processes may travel at once) and a record torn by a crash is cut off by
/// the next append.
///
/// Layout: a magic line, the identity (`BinaryWriter.string`), then records, each an
/// 8-byte length followed by that many bytes: event count, last sequence number, latest
/// time, the last event's line (`BinaryWriter.raw`), and the checkpoint codec's bytes of
/// the state (`PipelineCodec`).
package struct TravelShelf {
  package static let magic = Array("HANDOFF-TRAVEL-1\n".utf8)

  /// A saved state as the file lists it: where it is and what it covers.
  package struct Record: Equatable, Sendable {
    package var eventCount: Int
    package var lastSeq: Int64
    /// The latest time stamped on any event it holds.
    package var latest: Timestamp
    /// The encoded line of its last event (`EventEncoder.line`).
    package var witness: [UInt8]
    /// Where its record starts in the file.
    package var offset: Int64
  }

  package let path: String
  /// The mode a new file is created with (before the umask).
  let mode: mode_t
  /// A private folder to create (0700) before the first write, when it may be missing.
  let privateFolder: String?

  /// The shelf in the file at `path`, created with `mode`; in `privateFolder` (made 0700
  /// when missing), when given.
  package init(path: String, mode: mode_t = 0o666, privateFolder: String? = nil) {
    self.path = path
    self.mode = mode
    self.privateFolder = privateFolder
  }

  /// The records saved for `identity`, oldest first; none when the file is missing,
  /// unreadable or made from another store.
  package func records(for identity: String) -> [Record] {
    withMapped(identity: identity) { bytes, start in Self.scan(bytes, from: start).records }
      ?? []
  }

  /// The state `record` holds, or nil when the file no longer has it as listed.
  package func state(of record: Record, identity: String, zones: any ZoneDatabase) -> PipelineFold?
  {
    withMapped(identity: identity) { bytes, _ in
      guard let found = Self.record(in: bytes, at: Int(record.offset)),
        found.header.eventCount == record.eventCount, found.header.lastSeq == record.lastSeq,
        let fold = PipelineCodec.decode(
          UnsafeRawBufferPointer(rebasing: bytes[found.state..<found.end]), zones: zones),
        fold.pipeline.lastSeq == record.lastSeq
      else { return nil }
      return fold
    } ?? nil
  }

  /// Appends a saved state, starting the file afresh when it was made from another
  /// store; returns its record, or nil when it could not be written (a folder we may not
  /// write to: the traveller keeps the state in memory instead).
  package func append(
    _ state: Pipeline, latest: Timestamp, witness: [UInt8], identity: String
  ) -> Record? {
    if let privateFolder, (try? FilePaths.makeDirectories(privateFolder)) != nil {
      chmod(privateFolder, 0o700)
    }
    guard let fd = try? FileDescriptor.open(path, O_RDWR | O_CREAT, mode: mode) else {
      return nil
    }
    defer { fd.close() }
    guard (try? fd.lockExclusively()) != nil else { return nil }
    defer { fd.unlock() }
    // Where the valid records end; the whole file is rewritten from its header when it
    // names another store (or none).
    let listed = Self.withMapped(fd, identity: identity) { bytes, start in
      Self.scan(bytes, from: start)
    }
    let known = listed?.records ?? []
    let end = Int64(listed?.end ?? 0)
    // Another process saved it meanwhile.
    if let saved = known.first(where: { $0.eventCount == state.eventCount }) { return saved }
    let bytes = PipelineCodec.encode(state)
    var header: [UInt8] = []
    if end == 0 {
      var w = BinaryWriter()
      w.string(identity)
      header = Self.magic + w.bytes
    }
    var w = BinaryWriter()
    w.int64(Int64(state.eventCount))
    w.int64(state.lastSeq)
    w.int64(latest.milliseconds)
    w.raw(witness)
    var length = BinaryWriter()
    length.int64(Int64(w.bytes.count + bytes.count))
    let offset = end + Int64(header.count)
    guard (try? fd.truncate(to: end)) != nil, lseek(fd.rawValue, off_t(end), SEEK_SET) == end,
      (try? fd.writeAll(header + length.bytes + w.bytes)) != nil,
      (try? fd.writeAll(bytes)) != nil
    else {
      // Whatever part was written is cut off by the next append.
      return nil
    }
    return Record(
      eventCount: state.eventCount, lastSeq: state.lastSeq, latest: latest, witness: witness,
      offset: offset)
  }

  /// The claim to fill this shelf, one process on the host at a time: the descriptor
  /// of `PATH.lock` (created as the shelf is) holding its exclusive lock until it is
  /// closed; nil while another process holds it, or when it cannot be made.
  package func claimFilling() -> FileDescriptor? {
    if let privateFolder, (try? FilePaths.makeDirectories(privateFolder)) != nil {
      chmod(privateFolder, 0o700)
    }
    guard let fd = try? FileDescriptor.open(path + ".lock", O_RDWR | O_CREAT, mode: mode) else {
      return nil
    }
    guard (try? fd.tryLockExclusively()) == true else {
      fd.close()
      return nil
    }
    return fd
  }

  /// Empties the file, when what it saved no longer matches the store it names (a log
  /// rewritten in place).
  package func clear() {
    guard let fd = try? FileDescriptor.open(path, O_RDWR) else { return }
    defer { fd.close() }
    guard (try? fd.lockExclusively()) != nil else { return }
    try? fd.truncate(to: 0)
    fd.unlock()
  }

  /// Maps the file and calls `body` with its bytes and where its records start, when it
  /// was made from `identity`.
  private func withMapped<T>(
    identity: String, _ body: (UnsafeRawBufferPointer, Int) -> T
  ) -> T? {
    guard let fd = try? FileDescriptor.open(path, O_RDONLY) else { return nil }
    defer { fd.close() }
    return Self.withMapped(fd, identity: identity, body)
  }

  /// Maps an open shelf and calls `body` with its bytes and where its records start,
  /// when it was made from `identity`.
  private static func withMapped<T>(
    _ fd: FileDescriptor, identity: String, _ body: (UnsafeRawBufferPointer, Int) -> T
  ) -> T? {
    guard let size = try? fd.status().size, size > magic.count,
      let mapped = try? MappedFile(fd, count: Int(size))
    else { return nil }
    defer { mapped.close() }
    guard let start = start(of: mapped.bytes, identity: identity) else { return nil }
    return body(mapped.bytes, start)
  }

  /// The readable records from `start` on, and where the last of them ends.
  private static func scan(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (
    records: [Record], end: Int
  ) {
    var records: [Record] = []
    var offset = start
    while let record = record(in: bytes, at: offset) {
      records.append(record.header)
      offset = record.end
    }
    return (records, offset)
  }

  /// Where the records start, when the bytes are a shelf made from `identity`.
  private static func start(of bytes: UnsafeRawBufferPointer, identity: String) -> Int? {
    guard bytes.starts(with: magic) else { return nil }
    var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[magic.count...]))
    guard reader.string() == identity else { return nil }
    return magic.count + reader.index
  }

  /// The record at `offset`: its header, where its state's bytes start and where it
  /// ends; nil at the end of the file or at a torn or unreadable record.
  private static func record(in bytes: UnsafeRawBufferPointer, at offset: Int)
    -> (header: Record, state: Int, end: Int)?
  {
    guard offset + 8 <= bytes.count else { return nil }
    var lengthReader = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 8]))
    guard let length = lengthReader.int64(), length > 0,
      length <= Int64(bytes.count - offset - 8)
    else { return nil }
    let end = offset + 8 + Int(length)
    var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[(offset + 8)..<end]))
    guard let count = reader.int64(), let lastSeq = reader.int64(), let latest = reader.int64(),
      let witness = reader.raw(UInt8.self), count > 0
    else { return nil }
    let header = Record(
      eventCount: Int(count), lastSeq: lastSeq, latest: Timestamp(milliseconds: latest),
      witness: witness, offset: Int64(offset))
    return (header, offset + 8 + reader.index, end)
  }
}
