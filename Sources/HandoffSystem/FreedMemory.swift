#if canImport(Glibc)
  import Glibc
#endif

/// Memory the process has freed but the allocator still holds.
package enum FreedMemory {
  /// Gives the free memory the allocator keeps back to the system, so a long-running
  /// process's resident size falls again after a passing peak (glibc keeps it
  /// otherwise: a dashboard whose helper thread held a second state of 100,000 leads
  /// for a few seconds stayed at 186 MB instead of about 100). Nothing where the
  /// allocator returns it by itself (macOS), or has no such call (another libc).
  package static func returnToSystem() {
    #if canImport(Glibc)
      // glibc's `malloc_trim`, which the Glibc module does not declare; looked up once.
      _ = trim?(0)
    #endif
  }

  #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    private static let trim: Trim? = dlsym(nil, "malloc_trim").map {
      unsafeBitCast($0, to: Trim.self)
    }
  #endif
}
