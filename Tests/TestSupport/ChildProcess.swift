#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// A child process started with `posix_spawn`, for tests that must signal it at a moment
/// of their choosing (a SIGKILL mid-write) and then learn how it ended.
///
/// Standard input is `/dev/null`; standard output and error go to files, or to
/// `/dev/null`. Every signal starts with its default action and none is blocked, whatever
/// the test process does with its own.
package struct ChildProcess: Sendable {
  /// How a child ended.
  package enum Ending: Equatable, Sendable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    package var description: String {
      switch self {
      case .exited(let code): "exit \(code)"
      case .signaled(let signal): "signal \(signal)"
      }
    }
  }

  /// Why a child could not be started.
  package struct SpawnError: Error, CustomStringConvertible {
    package var description: String
  }

  package let pid: pid_t

  /// Starts `path` with `arguments` (not including the program name) and exactly the
  /// `environment` given.
  package static func spawn(
    _ path: String, _ arguments: [String], environment: [String: String],
    stdout: String? = nil, stderr: String? = nil
  ) throws(SpawnError) -> ChildProcess {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    let writeFlags = O_WRONLY | O_CREAT | O_TRUNC
    posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", writeFlags, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", writeFlags, 0o644)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var all = sigset_t()
    var none = sigset_t()
    sigfillset(&all)
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid = pid_t()
    let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard code == 0 else {
      throw SpawnError(description: "cannot start \(path): \(String(cString: strerror(code)))")
    }
    return ChildProcess(pid: pid)
  }

  /// Sends a signal (a child that already ended is not an error).
  package func signal(_ signal: Int32) { _ = kill(pid, signal) }

  /// Waits for the child to end and reaps it.
  package func wait() -> Ending {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { return .exited(-1) }
    }
    // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the C macros do not import.
    let low = status & 0x7F
    return low == 0 ? .exited((status >> 8) & 0xFF) : .signaled(low)
  }
}

/// Sleeps the calling thread; for random kill delays, never for synchronization.
package func sleepForKillDelay(milliseconds: Int) {
  var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
  var left = timespec()
  while nanosleep(&request, &left) != 0, errno == EINTR { request = left }
}
