#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a stream socket connects: a TCP address (IPv4 or IPv6) or a Unix-domain socket
/// file. Its description is what a user would type: `127.0.0.1:5432`, `[::1]:5432`,
/// `/run/postgresql/.s.PGSQL.5432`.
package struct SocketAddress: Hashable, Sendable, CustomStringConvertible {
  /// The `sockaddr` bytes, as the kernel takes them.
  let storage: [UInt8]
  let family: CInt
  package let description: String

  /// Whether it is a Unix-domain socket file (so TCP options do not apply).
  package var isUnix: Bool { family == AF_UNIX }

  /// The socket file at `path`; throws `ENAMETOOLONG` when the path does not fit a
  /// `sockaddr_un` (about 100 bytes).
  package static func unix(_ path: String) throws(Errno) -> SocketAddress {
    var address = sockaddr_un()
    let capacity = MemoryLayout.size(ofValue: address.sun_path)
    let utf8 = Array(path.utf8)
    guard !utf8.isEmpty, utf8.count < capacity else { throw Errno(rawValue: ENAMETOOLONG) }
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      raw.copyBytes(from: utf8)
      raw[utf8.count] = 0
    }
    let bytes = withUnsafeBytes(of: &address) { Array($0) }
    return SocketAddress(storage: bytes, family: AF_UNIX, description: path)
  }

  /// The addresses a host name or numeric address stands for, in the order the resolver
  /// prefers; throws the resolver's reason when there are none.
  package static func resolve(host: String, port: Int) throws(ResolutionError) -> [SocketAddress] {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = streamSocketType
    hints.ai_flags = AI_ADDRCONFIG
    var list: UnsafeMutablePointer<addrinfo>?
    let code = getaddrinfo(host, String(port), &hints, &list)
    guard code == 0, let first = list else {
      throw ResolutionError(host: host, reason: String(cString: gai_strerror(code)))
    }
    defer { freeaddrinfo(first) }
    var addresses: [SocketAddress] = []
    var cursor: UnsafeMutablePointer<addrinfo>? = first
    while let entry = cursor {
      let info = entry.pointee
      if let raw = info.ai_addr, info.ai_family == AF_INET || info.ai_family == AF_INET6 {
        let bytes = Array(UnsafeRawBufferPointer(start: raw, count: Int(info.ai_addrlen)))
        let address = SocketAddress(
          storage: bytes, family: info.ai_family,
          description: numericDescription(raw, length: info.ai_addrlen, family: info.ai_family))
        if !addresses.contains(address) { addresses.append(address) }
      }
      cursor = info.ai_next
    }
    guard !addresses.isEmpty else {
      throw ResolutionError(host: host, reason: "no IPv4 or IPv6 address")
    }
    return addresses
  }

  private static func numericDescription(
    _ address: UnsafePointer<sockaddr>, length: socklen_t, family: CInt
  ) -> String {
    var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
    var service = [CChar](repeating: 0, count: Int(NI_MAXSERV))
    let code = getnameinfo(
      address, length, &host, socklen_t(host.count), &service, socklen_t(service.count),
      NI_NUMERICHOST | NI_NUMERICSERV)
    guard code == 0 else { return "?" }
    let name = String(
      decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let port = String(
      decoding: service.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return family == AF_INET6 ? "[\(name)]:\(port)" : "\(name):\(port)"
  }
}

/// A host name the resolver could not turn into an address: "cannot resolve db.example:
/// Name or service not known".
package struct ResolutionError: Error, Hashable, Sendable, CustomStringConvertible {
  package var host: String
  package var reason: String

  package var description: String { "cannot resolve \(host): \(reason)" }
}

extension FileDescriptor {
  /// Connects a new stream socket to `address`, giving up after `timeout` (none: the
  /// system's own limit). The descriptor is non-blocking and close-on-exec; a TCP socket
  /// sends small writes at once and probes an idle peer (keep-alive), so a vanished
  /// server is noticed. Throws `Errno.timedOut` when the time runs out.
  package static func connect(to address: SocketAddress, timeout: Duration?) throws(Errno)
    -> FileDescriptor
  {
    let raw = socket(address.family, streamSocketType, 0)
    guard raw >= 0 else { throw Errno.current }
    let fd = FileDescriptor(rawValue: raw)
    do throws(Errno) {
      _ = try retrying { fcntl(raw, F_SETFD, FD_CLOEXEC) }
      try fd.setNonBlocking()
      #if canImport(Darwin)
        try fd.setOption(SOL_SOCKET, SO_NOSIGPIPE, 1)
      #endif
      if !address.isUnix {
        try fd.setOption(CInt(IPPROTO_TCP), TCP_NODELAY, 1)
        try fd.setOption(SOL_SOCKET, SO_KEEPALIVE, 1)
        // A peer that vanished (a network cut, a machine off) is noticed in about half a
        // minute rather than the system's default two hours: probed after 10 s of
        // silence, every 5 s, given up after 4 misses; unacknowledged data after 30 s.
        #if canImport(Glibc)
          try fd.setOption(CInt(IPPROTO_TCP), TCP_KEEPIDLE, 10)
          try fd.setOption(CInt(IPPROTO_TCP), TCP_KEEPINTVL, 5)
          try fd.setOption(CInt(IPPROTO_TCP), TCP_KEEPCNT, 4)
          try fd.setOption(CInt(IPPROTO_TCP), CInt(TCP_USER_TIMEOUT), 30_000)
        #else
          try fd.setOption(CInt(IPPROTO_TCP), TCP_KEEPALIVE, 10)
        #endif
      }
      let result = address.storage.withUnsafeBytes { bytes in
        systemConnect(
          raw, bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self),
          socklen_t(bytes.count))
      }
      if result != 0 {
        let code = Errno.current
        guard code.rawValue == EINPROGRESS || code == .interrupted || code.isWouldBlock else {
          throw code
        }
        try fd.finishConnecting(timeout: timeout)
      }
      return fd
    } catch {
      fd.close()
      throw error
    }
  }

  /// Waits for a non-blocking connect to complete and reports how it ended.
  private func finishConnecting(timeout: Duration?) throws(Errno) {
    guard try waitUntil(.writable, timeout: timeout) else { throw Errno.timedOut }
    var failure: CInt = 0
    var length = socklen_t(MemoryLayout<CInt>.size)
    _ = try retrying { getsockopt(rawValue, SOL_SOCKET, SO_ERROR, &failure, &length) }
    if failure != 0 { throw Errno(rawValue: failure) }
  }

  /// Sends every byte on a socket, never raising `SIGPIPE` when the peer has gone (the
  /// write fails with `EPIPE` instead).
  package func sendAll(_ bytes: [UInt8]) throws(Errno) {
    try bytes.withUnsafeBytes { raw in
      Result { () throws(Errno) in
        try writeLoop(raw) { systemSend(rawValue, $0, $1) }
      }
    }.get()
  }

  /// Waits until there is something to read (or the peer hung up): false when `timeout`
  /// passed first; none waits as long as it takes.
  package func waitUntilReadable(timeout: Duration?) throws(Errno) -> Bool {
    try waitUntil(.readable, timeout: timeout)
  }

  private func setOption(_ level: CInt, _ name: CInt, _ value: CInt) throws(Errno) {
    var value = value
    _ = try retrying {
      setsockopt(rawValue, level, name, &value, socklen_t(MemoryLayout<CInt>.size))
    }
  }

  /// Polls for `events`, through `EINTR`, until they come or `timeout` passes.
  private func waitUntil(_ events: PollEvents, timeout: Duration?) throws(Errno) -> Bool {
    let clock = ContinuousClock()
    let deadline = timeout.map { clock.now.advanced(by: $0) }
    while true {
      var left: Duration?
      if let deadline {
        left = clock.now.duration(to: deadline)
        if let left, left <= .zero { return false }
      }
      // An interrupted poll reports nothing ready: wait again for what is left.
      var entries = [PollEntry(self, events: events)]
      if try FileDescriptor.poll(&entries, timeout: left) > 0 { return true }
    }
  }
}

#if canImport(Glibc)
  private let streamSocketType = CInt(SOCK_STREAM.rawValue)
#else
  private let streamSocketType = SOCK_STREAM
#endif

private func systemConnect(_ fd: CInt, _ address: UnsafePointer<sockaddr>, _ length: socklen_t)
  -> CInt
{
  #if canImport(Glibc)
    return Glibc.connect(fd, address, length)
  #else
    return Darwin.connect(fd, address, length)
  #endif
}

private func systemSend(_ fd: CInt, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.send(fd, buffer, count, CInt(MSG_NOSIGNAL))
  #else
    return Darwin.send(fd, buffer, count, 0)
  #endif
}
