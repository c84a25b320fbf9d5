import HandoffModel
import HandoffSystem

/// Why a store operation failed; `description` is one line for the user.
package enum StoreError: Error, CustomStringConvertible {
  /// The action was refused by the model (illegal move, stale version, …).
  case model(ModelError)
  /// A complete line of the log is not a valid event (or does not fit the events before it).
  case corrupt(path: String, line: Int, why: String)
  /// A system call failed.
  case system(SystemError)
  /// Another process held the write lock for too long.
  case locked(path: String, seconds: Int)
  /// The store holds something the operation refuses to touch, or the operation does
  /// not apply to it.
  case refused(String)
  /// `--store` or `HANDOFF_STORE` names no kind of store Handoff knows.
  case badAddress(String)
  /// The store cannot be reached now (a server down, a connection lost).
  case offline(String)

  package var description: String {
    switch self {
    case .model(let error):
      return error.description
    case .corrupt(let path, let line, let why):
      return
        "\(path): line \(line) is not a valid event (\(why)); run: handoff check --store \(path)"
    case .system(let error):
      return error.description
    case .locked(let path, let seconds):
      return "\(path) is locked by another process (waited \(seconds) s); try again"
    case .refused(let why), .badAddress(let why), .offline(let why):
      return why
    }
  }
}

/// What `refresh` found.
package enum StoreChange: Equatable, Sendable {
  /// Nothing new.
  case none
  /// This many events were appended by others and are now folded in.
  case appended(Int)
  /// The store was replaced (compaction, repair) and was loaded again from the start.
  case reloaded
  /// The store this one had read is gone (deleted or moved away); the state is what
  /// it held. A new store under the name is read as a replacement.
  case vanished
  /// The store cannot be reached now (why, in a few words); the state is the last one
  /// read, and `refresh` tries again (see `refreshInterval`). Back online, the first
  /// refresh reports `.reloaded` or `.appended`, never `.none`, so a follower knows it
  /// is live again.
  case offline(String)
  /// The store can be reached again after being offline; this many events others
  /// appended meanwhile are now folded in (0 when there were none).
  case reconnected(Int)
}
