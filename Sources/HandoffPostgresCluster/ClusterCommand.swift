#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// Runs PostgreSQL's programs (initdb, pg_ctl, psql) and waits for them, as the
/// cluster's owner when the tests run as root (the server refuses to run as root).
struct ClusterCommand {
  /// The program and arguments, ready for `posix_spawn`.
  var arguments: [String]
  /// Where the program runs (a folder the cluster's owner may enter).
  var directory: String
  /// Standard input: a descriptor, or /dev/null.
  var input: CInt? = nil
  /// Where standard output and error go; /dev/null when nil.
  var outputPath: String? = nil

  /// Starts the program without waiting; its pid.
  func spawn() throws(ClusterError) -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let input {
      posix_spawn_file_actions_adddup2(&actions, input, 0)
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    let flags = O_WRONLY | O_CREAT | O_APPEND
    posix_spawn_file_actions_addopen(&actions, 1, outputPath ?? "/dev/null", flags, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    // The server lives on after pg_ctl returns: it must not keep other tests' pipes open
    // (a test waiting for the end of one would wait for ever).
    if let closeFrom = GlibcExtensions.addCloseFrom { _ = closeFrom(&actions, 3) }
    if let changeDirectory = GlibcExtensions.addChangeDirectory {
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
    // Its own process group: a Ctrl-C meant for the test run does not reach the server
    // before the watchdog stops it cleanly.
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

    let argv = arguments.map { strdup($0) } + [nil]
    var environment = ["PATH=/usr/bin:/bin:/usr/sbin:/sbin", "LC_ALL=C", "TZ=UTC"]
    if let home = getenv("HOME") { environment.append("HOME=\(String(cString: home))") }
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid = pid_t()
    let code = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
    guard code == 0 else {
      throw ClusterError("cannot start \(arguments[0]): \(String(cString: strerror(code)))")
    }
    return pid
  }

  /// Runs the program to its end; throws with its output when it fails.
  func run() throws(ClusterError) {
    let pid = try spawn()
    let status = Self.wait(pid)
    guard status == 0 else {
      let output = outputPath.flatMap(Self.tail) ?? ""
      throw ClusterError(
        "\(arguments.joined(separator: " ")) failed (status \(status)): \(output)")
    }
  }

  /// Waits for a child and returns its exit status (128 + the signal when killed).
  static func wait(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { return -1 }
    }
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
  }

  /// The last lines of a log, for a failure's message.
  static func tail(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count <= 0 { break }
      bytes += buffer[..<count]
    }
    let text = String(decoding: bytes.suffix(2000), as: UTF8.self)
    return text.split(separator: "\n").suffix(8).joined(separator: " | ")
  }
}

/// Why a throwaway cluster could not be made or driven.
package struct ClusterError: Error, CustomStringConvertible, Sendable {
  package var description: String
  init(_ description: String) { self.description = description }
}

/// glibc's spawn actions that its Swift module does not declare (2.29 and 2.34 added
/// them), looked up at run time; nil where the C library lacks them (then the child
/// inherits descriptors without close-on-exec, and the working folder).
private enum GlibcExtensions {
  typealias AddCloseFrom =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, CInt) -> CInt
  typealias AddChangeDirectory =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>)
    -> CInt

  static let addCloseFrom: AddCloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
  static let addChangeDirectory: AddChangeDirectory? = symbol(
    "posix_spawn_file_actions_addchdir_np")

  private static func symbol<Function>(_ name: String) -> Function? {
    guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
    return unsafeBitCast(address, to: Function.self)
  }
}
