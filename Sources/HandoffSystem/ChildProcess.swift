#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// A program started with `posix_spawn` (never a forked copy of this process), and how
/// it ended: the one way Handoff runs another program — PostgreSQL's tools for the
/// throwaway clusters, the built binary in tests that kill it mid-write, a program on a
/// pseudo-terminal, the user's editor.
///
/// Every signal starts with its default action and none is blocked, whatever this
/// process does with its own.
package struct ChildProcess: Sendable {
  /// How a child ended.
  package enum Ending: Equatable, Sendable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    /// The wait status decoded (the C macros do not import into Swift).
    package init(waitStatus status: Int32) {
      let low = status & 0x7F
      self = low == 0 ? .exited((status >> 8) & 0xFF) : .signaled(low)
    }

    /// As a shell reports it: the exit code, or 128 + the signal.
    package var shellStatus: Int32 {
      switch self {
      case .exited(let code): code
      case .signaled(let signal): 128 + signal
      }
    }

    package var description: String {
      switch self {
      case .exited(let code): "exit \(code)"
      case .signaled(let signal): "signal \(signal)"
      }
    }
  }

  /// Where one of the child's standard descriptors comes from.
  package enum Stream: Sendable {
    /// This process's own descriptor, as it is.
    case inherit
    /// `/dev/null`.
    case null
    /// A duplicate of this descriptor (as the child has it by then: the standard ones are
    /// set in order, input first, so output may be `.descriptor(0)`).
    case descriptor(CInt)
    /// A file written from its start, or appended to; created (0644) when missing.
    case file(String, append: Bool)
    /// A terminal opened read-write after the new session is made, so that it becomes the
    /// child's controlling terminal (with `Options.newSession`).
    case terminal(String)
  }

  /// How the child starts.
  package struct Options: Sendable {
    /// Exactly the child's environment; nil: this process's own.
    package var environment: [String: String]?
    package var input: Stream = .null
    package var output: Stream = .null
    package var error: Stream = .null
    /// The folder the child starts in; nil: this process's.
    package var directory: String?
    /// Its own process group: a Ctrl-C meant for this process does not reach it.
    package var newProcessGroup = false
    /// A new session (for a child on a pseudo-terminal of its own).
    package var newSession = false
    /// Close every descriptor above the standard three in the child, close-on-exec or
    /// not (a long-lived child must not hold others' pipes open). Best effort: where the
    /// C library cannot, only the close-on-exec ones close.
    package var closesOtherDescriptors = false

    package init(
      environment: [String: String]? = nil, input: Stream = .null, output: Stream = .null,
      error: Stream = .null
    ) {
      self.environment = environment
      self.input = input
      self.output = output
      self.error = error
    }
  }

  package let pid: pid_t

  /// A child already started some other way (its pid), to signal and wait for.
  package init(pid: pid_t) { self.pid = pid }

  /// Starts `path` (an absolute path: no search of `PATH`) with `arguments`, not
  /// including the program name.
  package static func spawn(
    _ path: String, _ arguments: [String], _ options: Options = Options()
  ) throws(SystemError) -> ChildProcess {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for (target, stream) in [(0, options.input), (1, options.output), (2, options.error)] {
      add(stream, as: CInt(target), to: &actions)
    }
    if options.closesOtherDescriptors, let closeFrom = SpawnExtensions.addCloseFrom {
      _ = closeFrom(&actions, 3)
    }
    if let directory = options.directory {
      guard let changeDirectory = SpawnExtensions.addChangeDirectory else {
        throw SystemError("start \(path) in \(directory)", Errno(rawValue: ENOSYS))
      }
      _ = changeDirectory(&actions, directory)
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var all = sigset_t()
    var none = sigset_t()
    sigfillset(&all)
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setsigmask(&attributes, &none)
    var flags = CInt(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
    if options.newProcessGroup {
      posix_spawnattr_setpgroup(&attributes, 0)
      flags |= CInt(POSIX_SPAWN_SETPGROUP)
    }
    if options.newSession { flags |= SpawnExtensions.setSessionFlag }
    posix_spawnattr_setflags(&attributes, Int16(flags))

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?]? = options.environment.map { environment in
      environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    }
    defer {
      for pointer in argv + (envp ?? []) { free(pointer) }
    }
    var pid = pid_t()
    let code =
      if let envp {
        posix_spawn(&pid, path, &actions, &attributes, argv, envp)
      } else {
        posix_spawn(&pid, path, &actions, &attributes, argv, environ)
      }
    guard code == 0 else { throw SystemError("start", path: path, Errno(rawValue: code)) }
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
    return Ending(waitStatus: status)
  }

  private static func add(
    _ stream: Stream, as target: CInt, to actions: inout posix_spawn_file_actions_t
  ) {
    switch stream {
    case .inherit:
      break
    case .null:
      posix_spawn_file_actions_addopen(
        &actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
    case .descriptor(let source):
      if source != target { posix_spawn_file_actions_adddup2(&actions, source, target) }
    case .file(let path, let append):
      let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
      posix_spawn_file_actions_addopen(&actions, target, path, flags, 0o644)
    case .terminal(let path):
      // Without O_NOCTTY: opened after setsid, it becomes the controlling terminal.
      posix_spawn_file_actions_addopen(&actions, target, path, O_RDWR, 0)
    }
  }
}

/// What `posix_spawn` can do beyond POSIX on this C library: glibc's closefrom and chdir
/// actions (2.34 and 2.29; its Swift module does not declare them, so they are looked up
/// at run time) and the new-session flag.
private enum SpawnExtensions {
  typealias AddCloseFrom =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, CInt) -> CInt
  typealias AddChangeDirectory =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>)
    -> CInt

  static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
  static let addChangeDirectory: AddChangeDirectory? = symbol(
    "posix_spawn_file_actions_addchdir_np")

  #if canImport(Darwin)
    static let setSessionFlag = CInt(POSIX_SPAWN_SETSID)
  #else
    /// POSIX_SPAWN_SETSID (glibc 2.26), which the Swift module does not import.
    static let setSessionFlag: CInt = 0x80
  #endif

  private static func symbol<Function>(_ name: String) -> Function? {
    #if canImport(Darwin)
      let everywhere = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
    #else
      let everywhere = UnsafeMutableRawPointer(bitPattern: 0)  // RTLD_DEFAULT
    #endif
    guard let address = dlsym(everywhere, name) else { return nil }
    return unsafeBitCast(address, to: Function.self)
  }
}
