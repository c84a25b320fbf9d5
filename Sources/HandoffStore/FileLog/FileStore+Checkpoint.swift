import HandoffModel
import HandoffSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The checkpoint beside the log (`PATH.checkpoint`): the folded state plus the log
/// position it covers, so opening a large store reads the checkpoint and replays only
/// what came after. It is a cache: written atomically, trusted only while it matches
/// the log (same file, same bytes just before the position), rebuilt otherwise.
extension FileStore {
  static let checkpointMagic = Array("HANDOFF-CHECKPOINT-1\n".utf8)
  /// Bytes of the log before the checkpoint's position that must still be there.
  static let checkpointWitness: Int64 = 64

  var checkpointPath: String { path + ".checkpoint" }

  /// Restores the state from the checkpoint when it matches the open log; returns
  /// whether it did.
  func restoreCheckpoint() -> Bool {
    guard let identity = loadedIdentity, let readFD else { return false }
    guard let fd = try? FileDescriptor.open(checkpointPath, O_RDONLY) else { return false }
    defer { fd.close() }
    guard let size = try? fd.status().size, size > FileStore.checkpointMagic.count,
      // Mapped, not read: no copy of a file that can be tens of megabytes.
      let mapped = try? MappedFile(fd, count: Int(size))
    else { return false }
    defer { mapped.close() }
    let raw = mapped.bytes
    guard raw.starts(with: FileStore.checkpointMagic) else { return false }
    var r = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[FileStore.checkpointMagic.count...]))
    guard let device = r.int64(), let inode = r.int64(), let position = r.int64(),
      let lines = r.count(), let witness = r.raw(UInt8.self),
      UInt64(bitPattern: device) == identity.device, UInt64(bitPattern: inode) == identity.inode,
      position <= identity.size,
      (try? readFD.read(from: position - Int64(witness.count), to: position)) == witness,
      let leads = r.raw(Int32.self), let offsets = r.raw(Int64.self),
      leads.count == offsets.count,
      let actors = r.count()
    else { return false }
    var lastChanges: [String: Int] = [:]
    for _ in 0..<actors {
      guard let actor = r.string(), let index = r.count(), index < offsets.count else {
        return false
      }
      lastChanges[actor] = index
    }
    let rest = UnsafeRawBufferPointer(
      rebasing: raw[(FileStore.checkpointMagic.count + r.index)...])
    guard let restored = PipelineCodec.decode(rest, zones: zones) else { return false }
    fold = restored
    offset = position
    lineCount = lines
    historyLeads = leads
    historyOffsets = offsets
    lastChangeByActor = lastChanges
    return true
  }

  /// Writes the checkpoint for the current state (best effort: a store in a folder we
  /// cannot write to simply has none).
  func saveCheckpoint() {
    guard let identity = loadedIdentity, let readFD, offset > 0 else { return }
    let start = max(0, offset - FileStore.checkpointWitness)
    guard let witness = try? readFD.read(from: start, to: offset) else { return }
    var w = BinaryWriter()
    w.int64(Int64(bitPattern: identity.device))
    w.int64(Int64(bitPattern: identity.inode))
    w.int64(offset)
    w.count(lineCount)
    w.raw(witness)
    w.raw(historyLeads)
    w.raw(historyOffsets)
    w.count(lastChangeByActor.count)
    for (actor, index) in lastChangeByActor {
      w.string(actor)
      w.count(index)
    }
    let state = PipelineCodec.encode(pipeline)
    let temporary = checkpointPath + ".tmp-\(getpid())"
    guard let fd = try? FileDescriptor.open(temporary, O_WRONLY | O_CREAT | O_TRUNC) else {
      return
    }
    // In its three parts, not joined: no second copy of a state of tens of megabytes.
    let written =
      (try? fd.writeAll(FileStore.checkpointMagic)) != nil && (try? fd.writeAll(w.bytes)) != nil
      && (try? fd.writeAll(state)) != nil
    fd.close()
    if !written || (try? FilePaths.rename(temporary, to: checkpointPath)) == nil {
      try? FilePaths.remove(temporary)
    }
  }
}
