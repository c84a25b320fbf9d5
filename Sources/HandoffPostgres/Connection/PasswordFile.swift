import HandoffSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// libpq's password file (`~/.pgpass` or `PGPASSFILE`): lines of
/// `hostname:port:database:username:password`, the first matching line wins, `*` matches
/// anything, `\` escapes `:` and `\`, and lines starting with `#` are comments. A file
/// that group or others may read is ignored, as libpq ignores it.
package enum PasswordFile {
  /// What looking up a password found.
  package enum Lookup: Sendable, Equatable {
    case found(String)
    /// No file, or no line for this connection.
    case notFound
    /// The file exists but was not read; why, as libpq words it.
    case ignored(String)
  }

  /// The password for a connection. For a Unix socket, `host` is the socket's folder,
  /// and `localhost` in the file matches a local server's usual folders too.
  package static func lookup(
    path: String, host: ConnectionOptions.Host, port: Int, database: String, user: String
  ) -> Lookup {
    guard let status = FileStatus.of(path: path) else { return .notFound }
    guard status.mode & UInt32(S_IFMT) == UInt32(S_IFREG) else {
      return .ignored("password file \"\(path)\" is not a plain file")
    }
    guard status.mode & 0o077 == 0 else {
      return .ignored(
        "password file \"\(path)\" has group or world access; permissions should be u=rw (0600) or less"
      )
    }
    guard let fd = try? FileDescriptor.open(path, O_RDONLY) else { return .notFound }
    defer { fd.close() }
    guard let bytes = try? fd.read(from: 0, to: status.size) else { return .notFound }
    let hostName: String
    switch host {
    case .tcp(let name): hostName = name
    case .local: hostName = "localhost"
    case .socketDirectory(let folder):
      hostName = ConnectionOptions.localSocketDirectories.contains(folder) ? "localhost" : folder
    }
    let text = String(decoding: bytes, as: UTF8.self)
    return password(in: text, host: hostName, port: String(port), database: database, user: user)
      .map(Lookup.found) ?? .notFound
  }

  /// The password of the first line of `text` that matches; nil when none does.
  package static func password(
    in text: String, host: String, port: String, database: String, user: String
  ) -> String? {
    // "\r\n" is one Character in Swift: split at both endings.
    for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      var line = rawLine
      if line.last == "\r" { line.removeLast() }
      if line.isEmpty || line.first == "#" { continue }
      let fields = split(line)
      guard fields.count >= 5 else { continue }
      let wanted = [host, port, database, user]
      guard zip(fields.prefix(4), wanted).allSatisfy({ $0.matches($1) }) else { continue }
      return fields[4].value
    }
    return nil
  }

  /// A field of a line: its de-escaped value, and whether it was the lone `*`.
  private struct Field {
    var value: String
    var isWildcard: Bool

    func matches(_ wanted: String) -> Bool { isWildcard || value == wanted }
  }

  /// Splits a line at unescaped colons, de-escaping each field; the fifth field (the
  /// password) ends at the next unescaped colon, as in libpq.
  private static func split(_ line: Substring) -> [Field] {
    var fields: [Field] = []
    var current = ""
    var escapedAny = false
    var characters = line.makeIterator()
    while let character = characters.next() {
      if character == "\\", let next = characters.next() {
        current.append(next)
        escapedAny = true
      } else if character == ":" {
        fields.append(Field(value: current, isWildcard: current == "*" && !escapedAny))
        current = ""
        escapedAny = false
        if fields.count == 5 { return fields }
      } else {
        current.append(character)
      }
    }
    fields.append(Field(value: current, isWildcard: current == "*" && !escapedAny))
    return fields
  }
}
