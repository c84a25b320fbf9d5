#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file's bytes mapped read-only into memory (`mmap(2)`): read in place, with no copy,
/// however large. Unmapped by `close`; the bytes must not be used after it.
package struct MappedFile {
  /// The mapped bytes.
  package let bytes: UnsafeRawBufferPointer

  /// Maps the first `count` bytes of an open file (a private, read-only mapping).
  package init(_ fd: FileDescriptor, count: Int) throws(Errno) {
    guard count > 0 else {
      bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      return
    }
    guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd.rawValue, 0), base != MAP_FAILED
    else { throw .current }
    bytes = UnsafeRawBufferPointer(start: base, count: count)
  }

  /// Unmaps the bytes.
  package func close() {
    guard let base = bytes.baseAddress else { return }
    munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
  }
}
