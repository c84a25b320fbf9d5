import Foundation

/// One probe run in a child process of this executable: what it printed, read as the
/// `key=value` pairs every probe prints, and how it exited.
struct ProbeRun {
  var status: Int32
  var text: String
  var values: [String: Double]

  /// Runs this executable with `arguments` (and `environment` in place of this
  /// process's, when given) and waits for it.
  static func run(_ arguments: [String], environment: [String: String]? = nil) throws
    -> ProbeRun
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: BenchExecutable.path)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    var values: [String: Double] = [:]
    for pair in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      let parts = pair.split(separator: "=")
      if parts.count == 2, let v = Double(parts[1]) { values[String(parts[0])] = v }
    }
    return ProbeRun(status: process.terminationStatus, text: text, values: values)
  }
}
