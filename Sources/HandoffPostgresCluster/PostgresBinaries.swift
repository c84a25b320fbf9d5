import Foundation

/// Where PostgreSQL's programs are (initdb, pg_ctl, postgres, psql, 13 or later), and
/// the user to run them as when this process is root.
package struct PostgresBinaries: Sendable {
  /// The user owning a cluster when the tests run as root.
  struct Owner: Sendable {
    var name: String
    var uid: uid_t
    var gid: gid_t
    /// The program that switches to the owner: runuser or setpriv.
    var switcher: [String]
  }

  /// The folder holding the programs.
  package let directory: String
  /// The server's major version, as `postgres --version` gives it.
  package let majorVersion: Int
  let owner: Owner?

  /// The programs found on this machine, or nil (then the tests that need them skip).
  package static let found: PostgresBinaries? = find()

  /// A program's path.
  func path(_ program: String) -> String { directory + "/" + program }

  /// A command run as the cluster's owner (or as this process's user when not root).
  func command(
    _ arguments: [String], in directory: String, log: String? = nil, asOwner: Bool = true
  ) -> ClusterCommand {
    ClusterCommand(
      arguments: asOwner ? self.asOwner(arguments) : arguments, directory: directory,
      outputPath: log)
  }

  /// The arguments prefixed with the switch to the owner, when there is one.
  func asOwner(_ arguments: [String]) -> [String] {
    guard let owner else { return arguments }
    return owner.switcher + arguments
  }

  private static func find() -> PostgresBinaries? {
    // HANDOFF_POSTGRES_BIN names the folder to use, or `none` to run as a machine
    // without PostgreSQL would (to see the skip).
    var folders: [String] = []
    if let given = ProcessInfo.processInfo.environment["HANDOFF_POSTGRES_BIN"] {
      if given == "none" { return nil }
      folders.append(given)
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let initdb = "\(folder)/initdb"
      guard FileManager.default.isExecutableFile(atPath: initdb) else { continue }
      // pg_ctl finds the server beside its real file, so follow links to it.
      let real = URL(fileURLWithPath: initdb).resolvingSymlinksInPath().deletingLastPathComponent()
      folders.append(real.path)
    }
    let versions =
      (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
    for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
      folders.append("/usr/lib/postgresql/\(version)/bin")
    }
    let owner: Owner?
    if geteuid() == 0 {
      guard let found = findOwner() else { return nil }
      owner = found
    } else {
      owner = nil
    }
    for folder in folders {
      let programs = ["initdb", "pg_ctl", "postgres", "psql"]
      guard
        programs.allSatisfy({ FileManager.default.isExecutableFile(atPath: "\(folder)/\($0)") }),
        let major = majorVersion(of: "\(folder)/postgres"), major >= 13
      else { continue }
      return PostgresBinaries(directory: folder, majorVersion: major, owner: owner)
    }
    return nil
  }

  /// A user other than root to own the cluster, and a way to become it; nil when there
  /// is none.
  private static func findOwner() -> Owner? {
    let switchers: [(String, (Owner) -> [String])] = [
      ("/usr/sbin/runuser", { ["/usr/sbin/runuser", "-u", $0.name, "--"] }),
      ("/sbin/runuser", { ["/sbin/runuser", "-u", $0.name, "--"] }),
      (
        "/usr/bin/setpriv",
        { ["/usr/bin/setpriv", "--reuid=\($0.uid)", "--regid=\($0.gid)", "--clear-groups"] }
      ),
    ]
    guard
      let switcher = switchers.first(where: { FileManager.default.isExecutableFile(atPath: $0.0) })
    else { return nil }
    for name in ["postgres", "nobody"] {
      guard let entry = getpwnam(name) else { continue }
      var owner = Owner(
        name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid, switcher: [])
      owner.switcher = switcher.1(owner)
      return owner
    }
    return nil
  }

  /// The major version `postgres --version` reports ("postgres (PostgreSQL) 15.8").
  private static func majorVersion(of server: String) -> Int? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: server)
    process.arguments = ["--version"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard let number = text.split(separator: " ").last?.split(separator: ".").first else {
      return nil
    }
    return Int(number.trimmingCharacters(in: .whitespacesAndNewlines).prefix { $0.isNumber })
  }
}
