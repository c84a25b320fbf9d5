import HandoffSystem
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct SocketTests {
  @Test("a Unix socket path too long for sockaddr_un is refused, not cut short")
  func longSocketPath() {
    #expect(throws: Errno(rawValue: ENAMETOOLONG)) {
      try SocketAddress.unix("/" + String(repeating: "x", count: 200))
    }
    #expect(
      (try? SocketAddress.unix("/run/postgresql/.s.PGSQL.5432"))?.description
        == "/run/postgresql/.s.PGSQL.5432")
  }

  @Test("numeric addresses resolve to themselves, written as a user would type them")
  func resolveNumeric() throws {
    #expect(
      try SocketAddress.resolve(host: "127.0.0.1", port: 5432).map(\.description) == [
        "127.0.0.1:5432"
      ])
  }

  @Test("a name that does not resolve is one line with the resolver's reason")
  func resolveFailure() {
    let error = #expect(throws: ResolutionError.self) {
      try SocketAddress.resolve(host: "no-such-host.invalid", port: 1)
    }
    #expect(error?.description.hasPrefix("cannot resolve no-such-host.invalid: ") == true)
  }

  @Test(
    "connecting where nothing listens is refused; a Unix socket connects and sends; a vanished peer is EPIPE, not SIGPIPE"
  )
  func connectAndSend() throws {
    let folder = TemporaryDirectory("handoff-socket")
    let path = folder.file("s")
    #expect(throws: Errno.noSuchFile) {
      try FileDescriptor.connect(to: SocketAddress.unix(path), timeout: .seconds(5))
    }
    // A listening Unix socket: connect, send, and read it on the other side.
    #if canImport(Glibc)
      let server = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let server = socket(AF_UNIX, SOCK_STREAM, 0)
    #endif
    defer { close(server) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      raw.copyBytes(from: Array(path.utf8) + [0])
    }
    let bound = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(server, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
      }
    }
    try #require(bound && listen(server, 1) == 0)
    let client = try FileDescriptor.connect(to: SocketAddress.unix(path), timeout: .seconds(5))
    defer { client.close() }
    let accepted = accept(server, nil, nil)
    try #require(accepted >= 0)
    try client.sendAll(Array("hello".utf8))
    var buffer = [UInt8](repeating: 0, count: 5)
    #expect(read(accepted, &buffer, 5) == 5)
    #expect(buffer == Array("hello".utf8))
    #expect(try !client.waitUntilReadable(timeout: .milliseconds(10)))
    close(accepted)
    #expect(try client.waitUntilReadable(timeout: .seconds(5)))
    // The peer is gone: writing fails with an error instead of killing the process.
    var failed = false
    for _ in 0..<100 where !failed {
      do { try client.sendAll([UInt8](repeating: 1, count: 65536)) } catch {
        failed = error == .brokenPipe || error == .connectionReset
      }
    }
    #expect(failed)
  }
}
