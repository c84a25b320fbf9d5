import HandoffModel

/// Why a store operation failed; `description` is one line for the user.
public enum StoreError: Error, CustomStringConvertible {
  /// The action was refused by the model (illegal move, stale version, …).
  case model(ModelError)
  /// A complete line of the log is not a valid event (or does not fit the events before it).
  case corrupt(path: String, line: Int, why: String)
  /// A system call failed.
  case io(path: String, doing: String, code: Int32)
  /// Another process held the write lock for too long.
  case locked(path: String, seconds: Int)
  /// The log holds something the operation refuses to touch.
  case refused(String)

  public var description: String {
    switch self {
    case .model(let error):
      return error.description
    case .corrupt(let path, let line, let why):
      return
        "\(path): line \(line) is not a valid event (\(why)); run: handoff check --store \(path)"
    case .io(let path, let doing, let code):
      return "cannot \(doing) \(path): \(FileIO.message(code))"
    case .locked(let path, let seconds):
      return "\(path) is locked by another process (waited \(seconds) s); try again"
    case .refused(let why):
      return why
    }
  }
}

/// What `Store.refresh` found.
public enum StoreChange: Equatable, Sendable {
  /// Nothing new.
  case none
  /// This many events were appended by others and are now folded in.
  case appended(Int)
  /// The log was replaced (compaction, repair) and was loaded again from the start.
  case reloaded
  /// The log this store had read is gone (deleted or moved away); the state is what
  /// it held. A new log under the name is read as a replacement.
  case vanished
}
