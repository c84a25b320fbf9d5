import Foundation
import Testing

/// Exit codes are one rule (2: a value or word of the command line has the wrong form;
/// 1: the model or store refuses in the state it is in) and with `--json` an error is
/// one JSON object on standard error with the same exit code.
struct CLIExitCodeTests {
  @Test("a bad value for an option is bad usage, exit 2")
  func badValuesAreUsage() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    f.fails(2, "sla '4x' is not valid", "settings", "sla", "4x")
    f.fails(2, "currency", "settings", "currency", "euros")
    f.fails(2, "--theme: no theme 'nope'", "snapshot", "--theme", "nope")
    f.fails(2, "handle 'Bad Handle' is not valid", "assign", id, "Bad Handle")
    f.fails(2, "handle 'A B' is not valid", "list", "--owner", "A B")
    f.fails(2, "handle 'A B' is not valid", "team", "remove", "A B")
    f.fails(2, "user 'a b' is not valid", "--user", "a b", "note", id, "x")
    let mysql = runHandoffHere(["list", "--store", "mysql://db/x"], f.environment)
    #expect(mysql.status == 2 && mysql.stderr.contains("knows no store of kind 'mysql'"))
  }

  @Test("a refusal by the model or the store is exit 1")
  func refusalsAreFailures() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    f.fails(1, "cannot move from new to won", "move", id, "won")
    f.fails(1, "no team member 'zoe'", "assign", id, "zoe")
    f.fails(1, "no lead 999", "show", "999")
    f.fails(1, "'sam' is already on the team", "team", "add", "sam", "--dept", "sales")
    f.ok("settings", "sla", "2h")
    f.fails(1, "nothing changed: sla is already 2h", "settings", "sla", "2h")
  }

  @Test("with --json an error is one JSON object on stderr, and the exit code is the same")
  func jsonErrors() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    for (args, status, message) in [
      (["lsit", "--json"], 2, "unknown command 'lsit' (did you mean 'list'?)"),
      (["--json", "show", "999"], 1, "no lead 999"),
      (["move", id, "won", "--json"], 1, "cannot move from new to won"),
      (["--json", "--if-version", "x", "move", id, "mql"], 2, "--if-version 'x' is not valid"),
      (["settings", "sla", "4x", "--json"], 2, "sla '4x' is not valid"),
      (["team", "add", "Bad Handle", "--dept", "sales", "--json"], 2, "handle 'Bad Handle'"),
    ] {
      let r = f.run(args)
      #expect(r.status == Int32(status), "\(args): \(r.stderr)")
      #expect(r.stdout.isEmpty, "\(args)")
      #expect(r.stderr.hasSuffix("}\n") && r.stderr.filter { $0 == "\n" }.count == 1, "\(r.stderr)")
      let object = f.json(r.stderr) as? [String: Any]
      #expect(object?.count == 2, "\(args): \(r.stderr)")
      #expect((object?["error"] as? String)?.contains(message) == true, "\(args): \(r.stderr)")
      #expect(object?["exit"] as? Int == status, "\(args): \(r.stderr)")
    }
    // After --, --json is a word, not the option: the error is a line.
    let literal = runHandoffHere(
      ["--store", f.store, "note", id, "--", "--json", "\u{7}"], f.environment)
    #expect(literal.status == 2 && literal.stderr.hasPrefix("handoff: "), "\(literal.stderr)")
  }
}
