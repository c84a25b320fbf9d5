/// Reads a log file in chunks and hands out its complete lines, so a log of any size
/// loads in constant memory. A last line without its newline is a *torn tail* (a
/// writer stopped mid-write, or is writing now): it is reported, never handed out.
struct LineScanner {
  /// Where the complete lines end: the offset just after the last newline seen.
  private(set) var end: Int64
  /// The number of complete lines seen so far (from the scanner's start).
  private(set) var lines = 0
  /// Bytes after the last newline, when the file does not end with one.
  private(set) var tornBytes = 0

  private let fd: Int32
  private static let chunk = 1 << 22
  /// The longest line the log may hold. Nothing the model writes comes near it (a
  /// snapshot of a lead with a thousand long notes is about 4 MB); a longer line is
  /// damage, and reading it whole would let one line take unbounded memory.
  static let maxLine = 1 << 24

  init(fd: Int32, from start: Int64) {
    self.fd = fd
    self.end = start
  }

  /// Calls `line` with each complete line (without its newline), its offset and number
  /// (counted from 1 at the scanner's start), up to the file's current end. Stops at
  /// the first error `line` throws. A line longer than `maxLine` is skipped without
  /// being held in memory and reported to `tooLong` with its offset, length and number.
  /// Returns false when reading failed.
  mutating func scan<E: Error>(
    _ line: (UnsafeBufferPointer<UInt8>, Int64, Int) throws(E) -> Void,
    tooLong: (Int64, Int64, Int) throws(E) -> Void
  ) throws(E) -> Bool {
    var buffer = [UInt8](repeating: 0, count: LineScanner.chunk)
    var carried = 0
    var position = end
    while true {
      let n = buffer.withUnsafeMutableBytes { raw in
        FileIO.read(
          fd, into: UnsafeMutableRawBufferPointer(rebasing: raw[carried...]),
          at: position + Int64(carried))
      }
      if n < 0 { return false }
      let filled = carried + n
      var consumed = 0
      try buffer.withUnsafeBufferPointer { (bytes) throws(E) in
        var start = 0
        while let newline = LineScanner.newline(in: bytes, from: start, to: filled) {
          // Counted only once handled: a line that stops the scan is not consumed.
          try line(
            UnsafeBufferPointer(rebasing: bytes[start..<newline]), position + Int64(start),
            lines + 1)
          lines += 1
          end = position + Int64(newline + 1)
          start = newline + 1
        }
        consumed = start
      }
      let rest = filled - consumed
      if n < buffer.count - carried {
        // A short read: the end of the file.
        tornBytes = rest
        return true
      }
      if consumed == 0 && buffer.count >= LineScanner.maxLine {
        guard let newline = skipLine(from: position) else {
          tornBytes = Int(
            min(Int64(Int.max), (FileIO.identity(fd: fd)?.size ?? position) - position))
          return true
        }
        try tooLong(position, newline - position, lines + 1)
        lines += 1
        end = newline + 1
        position = end
        carried = 0
        continue
      }
      if consumed == 0 {
        // One line fills the whole buffer: make room for the rest of it.
        buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count))
      } else {
        buffer.withUnsafeMutableBytes { raw in
          raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[consumed..<filled]))
        }
      }
      position += Int64(consumed)
      carried = rest
    }
  }

  /// The offset of the next newline at or after `start`, reading in chunks; nil at the end.
  private func skipLine(from start: Int64) -> Int64? {
    var chunk = [UInt8](repeating: 0, count: LineScanner.chunk)
    var position = start
    while true {
      let n = chunk.withUnsafeMutableBytes { FileIO.read(fd, into: $0, at: position) }
      guard n > 0 else { return nil }
      if let hit = chunk.withUnsafeBufferPointer({ LineScanner.newline(in: $0, from: 0, to: n) }) {
        return position + Int64(hit)
      }
      position += Int64(n)
    }
  }

  private static func newline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
    -> Int?
  {
    guard start < end else { return nil }
    if let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, end - start) {
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
    return nil
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
