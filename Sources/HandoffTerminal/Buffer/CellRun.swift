#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Comparing runs of cells a row at a time, for the renderer's diff and the scroll
/// detector: the whole run's bytes at once first, then cell by cell only where they
/// differ.
enum CellRun {
  /// Whether `count` cells from `start` in `a` are exactly, bit for bit, those from
  /// `otherStart` in `b`. True means equal; false means "look cell by cell" (two equal
  /// cells may differ in padding bytes).
  static func identical(
    _ a: UnsafeBufferPointer<Cell>, _ start: Int, _ b: UnsafeBufferPointer<Cell>,
    _ otherStart: Int, count: Int
  ) -> Bool {
    guard count > 0, let left = a.baseAddress, let right = b.baseAddress else { return true }
    return memcmp(left + start, right + otherStart, count * MemoryLayout<Cell>.stride) == 0
  }
}
