#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Advisory whole-file locks (`flock(2)`), which every process opening the same file
/// honours: how writers of one log take turns.
extension FileDescriptor {
  /// Takes the exclusive lock, waiting for it as long as it takes.
  package func lockExclusively() throws(Errno) {
    _ = try retrying { flock(rawValue, LOCK_EX) }
  }

  /// Takes the exclusive lock if nobody holds it; false when another does.
  package func tryLockExclusively() throws(Errno) -> Bool {
    while flock(rawValue, LOCK_EX | LOCK_NB) != 0 {
      let code = Errno.current
      if code == .interrupted { continue }
      if code.isWouldBlock { return false }
      throw code
    }
    return true
  }

  /// Gives the lock back (closing the descriptor does too).
  package func unlock() {
    _ = flock(rawValue, LOCK_UN)
  }
}
