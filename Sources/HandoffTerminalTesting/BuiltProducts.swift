import Foundation

/// Finds an executable SwiftPM built: beside the running test bundle or program (the
/// build products folder, whatever `--scratch-path` says), else under the package's
/// own `.build`.
package enum BuiltProducts {
  /// The path of the executable `name`, or nil when it was not built.
  package static func path(of name: String, filePath: String = #filePath) -> String? {
    let files = FileManager.default
    var directories: [URL] = []
    if let running = try? files.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      directories.append(URL(fileURLWithPath: running).deletingLastPathComponent())
    }
    if let executable = Bundle.main.executablePath {
      directories.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
    }
    if let first = CommandLine.arguments.first {
      directories.append(URL(fileURLWithPath: first).deletingLastPathComponent())
    }
    directories += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
    // Fallback: the package's own .build, located from this source file.
    let root = URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    directories += [".build/debug", ".build/release"].map { root.appendingPathComponent($0) }
    for start in directories {
      // On Linux the test runner sits in the products folder; on macOS the xctest
      // bundle does, a few levels above the running binary.
      var directory = start
      for _ in 0..<4 {
        let candidate = directory.appendingPathComponent(name).path
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
          files.isExecutableFile(atPath: candidate)
        {
          return candidate
        }
        directory.deleteLastPathComponent()
      }
    }
    return nil
  }
}
