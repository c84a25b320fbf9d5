#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `poll` waits for on a descriptor, and what it found.
package struct PollEvents: OptionSet, Hashable, Sendable {
  package var rawValue: Int16

  package init(rawValue: Int16) { self.rawValue = rawValue }

  /// There are bytes to read (or the end of input).
  package static let readable = PollEvents(rawValue: Int16(POLLIN))
  /// A write would not wait.
  package static let writable = PollEvents(rawValue: Int16(POLLOUT))
  /// The other end went away (reported whether asked for or not).
  package static let hungUp = PollEvents(rawValue: Int16(POLLHUP))
  /// An error on the descriptor (reported whether asked for or not).
  package static let error = PollEvents(rawValue: Int16(POLLERR))
  /// The descriptor is not open (reported whether asked for or not).
  package static let invalid = PollEvents(rawValue: Int16(POLLNVAL))
}

/// One descriptor for `FileDescriptor.poll`: what to wait for, and what was found.
package struct PollEntry: Hashable, Sendable {
  package var descriptor: FileDescriptor
  package var events: PollEvents
  /// Filled in by `poll`.
  package var found: PollEvents = []

  package init(_ descriptor: FileDescriptor, events: PollEvents = .readable) {
    self.descriptor = descriptor
    self.events = events
  }
}

extension FileDescriptor {
  /// Waits until one of the entries is ready or `timeout` passes (nil: no timeout;
  /// negative counts as zero), and fills in what each entry found. Returns how many
  /// are ready, 0 on timeout. A signal that interrupts the wait returns 0 at once, so
  /// the caller sees what its handler did (a byte in a self-pipe, say) without delay.
  @discardableResult
  package static func poll(_ entries: inout [PollEntry], timeout: Duration?) throws(Errno) -> Int {
    var raw = entries.map {
      pollfd(fd: $0.descriptor.rawValue, events: $0.events.rawValue, revents: 0)
    }
    let ready = systemPoll(&raw, nfds_t(raw.count), timeout.map(milliseconds) ?? -1)
    if ready < 0 {
      let code = Errno.current
      if code == .interrupted {
        for index in entries.indices { entries[index].found = [] }
        return 0
      }
      throw code
    }
    for index in entries.indices { entries[index].found = PollEvents(rawValue: raw[index].revents) }
    return Int(ready)
  }
}

/// A duration as poll's whole milliseconds, rounded up so a wait never ends early;
/// capped at a day (poll takes an Int32).
private func milliseconds(_ duration: Duration) -> Int32 {
  guard duration > .zero else { return 0 }
  let (seconds, attoseconds) = duration.components
  let whole = min(seconds, 86_400)
  let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
  return Int32(whole * 1000 + fraction)
}

private func systemPoll(_ entries: inout [pollfd], _ count: nfds_t, _ timeout: Int32) -> Int32 {
  #if canImport(Glibc)
    return Glibc.poll(&entries, count, timeout)
  #else
    return Darwin.poll(&entries, count, timeout)
  #endif
}
