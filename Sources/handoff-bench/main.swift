// handoff-bench: measures every user-visible cost of Handoff on generated stores and
// reports each figure against its budget (docs/PERFORMANCE.md).
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

exit(BenchMain.run(Array(CommandLine.arguments.dropFirst())))
