#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension FileDescriptor {
  /// Whether the descriptor is a terminal (not a file, a pipe or a socket).
  package var isTerminal: Bool { isatty(rawValue) == 1 }
}
