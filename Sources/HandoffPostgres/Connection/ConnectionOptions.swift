#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where and as whom to connect: a `postgres://` or `postgresql://` URL read the way
/// libpq reads it, with libpq's environment variables (`PGHOST`, `PGPORT`, `PGUSER`,
/// `PGDATABASE`, `PGPASSWORD`, `PGPASSFILE`, `PGSSLMODE`, `PGAPPNAME`,
/// `PGCONNECT_TIMEOUT`) for what the URL leaves out.
///
///     postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?PARAMETER=VALUE&…]
///     postgres://sam@/handoff?host=/run/postgresql      (a Unix socket's folder)
///
/// Every part may be percent-encoded. TLS is not spoken: `sslmode=require`,
/// `verify-ca` and `verify-full` are refused for TCP rather than connecting in the clear
/// (libpq itself never uses TLS over a Unix socket, so there they are accepted).
package struct ConnectionOptions: Sendable, Equatable {
  /// Where the server listens.
  package enum Host: Sendable, Equatable {
    /// A host name or numeric address, over TCP.
    case tcp(String)
    /// The folder holding the server's Unix socket (`.s.PGSQL.PORT`).
    case socketDirectory(String)
    /// Nothing named: the local server's socket in a usual folder, else TCP to localhost.
    case local
  }

  package var host: Host
  package var port: Int
  package var user: String
  package var database: String
  /// The password from the URL or `PGPASSWORD`; the password file is read only when the
  /// server asks for one and none was given.
  package var password: String?
  /// Where `password` came from, for messages: "the URL" or "PGPASSWORD".
  package var passwordSource: String?
  /// The password file to look in (`PGPASSFILE`, else `~/.pgpass`).
  package var passwordFile: String?
  package var sslMode: String
  package var applicationName: String
  /// How long to wait for the server to accept and sign in; nil waits as long as the
  /// system does.
  package var connectTimeout: Duration?

  /// The folders a local server's socket is looked for in, in order (Debian's, then
  /// PostgreSQL's own default).
  package static let localSocketDirectories = ["/var/run/postgresql", "/run/postgresql", "/tmp"]
  /// The parameters a URL may carry.
  package static let parameterNames = [
    "host", "port", "dbname", "user", "password", "passfile", "sslmode", "application_name",
    "connect_timeout",
  ]

  /// Whether `text` is a PostgreSQL URL rather than a path.
  package static func isURL(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
  }

  /// Reads a URL; `environment` gives the defaults (pass the process's environment).
  package init(url: String, environment: [String: String]) throws(PostgresError) {
    let parts = try URLParts(url)
    func setting(_ name: String, _ variable: String) -> String? {
      if let value = parts.parameters[name], !value.isEmpty { return value }
      if let value = environment[variable], !value.isEmpty { return value }
      return nil
    }

    let hostText = parts.parameters["host"] ?? parts.host ?? environment["PGHOST"] ?? ""
    if hostText.contains(",") {
      throw PostgresError(.invalidURL("several hosts in one URL are not supported"))
    }
    if hostText.isEmpty {
      host = .local
    } else if hostText.hasPrefix("/") {
      host = .socketDirectory(hostText)
    } else {
      host = .tcp(hostText)
    }

    let portText = parts.parameters["port"] ?? parts.port ?? environment["PGPORT"] ?? ""
    if portText.isEmpty {
      port = 5432
    } else {
      guard portText.allSatisfy(\.isASCIIDigit), let number = Int(portText),
        (1...65535).contains(number)
      else {
        throw PostgresError(.invalidURL("port \"\(portText)\" is not a number from 1 to 65535"))
      }
      port = number
    }

    func nonEmpty(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }
    guard
      let user = nonEmpty(parts.parameters["user"] ?? parts.user)
        ?? nonEmpty(environment["PGUSER"]) ?? Self.systemUserName()
    else { throw PostgresError(.invalidURL("no user name, and the system's is unknown")) }
    self.user = user
    database =
      nonEmpty(parts.parameters["dbname"] ?? parts.database)
      ?? nonEmpty(environment["PGDATABASE"]) ?? user

    if let given = parts.parameters["password"] ?? parts.password, !given.isEmpty {
      password = given
      passwordSource = "the URL"
    } else if let given = environment["PGPASSWORD"], !given.isEmpty {
      password = given
      passwordSource = "PGPASSWORD"
    }
    passwordFile =
      setting("passfile", "PGPASSFILE")
      ?? Self.homeDirectory(environment).map {
        $0 + "/.pgpass"
      }

    sslMode = setting("sslmode", "PGSSLMODE") ?? "prefer"
    guard Self.sslModes.contains(sslMode) else {
      throw PostgresError(
        .invalidURL(
          "sslmode \"\(sslMode)\" is not one of \(Self.sslModes.joined(separator: ", "))"))
    }
    applicationName = setting("application_name", "PGAPPNAME") ?? "handoff"

    if let text = setting("connect_timeout", "PGCONNECT_TIMEOUT") {
      guard let seconds = Int(text), seconds >= 0 else {
        throw PostgresError(.invalidURL("connect_timeout \"\(text)\" is not a number of seconds"))
      }
      // As libpq: 0 waits for ever, and less than 2 s is taken as 2.
      connectTimeout = seconds == 0 ? nil : .seconds(max(2, seconds))
    } else {
      connectTimeout = .seconds(10)
    }

    if case .tcp = host { try refuseTLS() }
  }

  /// The modes libpq knows.
  private static let sslModes = [
    "disable", "allow", "prefer", "require", "verify-ca", "verify-full",
  ]

  /// Refuses an `sslmode` that demands TLS: Handoff would otherwise send the password
  /// and the pipeline in the clear to a server the user meant to reach encrypted.
  func refuseTLS() throws(PostgresError) {
    guard ["require", "verify-ca", "verify-full"].contains(sslMode) else { return }
    throw PostgresError(
      .unsupported(
        "sslmode=\(sslMode) asks for TLS, which Handoff does not speak: reach the server "
          + "through an SSH tunnel (ssh -N -L 5432:localhost:5432 HOST, then "
          + "postgres://…@localhost/…?sslmode=disable) or its Unix socket (see docs/POSTGRES.md)"
      ))
  }

  /// The URL without its password, for status lines and messages.
  package var redacted: String {
    var text = "postgres://\(percentEncoded(user))@"
    var query: [String] = []
    switch host {
    case .tcp(let name):
      text += name.contains(":") ? "[\(name)]" : percentEncoded(name)
      if port != 5432 { text += ":\(port)" }
    case .socketDirectory(let folder):
      query.append("host=\(percentEncoded(folder, keepingSlashes: true))")
      if port != 5432 { query.append("port=\(port)") }
    case .local:
      if port != 5432 { query.append("port=\(port)") }
    }
    text += "/\(percentEncoded(database))"
    return query.isEmpty ? text : text + "?" + query.joined(separator: "&")
  }

  private static func systemUserName() -> String? {
    guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
    return String(cString: name)
  }

  private static func homeDirectory(_ environment: [String: String]) -> String? {
    if let home = environment["HOME"], !home.isEmpty { return home }
    guard let entry = getpwuid(geteuid()), let directory = entry.pointee.pw_dir else {
      return nil
    }
    return String(cString: directory)
  }
}

/// The pieces of a connection URL, percent-decoded.
private struct URLParts {
  var user: String?
  var password: String?
  var host: String?
  var port: String?
  var database: String?
  var parameters: [String: String] = [:]

  init(_ url: String) throws(PostgresError) {
    guard let schemeEnd = url.range(of: "://"), ConnectionOptions.isURL(url) else {
      throw PostgresError(.invalidURL("it must start with postgres:// or postgresql://"))
    }
    var rest = Substring(url[schemeEnd.upperBound...])
    if let question = rest.firstIndex(of: "?") {
      for pair in rest[rest.index(after: question)...].split(separator: "&") {
        guard let equals = pair.firstIndex(of: "=") else {
          throw PostgresError(.invalidURL("parameter \"\(pair)\" has no value"))
        }
        let name = try decode(pair[..<equals])
        guard ConnectionOptions.parameterNames.contains(name) else {
          throw PostgresError(
            .invalidURL(
              "unknown parameter \"\(name)\" (known: "
                + ConnectionOptions.parameterNames.joined(separator: ", ") + ")"))
        }
        parameters[name] = try decode(pair[pair.index(after: equals)...])
      }
      rest = rest[..<question]
    }
    if let slash = rest.firstIndex(of: "/") {
      database = try decode(rest[rest.index(after: slash)...])
      rest = rest[..<slash]
    }
    if let at = rest.lastIndex(of: "@") {
      let userInfo = rest[..<at]
      if let colon = userInfo.firstIndex(of: ":") {
        user = try decode(userInfo[..<colon])
        password = try decode(userInfo[userInfo.index(after: colon)...])
      } else {
        user = try decode(userInfo)
      }
      rest = rest[rest.index(after: at)...]
    }
    if rest.hasPrefix("[") {
      guard let close = rest.firstIndex(of: "]") else {
        throw PostgresError(.invalidURL("an IPv6 address opened with [ is not closed"))
      }
      host = try decode(rest[rest.index(after: rest.startIndex)..<close])
      let after = rest[rest.index(after: close)...]
      if after.hasPrefix(":") {
        port = String(after.dropFirst())
      } else if !after.isEmpty {
        throw PostgresError(.invalidURL("unexpected \"\(after)\" after the IPv6 address"))
      }
    } else if let colon = rest.lastIndex(of: ":") {
      host = try decode(rest[..<colon])
      port = try decode(rest[rest.index(after: colon)...])
    } else if !rest.isEmpty {
      host = try decode(rest)
    }
  }
}

/// Percent-decodes a part of a URL; the bytes must be UTF-8 without a zero byte.
private func decode(_ part: Substring) throws(PostgresError) -> String {
  var bytes: [UInt8] = []
  var utf8 = part.utf8.makeIterator()
  while let byte = utf8.next() {
    guard byte == UInt8(ascii: "%") else {
      bytes.append(byte)
      continue
    }
    guard let high = utf8.next().flatMap(hexValue), let low = utf8.next().flatMap(hexValue) else {
      throw PostgresError(.invalidURL("\"\(part)\" has a % not followed by two hexadecimal digits"))
    }
    bytes.append(high << 4 | low)
  }
  guard !bytes.contains(0) else { throw PostgresError(.invalidURL("\"\(part)\" holds %00")) }
  guard let text = String(validating: bytes, as: UTF8.self) else {
    throw PostgresError(.invalidURL("\"\(part)\" is not UTF-8 once decoded"))
  }
  return text
}

/// Percent-encodes all but letters, digits and `-._~` (and `/` in a path).
private func percentEncoded(_ text: String, keepingSlashes: Bool = false) -> String {
  let digits = Array("0123456789ABCDEF".utf8)
  var result: [UInt8] = []
  for byte in text.utf8 {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
      UInt8(ascii: "_"), UInt8(ascii: "~"):
      result.append(byte)
    case UInt8(ascii: "/") where keepingSlashes:
      result.append(byte)
    default:
      result += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
  }
  return String(decoding: result, as: UTF8.self)
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
