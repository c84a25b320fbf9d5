import HandoffSystem

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

  /// Starts the program without waiting.
  func spawn() throws(ClusterError) -> ChildProcess {
    var environment = ["PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "LC_ALL": "C", "TZ": "UTC"]
    if let home = getenv("HOME") { environment["HOME"] = String(cString: home) }
    var options = ChildProcess.Options(
      environment: environment, input: input.map { .descriptor($0) } ?? .null,
      output: .file(outputPath ?? "/dev/null", append: true), error: .descriptor(1))
    options.directory = directory
    // Its own process group: a Ctrl-C meant for the test run does not reach the server
    // before the watchdog stops it cleanly.
    options.newProcessGroup = true
    // The server lives on after pg_ctl returns: it must not keep other tests' pipes open
    // (a test waiting for the end of one would wait for ever).
    options.closesOtherDescriptors = true
    do {
      return try ChildProcess.spawn(arguments[0], Array(arguments.dropFirst()), options)
    } catch {
      throw ClusterError(error.description)
    }
  }

  /// Runs the program to its end; throws with its output when it fails.
  func run() throws(ClusterError) {
    let status = try spawn().wait().shellStatus
    guard status == 0 else {
      let output = outputPath.flatMap(Self.tail) ?? ""
      throw ClusterError(
        "\(arguments.joined(separator: " ")) failed (status \(status)): \(output)")
    }
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
