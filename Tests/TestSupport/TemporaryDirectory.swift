import Foundation

/// A fresh folder under the system's temporary directory, removed when released.
package final class TemporaryDirectory: @unchecked Sendable {
  /// The folder's absolute path.
  package let path: String

  /// Creates a new empty folder whose name starts with `prefix`.
  package init(_ prefix: String = "handoff-test") {
    let base = FileManager.default.temporaryDirectory.path
    var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "cannot create a temporary folder under \(base)")
    path = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// A path inside the folder.
  package func file(_ name: String) -> String { path + "/" + name }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
