import HandoffPostgres
import HandoffSystem
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// ~/.pgpass, read with libpq's rules.
@Suite struct PasswordFileTests {
  private func password(
    _ text: String, host: String = "db.example", port: String = "5432",
    database: String = "handoff", user: String = "sam"
  ) -> String? {
    PasswordFile.password(in: text, host: host, port: port, database: database, user: user)
  }

  @Test("the first matching line wins; * matches any value of a field")
  func matching() {
    let text = """
      other.example:5432:handoff:sam:wrong
      db.example:5432:handoff:sam:first
      db.example:5432:handoff:sam:second
      """
    #expect(password(text) == "first")
    #expect(password("*:*:*:*:any") == "any")
    #expect(password("db.example:*:handoff:*:some") == "some")
    #expect(password("db.example:5433:handoff:sam:x") == nil)
    #expect(password("db.example:5432:handoff:kim:x") == nil)
  }

  @Test("backslash escapes colons and backslashes; an escaped star is a literal star")
  func escapes() {
    #expect(password(#"db.example:5432:handoff:sam:pa\:ss\\word"#) == #"pa:ss\word"#)
    #expect(password(#"db.example:5432:a\:b:sam:pw"#, database: "a:b") == "pw")
    #expect(password(#"db.example:5432:\*:sam:pw"#) == nil)
    #expect(password(#"db.example:5432:\*:sam:pw"#, database: "*") == "pw")
    // The password ends at the next unescaped colon, as in libpq.
    #expect(password("db.example:5432:handoff:sam:pw:extra") == "pw")
  }

  @Test("comments, blank lines, CRLF endings and short lines are skipped")
  func skipped() {
    let text =
      "# db.example:5432:handoff:sam:commented\r\n\r\ndb.example:5432\r\n"
      + "db.example:5432:handoff:sam:real\r\n"
    #expect(password(text) == "real")
  }

  @Test("a file others may read is ignored with libpq's warning; a private one is used")
  func permissions() throws {
    let folder = TemporaryDirectory("handoff-pgpass")
    let path = folder.file("pgpass")
    let fd = try FileDescriptor.open(path, O_WRONLY | O_CREAT, mode: 0o600)
    try fd.writeAll("localhost:5432:handoff:sam:secret\n")
    fd.close()
    func lookup(_ host: ConnectionOptions.Host) -> PasswordFile.Lookup {
      PasswordFile.lookup(path: path, host: host, port: 5432, database: "handoff", user: "sam")
    }
    // localhost matches TCP to localhost and the local server's usual socket folders.
    #expect(lookup(.tcp("localhost")) == .found("secret"))
    #expect(lookup(.local) == .found("secret"))
    #expect(lookup(.socketDirectory("/var/run/postgresql")) == .found("secret"))
    #expect(lookup(.socketDirectory("/srv/sockets")) == .notFound)
    chmod(path, 0o640)
    #expect(
      lookup(.local)
        == .ignored(
          "password file \"\(path)\" has group or world access; permissions should be u=rw (0600) or less"
        ))
    #expect(
      PasswordFile.lookup(
        path: folder.path, host: .local, port: 5432, database: "handoff", user: "sam")
        == .ignored("password file \"\(folder.path)\" is not a plain file"))
    #expect(
      PasswordFile.lookup(
        path: folder.file("missing"), host: .local, port: 5432, database: "handoff", user: "sam")
        == .notFound)
  }
}
