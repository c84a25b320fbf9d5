import Foundation

/// Reads the marks an observed dashboard writes (`MarkWriter`): wakeups and frames,
/// with monotonic nanoseconds.
final class MarkLog {
  let path: String
  private(set) var frames: [(nanos: UInt64, seq: Int64, bytes: Int)] = []
  private(set) var wakeups: [UInt64] = []
  private var offset: UInt64 = 0
  private var partial = ""

  init(path: String) {
    self.path = path
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Reads marks written since the last call.
  func update() {
    guard let handle = FileHandle(forReadingAtPath: path) else { return }
    defer { try? handle.close() }
    try? handle.seek(toOffset: offset)
    let data = handle.readDataToEndOfFile()
    offset += UInt64(data.count)
    partial += String(decoding: data, as: UTF8.self)
    while let newline = partial.firstIndex(of: "\n") {
      let line = partial[..<newline].split(separator: " ")
      partial.removeSubrange(...newline)
      if line.first == "w", line.count == 2, let ns = UInt64(line[1]) { wakeups.append(ns) }
      if line.first == "f", line.count == 4, let ns = UInt64(line[1]), let seq = Int64(line[2]),
        let bytes = Int(line[3])
      {
        frames.append((ns, seq, bytes))
      }
    }
  }

  /// The first frame that shows event `seq` or later.
  func firstFrame(showing seq: Int64) -> (nanos: UInt64, seq: Int64, bytes: Int)? {
    frames.first { $0.seq >= seq }
  }
}
