import HandoffSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

  private let fd: FileDescriptor
  /// Where reading stops even if the file goes on (an unfinished batch starts there).
  private let limit: Int64
  private static let chunk = 1 << 22
  /// The longest line the log may hold. Nothing the model writes comes near it (a
  /// snapshot of a lead with a thousand long notes is about 4 MB); a longer line is
  /// damage, and reading it whole would let one line take unbounded memory.
  static let maxLine = 1 << 24

  /// Why a scan stopped early: the file could not be read, or `line` threw.
  enum Failure<E: Error>: Error {
    case read(Errno)
    case line(E)
  }

  /// A scanner of the lines from `start`, reading no further than `limit`.
  init(fd: FileDescriptor, from start: Int64, to limit: Int64 = Int64.max) {
    self.fd = fd
    self.end = start
    self.limit = limit
  }

  /// Whether a line holds only spaces, tabs and carriage returns (skipped by readers).
  static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
  }

  /// Calls `line` with each complete line (without its newline), its offset and number
  /// (counted from 1 at the scanner's start), up to the file's current end. Stops at
  /// the first error `line` throws. A line longer than `maxLine` is skipped without
  /// being held in memory and reported to `tooLong` with its offset, length and number.
  mutating func scan<E: Error>(
    _ line: (UnsafeBufferPointer<UInt8>, Int64, Int) throws(E) -> Void,
    tooLong: (Int64, Int64, Int) throws(E) -> Void
  ) throws(Failure<E>) {
    var buffer = [UInt8](repeating: 0, count: LineScanner.chunk)
    var carried = 0
    var position = end
    while true {
      let n: Int
      do {
        n = try read(into: &buffer, from: carried, at: position + Int64(carried))
      } catch {
        throw .read(error)
      }
      let filled = carried + n
      var consumed = 0
      do throws(E) {
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
      } catch {
        throw .line(error)
      }
      let rest = filled - consumed
      if n < buffer.count - carried {
        // A short read: the end of the file (or of what may be read).
        tornBytes = rest
        return
      }
      if consumed == 0 && buffer.count >= LineScanner.maxLine {
        let skipped: Int64?
        do {
          skipped = try skipLine(from: position)
        } catch {
          throw .read(error)
        }
        guard let newline = skipped else {
          let size = (try? fd.status().size) ?? position
          tornBytes = Int(min(Int64(Int.max), min(size, limit) - position))
          return
        }
        do throws(E) {
          try tooLong(position, newline - position, lines + 1)
        } catch {
          throw .line(error)
        }
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

  /// Reads into `buffer[from...]` the file's bytes at `offset`, stopping at the limit.
  private func read(into buffer: inout [UInt8], from index: Int, at offset: Int64)
    throws(Errno) -> Int
  {
    let wanted = Int(max(0, min(Int64(buffer.count - index), limit - offset)))
    guard wanted > 0 else { return 0 }
    let result = buffer.withUnsafeMutableBytes { raw in
      Result { () throws(Errno) in
        try fd.read(
          into: UnsafeMutableRawBufferPointer(rebasing: raw[index..<(index + wanted)]), at: offset)
      }
    }
    return try result.get()
  }

  /// The offset of the next newline at or after `start`, reading in chunks; nil at the end.
  private func skipLine(from start: Int64) throws(Errno) -> Int64? {
    var chunk = [UInt8](repeating: 0, count: LineScanner.chunk)
    var position = start
    while true {
      let n = try read(into: &chunk, from: 0, at: position)
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
