import Foundation
import TestSupport
import Testing

/// How `handoff` is typed: help, version, suggestions, global options, exit codes.
struct CLIUsageTests {
  @Test("help lists every command; help COMMAND shows its usage")
  func help() {
    let f = CLIFixture()
    let all = f.ok("help")
    for name in [
      "add", "show", "list", "move", "assign", "team add", "target set", "demo", "simulate",
      "export", "import",
    ] {
      #expect(all.contains(name))
    }
    #expect(all.split(separator: "\n").allSatisfy { $0.count <= 80 })
    let target = f.ok("help", "target", "set")
    #expect(target.split(separator: "\n").allSatisfy { $0.count <= 80 })
    #expect(target.contains("Metrics: new-leads"))
    let add = f.ok("help", "add")
    #expect(add.split(separator: "\n").allSatisfy { $0.count <= 80 })
    #expect(add.hasPrefix("usage: handoff add --name N [--company C]"))
    #expect(f.ok("help", "move").contains("usage: handoff move ID STAGE [--reason R]"))
    #expect(f.ok("help", "team", "add").contains("usage: handoff team add HANDLE"))
    #expect(f.ok("move", "--help").contains("usage: handoff move"))
    let team = f.ok("help", "team")
    #expect(team.contains("handoff team add") && team.contains("handoff team remove"))
    f.fails(2, "team needs one of: add, set, list, remove", "team")
    f.fails(2, "unknown command 'mvoe' (did you mean 'move'?)", "help", "mvoe")
  }

  @Test("help and the manual list the dashboard's keys: N, the answers to a question, a prompt's")
  func keys() {
    let f = CLIFixture()
    let help = f.ok("help")
    let man = f.ok("help", "--man")
    for (keys, words) in [
      ("N", "long note in $EDITOR"), ("y, n Esc", "a question: yes; no"),
      ("Enter, Esc", "a prompt: send; cancel"), ("Ctrl-C", "quit, always"), ("?", "this help"),
    ] {
      #expect(
        help.split(separator: "\n").contains {
          $0.hasPrefix("  " + keys + " ") && $0.hasSuffix(" " + words)
        }, "help lacks \(keys)")
      #expect(man.contains(".B \(keys.replacingOccurrences(of: "-", with: "\\-"))\n\(words)\n"))
    }
  }

  @Test("--version prints the version; no command without a terminal is refused in one line")
  func versionAndBare() {
    let f = CLIFixture()
    #expect(f.ok("--version").hasPrefix("handoff "))
    // No command opens the dashboard, which needs a terminal; the tests have none.
    f.fails(1, "needs a terminal")
  }

  @Test("an unknown command or flag is a usage error that suggests the nearest")
  func suggestions() {
    let f = CLIFixture()
    f.fails(2, "unknown command 'lsit' (did you mean 'list'?)", "lsit")
    f.fails(2, "unknown flag --stge for 'list' (did you mean '--stage'?)", "list", "--stge", "new")
    f.fails(2, "unknown command 'team ad' (did you mean 'team add'?)", "team", "ad", "x")
    f.fails(2, "unknown flag --jsn", "list", "--jsn")
    f.fails(2, "unexpected argument 'extra'", "accept", "1001", "extra")
    f.fails(2, "missing arguments", "move", "1001")
  }

  @Test("unknown stage, metric, setting and department are usage errors naming the choices")
  func unknownNames() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    f.fails(2, "no stage 'wonn' (did you mean 'won'?)", "move", id, "wonn")
    f.fails(2, "no stage 'foo'", "list", "--stage", "foo")
    f.fails(2, "no metric 'mqsl' (did you mean 'mqls'?)", "target", "set", "mqsl", "10")
    f.fails(2, "no setting 'sal'", "settings", "sal", "2h")
    f.fails(2, "no department 'legal'", "team", "add", "zoe", "--dept", "legal")
  }

  @Test("bad numbers and dates are usage errors")
  func badValues() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    f.fails(2, "score 'high' is not valid", "score", id, "high")
    f.fails(2, "score '101' is not valid", "score", id, "101")
    f.fails(2, "value '12x' is not valid", "add", "--name", "B", "--value", "12x")
    f.fails(2, "lead id 'abc' is not valid", "show", "abc")
    f.fails(2, "date '2026-13-45' is not valid", "followup", id, "--next", "2026-13-45")
    f.fails(2, "--if-version 'x' is not valid", "move", id, "mql", "--if-version", "x")
    f.fails(2, "leads '-5' is not valid", "demo", "--leads", "-5")
  }

  @Test("global options may stand before or after the command")
  func globalOptionsAnywhere() {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    let env = f.environment.filter { $0.key != "HANDOFF_USER" }
    let before = runHandoffHere(["--store", f.store, "--user", "sam", "--json", "show", id], env)
    let after = runHandoffHere(["show", id, "--json", "--user=sam", "--store=\(f.store)"], env)
    #expect(before.status == 0 && after.status == 0)
    #expect(before.stdout == after.stdout)
    #expect(before.stdout.hasPrefix("{"))
    let moved = runHandoffHere(
      ["--user", "liam", "move", id, "nurturing", "--store", f.store], env)
    #expect(moved.status == 0, "\(moved.stderr)")
    let shown = f.ok("show", id)
    #expect(shown.contains("by liam"))
  }

  @Test("the store is --store, else HANDOFF_STORE, else under XDG_DATA_HOME")
  func storePath() {
    let f = CLIFixture()
    var env = f.environment
    env["HANDOFF_STORE"] = f.folder.file("from-env.jsonl")
    #expect(runHandoffHere(["team", "add", "zoe", "--dept", "sales"], env).status == 0)
    #expect(FileManager.default.fileExists(atPath: f.folder.file("from-env.jsonl")))
    env["HANDOFF_STORE"] = nil
    env["XDG_DATA_HOME"] = f.folder.file("data")
    #expect(runHandoffHere(["team", "add", "zoe", "--dept", "sales"], env).status == 0)
    #expect(FileManager.default.fileExists(atPath: f.folder.file("data/handoff/store.jsonl")))
    let list = runHandoffHere(["team", "list", "--store", f.folder.file("from-env.jsonl")], env)
    #expect(list.stdout.contains("zoe"))
  }

  @Test("the user comes from --user, else HANDOFF_USER")
  func user() {
    let f = CLIFixture()
    f.addTeam()
    f.user = "liam"
    let id = f.addLead(owner: nil)
    #expect(f.ok("show", id).contains("by liam"))
    f.fails(2, "user 'a b' is not valid", "--user", "a b", "add", "--name", "X")
  }
}

/// Runs the binary with exactly these arguments and environment.
func runHandoffHere(_ args: [String], _ env: [String: String]) -> CLIFixture.Result {
  let r = runHandoff(args, environment: env)
  return CLIFixture.Result(status: r.status, stdout: r.stdout, stderr: r.stderr)
}
