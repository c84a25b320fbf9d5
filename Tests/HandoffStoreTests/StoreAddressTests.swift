import HandoffStore
import TestSupport
import Testing

/// `--store` and `HANDOFF_STORE` name a path or a URL; an unknown kind of store is one
/// clear line, and a password never shows.
@Suite struct StoreAddressTests {
  @Test("paths are files, SCHEME:// is a URL, file:// is a path")
  func parsing() {
    #expect(StoreAddress("/var/lib/handoff/store.jsonl") == .file("/var/lib/handoff/store.jsonl"))
    #expect(StoreAddress("store.jsonl") == .file("store.jsonl"))
    #expect(StoreAddress("./odd://name.jsonl") == .file("./odd://name.jsonl"))
    #expect(StoreAddress("file:///tmp/x.jsonl") == .file("/tmp/x.jsonl"))
    #expect(
      StoreAddress("Postgres://ana@db/handoff")
        == .url(scheme: "postgres", "Postgres://ana@db/handoff"))
    #expect(StoreAddress("1x://y") == .file("1x://y"))
  }

  @Test("a password in a URL is never shown")
  func redacted() {
    #expect(
      StoreAddress("postgres://ana:s3cret@db:5432/handoff?x=1").displayName
        == "postgres://ana:***@db:5432/handoff?x=1")
    #expect(StoreAddress("postgres://ana@db/handoff").displayName == "postgres://ana@db/handoff")
    #expect(StoreAddress("/a:b@c").displayName == "/a:b@c")
  }

  @Test("an unknown kind of store is refused in one line that says what works")
  func unknownScheme() {
    let error = StoreAddress("mysql://root:pw@db/x").unknownScheme(known: [])
    #expect(
      error.description
        == "store mysql://root:***@db/x: Handoff knows no store of kind 'mysql'; use a file path")
  }

  @Test(
    "the command line refuses an unknown store with that line, exit 2 (a bad value for --store)")
  func commandLine() {
    let folder = TemporaryDirectory("handoff-address")
    let result = runHandoff(
      ["list", "--store", "mysql://root:pw@db/x"],
      environment: ["HOME": folder.path, "PATH": "/usr/bin:/bin", "HANDOFF_USER": "ana"])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "handoff: store mysql://root:***@db/x: Handoff knows no store of kind 'mysql'; use a file path or postgres://…\n"
    )
  }
}
