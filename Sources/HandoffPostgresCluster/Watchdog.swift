#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// A shell that waits for the end of a pipe whose writing end only this process holds
/// (close-on-exec, so no child inherits it): when this process ends, however it ends,
/// the shell stops the cluster and removes its folder.
struct Watchdog {
  /// The writing end; closing it (or exiting) sets the watchdog off.
  let pipe: CInt

  /// Starts the watchdog; `dataDirectory` names a server to stop first, if any.
  init(binaries: PostgresBinaries, folder: String, dataDirectory: String?) throws(ClusterError) {
    var ends: [CInt] = [0, 0]
    guard systemPipe(&ends) else { throw ClusterError("cannot make the watchdog's pipe") }
    _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
    defer { close(ends[0]) }
    var script = "cat >/dev/null; "
    if let dataDirectory {
      let stop = binaries.asOwner([
        binaries.path("pg_ctl"), "-D", dataDirectory, "-m", "immediate", "-w", "stop",
      ])
      script += stop.map(shellQuoted).joined(separator: " ") + " >/dev/null 2>&1; "
    }
    script += "rm -rf \(shellQuoted(folder))"
    do throws(ClusterError) {
      _ = try ClusterCommand(arguments: ["/bin/sh", "-c", script], directory: "/", input: ends[0])
        .spawn()
    } catch {
      close(ends[1])
      throw error
    }
    pipe = ends[1]
  }
}

private func systemPipe(_ ends: inout [CInt]) -> Bool {
  #if canImport(Glibc)
    return Glibc.pipe(&ends) == 0
  #else
    return Darwin.pipe(&ends) == 0
  #endif
}
