import Foundation
import TestSupport
import Testing

/// A store in its own temporary folder and the built `handoff` run against it as a
/// separate process, as a user would.
final class CLIFixture {
  let folder = TemporaryDirectory("handoff-cli")
  var store: String { folder.file("store.jsonl") }
  var user = "maria"

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The environment the process sees: the user, a home inside the folder, a path.
  var environment: [String: String] {
    [
      "HANDOFF_USER": user, "HOME": folder.path,
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
  }

  /// Runs `handoff ARGS --store STORE`.
  @discardableResult
  func run(_ args: String..., stdin: String? = nil) -> Result {
    run(args, stdin: stdin)
  }

  @discardableResult
  func run(_ args: [String], stdin: String? = nil) -> Result {
    let r = runHandoff(args + ["--store", store], environment: environment, stdin: stdin)
    return Result(status: r.status, stdout: r.stdout, stderr: r.stderr)
  }

  /// Runs a command that must succeed; returns its output.
  @discardableResult
  func ok(_ args: String..., sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let r = run(args)
    #expect(
      r.status == 0, "handoff \(args.joined(separator: " ")): \(r.stderr)",
      sourceLocation: sourceLocation)
    #expect(r.stderr.isEmpty, sourceLocation: sourceLocation)
    return r.stdout
  }

  /// Runs a command that must fail with `status` and one line on stderr mentioning
  /// `message`, writing nothing to stdout and nothing to the store.
  func fails(
    _ status: Int32, _ message: String, _ args: String...,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let before = try? Data(contentsOf: URL(fileURLWithPath: store))
    let r = run(args)
    #expect(
      r.status == status, "handoff \(args.joined(separator: " ")): \(r.stderr)",
      sourceLocation: sourceLocation)
    #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
    #expect(r.stderr.hasPrefix("handoff: "), sourceLocation: sourceLocation)
    #expect(r.stderr.contains(message), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
    #expect(
      r.stderr.filter { $0 == "\n" }.count == 1, "not one line: \(r.stderr)",
      sourceLocation: sourceLocation)
    let after = try? Data(contentsOf: URL(fileURLWithPath: store))
    #expect(before == after, "the store changed", sourceLocation: sourceLocation)
  }

  /// A small team: two marketers, two sales reps.
  func addTeam() {
    ok("team", "add", "maria", "--dept", "marketing", "--name", "Maria García")
    ok("team", "add", "liam", "--dept", "marketing")
    ok("team", "add", "sam", "--dept", "sales", "--name", "Sam Okafor")
    ok("team", "add", "olivia", "--dept", "sales", "--capacity", "5")
  }

  /// Adds a lead and returns its id.
  func addLead(_ name: String = "Ada Costa", owner: String? = "maria") -> String {
    var args = [
      "add", "--name", name, "--company", "Acme Labs", "--source", "webinar", "--value", "12k",
    ]
    if let owner { args += ["--owner", owner] }
    let r = run(args)
    #expect(r.status == 0, "add: \(r.stderr)")
    return r.stdout.trimmingCharacters(in: .newlines)
  }

  /// Appends an event line as a version before the rule against control characters
  /// could have written it (`body`: the keys after `seq`, `at` and `actor`, JSON-escaped).
  func appendLegacy(_ body: String, actor: String = "maria") {
    let text = (try? String(contentsOfFile: store, encoding: .utf8)) ?? ""
    let seq = text.split(separator: "\n").count + 1
    let line =
      "{\"seq\":\(seq),\"at\":\"2026-11-20T09:00:00.000Z\",\"actor\":\"\(actor)\",\(body)}\n"
    let handle = FileHandle(forWritingAtPath: store)
    handle?.seekToEndOfFile()
    handle?.write(Data(line.utf8))
    try? handle?.close()
  }

  /// Parses JSON output.
  func json(_ text: String) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
  }

  /// The stage a lead is in, read through `show --json`.
  func stage(_ id: String) -> String? {
    (json(ok("show", id, "--json")) as? [String: Any])?["stage"] as? String
  }
}
