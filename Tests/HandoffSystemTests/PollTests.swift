import HandoffSystem
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct PollTests {
  @Test("poll says which descriptor is readable, times out on none, and sees a hang-up")
  func readableTimeoutHangUp() throws {
    let first = try FileDescriptor.pipe()
    let second = try FileDescriptor.pipe()
    defer {
      first.readEnd.close()
      second.close()
    }
    var entries = [PollEntry(first.readEnd), PollEntry(second.readEnd)]
    #expect(try FileDescriptor.poll(&entries, timeout: .zero) == 0)
    #expect(entries.allSatisfy { $0.found.isEmpty })
    try second.writeEnd.writeAll("x")
    #expect(try FileDescriptor.poll(&entries, timeout: .seconds(10)) == 1)
    #expect(entries[0].found.isEmpty && entries[1].found == .readable)
    first.writeEnd.close()
    #expect(try FileDescriptor.poll(&entries, timeout: .seconds(10)) == 2)
    #expect(entries[0].found.contains(.hungUp))
  }

  @Test("a descriptor that is not open is reported invalid, not waited on")
  func invalid() throws {
    // Not a closed one: a parallel test could be given its number again at once.
    var entries = [PollEntry(FileDescriptor(rawValue: .max))]
    #expect(try FileDescriptor.poll(&entries, timeout: .seconds(10)) == 1)
    #expect(entries[0].found == .invalid)
  }

  @Test("a pipe is close-on-exec; non-blocking when asked, so an empty read says would-block")
  func pipeFlags() throws {
    let blocking = try FileDescriptor.pipe()
    let nonBlocking = try FileDescriptor.pipe(nonBlocking: true)
    defer {
      blocking.close()
      nonBlocking.close()
    }
    for end in [blocking.readEnd, blocking.writeEnd, nonBlocking.readEnd, nonBlocking.writeEnd] {
      #expect(fcntl(end.rawValue, F_GETFD) & FD_CLOEXEC != 0)
    }
    #expect(fcntl(blocking.readEnd.rawValue, F_GETFL) & O_NONBLOCK == 0)
    var buffer = [UInt8](repeating: 0, count: 8)
    #expect(throws: Errno.wouldBlock) {
      try buffer.withUnsafeMutableBytes { try nonBlocking.readEnd.read(into: $0) }
    }
  }

  @Test("the monotonic clock never goes backwards")
  func monotonic() {
    let first = MonotonicClock.now()
    let second = MonotonicClock.now()
    #expect(second >= first && first > 0)
  }
}
