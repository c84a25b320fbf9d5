import Foundation

/// This benchmark's own executable, which it runs again in child processes (the load
/// probe, the observed dashboard) so their memory and start-up are their own.
enum BenchExecutable {
  static var path: String {
    let named = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    if FileManager.default.isExecutableFile(atPath: named) { return named }
    return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
  }
}
