/// The small `key = value` format of theme files and the config file: one setting a
/// line, blank lines and lines starting with `#` ignored, spaces around the key and the
/// value dropped, a key set twice refused. Lines end in `\n`, `\r\n` or a lone `\r`, so
/// a file saved on any system reads line by line. The one reader of that format: each
/// file kind decides what its keys and values mean.
package enum KeyValueLines {
  /// One `key = value` line: its 1-based number, the key and the value, both trimmed.
  package struct Entry: Equatable, Sendable {
    package var line: Int
    package var key: Substring
    package var value: Substring
  }

  /// A line that is not `key = value`, or a key set twice: its 1-based number and what
  /// is wrong, made safe to show.
  package struct Failure: Error, Equatable, Sendable {
    package var line: Int
    package var message: String
  }

  /// Every setting of `text`, in order; the first malformed line fails the whole text.
  package static func parse(_ text: String) throws(Failure) -> [Entry] {
    var entries: [Entry] = []
    var seen: Set<Substring> = []
    let lines = text.split(omittingEmptySubsequences: false) { $0.isNewline }
    for (offset, rawLine) in lines.enumerated() {
      let line = rawLine.trimmingSpaces()
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let equals = line.firstIndex(of: "=") else {
        throw Failure(
          line: offset + 1,
          message: "expected `key = value`, found '\(UntrustedText.sanitized(line))'")
      }
      let key = line[..<equals].trimmingSpaces()
      let value = line[line.index(after: equals)...].trimmingSpaces()
      guard seen.insert(key).inserted else {
        throw Failure(
          line: offset + 1, message: "'\(UntrustedText.sanitized(key))' is set twice")
      }
      entries.append(Entry(line: offset + 1, key: key, value: value))
    }
    return entries
  }
}
