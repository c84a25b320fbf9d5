import Foundation
import HandoffTerminalTesting

/// Runs the built `handoff` executable as a separate process and returns its exit
/// status and everything it wrote. The environment is exactly the one given (so a
/// test's `HANDOFF_USER`, `HANDOFF_STORE` or their absence is what the process sees).
package func runHandoff(
  _ args: [String], environment: [String: String], stdin: String? = nil
) -> (status: Int32, stdout: String, stderr: String) {
  let folder = TemporaryDirectory("handoff-run")
  let outPath = folder.file("stdout")
  let errPath = folder.file("stderr")
  _ = FileManager.default.createFile(atPath: outPath, contents: nil)
  _ = FileManager.default.createFile(atPath: errPath, contents: nil)
  guard let out = FileHandle(forWritingAtPath: outPath),
    let err = FileHandle(forWritingAtPath: errPath)
  else { return (-1, "", "cannot create output files in \(folder.path)") }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: handoffExecutable())
  process.arguments = args
  process.environment = environment
  process.standardOutput = out
  process.standardError = err
  let input = Pipe()
  process.standardInput = stdin == nil ? FileHandle.nullDevice : input
  do {
    try process.run()
  } catch {
    return (-1, "", "cannot run \(handoffExecutable()): \(error)")
  }
  if let stdin {
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try? input.fileHandleForWriting.close()
  }
  process.waitUntilExit()
  try? out.close()
  try? err.close()
  let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
  let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
  return (process.terminationStatus, stdout, stderr)
}

/// Where the built `handoff` is: `HANDOFF_BINARY` if set, else where SwiftPM built it.
package func handoffExecutable() -> String {
  if let explicit = ProcessInfo.processInfo.environment["HANDOFF_BINARY"],
    FileManager.default.isExecutableFile(atPath: explicit)
  {
    return explicit
  }
  return BuiltProducts.path(of: "handoff")
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/debug/handoff").path
}
