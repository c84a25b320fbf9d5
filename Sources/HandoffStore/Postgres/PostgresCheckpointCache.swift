import HandoffModel
import HandoffPostgres
import HandoffSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The local checkpoint cache of PostgreSQL stores: the folded state as of one sequence
/// number, in a private file named after the store's identity, so opening a large store
/// over the network reads the tail after that number instead of the whole history.
///
/// It is only a cache. It is trusted while the store's identity matches and the event
/// at its sequence number is still the one it was made after (a SHA-256 of that
/// event's line is kept and compared); otherwise it is ignored and rebuilt. The file
/// holds the team's data, so its folder is 0700 and it is 0600.
struct PostgresCheckpointCache {
  static let magic = Array("HANDOFF-POSTGRES-CACHE-1\n".utf8)

  /// The folder: `$XDG_CACHE_HOME/handoff/postgres`, else `~/.cache/handoff/postgres`.
  let folder: String

  /// The cache folder for `environment`, or nil when there is no home to put it in.
  static func folder(in environment: [String: String]) -> String? {
    if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
      return cache + "/handoff/postgres"
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return home + "/.cache/handoff/postgres"
  }

  /// The file for a store.
  func path(for identity: String) -> String {
    folder + "/" + fileName(for: identity) + ".checkpoint"
  }

  /// The file of a store's saved states for time travel (`TravelShelf`), beside its
  /// checkpoint.
  func travelPath(for identity: String) -> String {
    folder + "/" + fileName(for: identity) + ".travel"
  }

  /// A store's files' name, without the extension: from a hash of its identity.
  private func fileName(for identity: String) -> String {
    String(hexadecimal(SHA256.hash(Array(identity.utf8))).prefix(32))
  }

  /// What a cache file holds, before it is checked against the store.
  struct Entry {
    var seq: Int64
    var witness: [UInt8]
    var state: PipelineFold
  }

  /// The cached state for `identity`, if there is a readable one.
  func load(identity: String, zones: any ZoneDatabase) -> Entry? {
    guard let fd = try? FileDescriptor.open(path(for: identity), O_RDONLY) else { return nil }
    defer { fd.close() }
    guard let size = try? fd.status().size, size > Self.magic.count,
      let mapped = try? MappedFile(fd, count: Int(size))
    else { return nil }
    defer { mapped.close() }
    let raw = mapped.bytes
    guard raw.starts(with: Self.magic) else { return nil }
    var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[Self.magic.count...]))
    guard reader.string() == identity, let seq = reader.int64(),
      let witness = reader.raw(UInt8.self)
    else { return nil }
    let rest = UnsafeRawBufferPointer(rebasing: raw[(Self.magic.count + reader.index)...])
    guard let state = PipelineCodec.decode(rest, zones: zones), state.pipeline.lastSeq == seq
    else { return nil }
    return Entry(seq: seq, witness: witness, state: state)
  }

  /// Writes the state as of its last event, whose line hashes to `witness` (best effort:
  /// a cache that cannot be written is simply not there next time).
  func save(identity: String, witness: [UInt8], state: Pipeline) {
    guard (try? FilePaths.makeDirectories(folder)) != nil else { return }
    chmod(folder, 0o700)
    var writer = BinaryWriter()
    writer.string(identity)
    writer.int64(state.lastSeq)
    writer.raw(witness)
    let bytes = Self.magic + writer.bytes + PipelineCodec.encode(state)
    let target = path(for: identity)
    let temporary = target + ".tmp-\(getpid())"
    guard let fd = try? FileDescriptor.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600)
    else { return }
    let written = (try? fd.writeAll(bytes)) != nil
    fd.close()
    if !written || (try? FilePaths.rename(temporary, to: target)) == nil {
      try? FilePaths.remove(temporary)
    }
  }

  /// Removes the cache of a store (after it was replaced, the old state is useless).
  func remove(identity: String) {
    try? FilePaths.remove(path(for: identity))
    try? FilePaths.remove(travelPath(for: identity))
  }
}
