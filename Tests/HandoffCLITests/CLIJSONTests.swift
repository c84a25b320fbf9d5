import Foundation
import Testing

@testable import HandoffCLI

/// `--json` on every command: what it prints parses, and every key is snake_case (keys
/// that are data, such as a source's or a stage's name, aside).
struct CLIJSONTests {
  /// Objects whose keys are names from data or the model, not keys of the format.
  static let dataKeyed: Set<String> = [
    "sources", "top_reasons", "stages", "by_stage", "by_owner", "by_source",
  ]

  /// Every key in a parsed JSON value that is not snake_case.
  static func badKeys(_ value: Any, path: String = "") -> [String] {
    if let object = value as? [String: Any] {
      return object.flatMap { key, inner -> [String] in
        let here = path + "." + key
        let ok = key.allSatisfy {
          ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
        let own = ok ? [] : [here]
        return own + (dataKeyed.contains(key) ? [] : badKeys(inner, path: here))
      }
    }
    if let array = value as? [Any] { return array.flatMap { badKeys($0, path: path + "[]") } }
    return []
  }

  @Test("every command prints JSON with snake_case keys under --json")
  func everyCommand() throws {
    let f = CLIFixture()
    let csv = f.folder.file("in.csv")
    try "name,email,company\nAda,ada@example.com,Acme\n".write(
      toFile: csv, atomically: true, encoding: .utf8)
    let copy = f.folder.file("copy.jsonl")
    // (command, arguments, who acts): run in order, each with --json.
    var steps: [(String, [String], String)] = [
      ("demo", ["demo", "--leads", "30", "--seed", "3"], "maria")
    ]
    var ids: [String] = []
    func lead() -> String { ids.last ?? "" }
    steps += [
      ("help", ["help"], "maria"), ("add", ["add", "--name", "Bo", "--owner", "maria"], "maria"),
    ]
    let sequence: [(String, [String], String)] = [
      ("show", ["show", "ID"], "maria"),
      ("list", ["list", "--stage", "new"], "maria"),
      ("score", ["score", "ID", "70"], "maria"),
      ("edit", ["edit", "ID", "--segment", "smb"], "maria"),
      ("note", ["note", "ID", "called"], "maria"),
      ("undo", ["undo", "ID"], "maria"),
      ("move", ["move", "ID", "mql"], "maria"),
      ("handoff", ["handoff", "ID"], "maria"),
      ("reject", ["reject", "ID", "--reason", "too small"], "sam"),
      ("assign", ["assign", "ID", "none"], "maria"),
      ("autoassign", ["autoassign", "ID"], "maria"),
    ]
    let closing: [(String, [String], String)] = [
      ("move", ["move", "ID", "mql"], "maria"),
      ("handoff", ["handoff", "ID"], "maria"),
      ("accept", ["accept", "ID"], "sam"),
      ("won", ["won", "ID", "--value", "20k"], "sam"),
      ("followup", ["followup", "ID", "--next", "30d"], "sam"),
    ]
    let losing: [(String, [String], String)] = [
      ("move", ["move", "ID", "mql"], "maria"),
      ("handoff", ["handoff", "ID"], "maria"),
      ("accept", ["accept", "ID"], "sam"),
      ("lost", ["lost", "ID", "--reason", "budget"], "sam"),
    ]
    let rest: [(String, [String], String)] = [
      ("export", ["export"], "maria"),
      ("team add", ["team", "add", "zoe", "--dept", "sales"], "maria"),
      ("team set", ["team", "set", "zoe", "--away", "on"], "maria"),
      ("team list", ["team", "list"], "maria"),
      ("team remove", ["team", "remove", "zoe"], "maria"),
      ("target set", ["target", "set", "mqls", "50"], "maria"),
      ("targets", ["targets"], "maria"),
      ("settings", ["settings"], "maria"),
      ("stats", ["stats"], "maria"),
      ("check", ["check"], "maria"),
      ("compact", ["compact"], "maria"),
      ("import", ["import", csv, "--dry-run"], "maria"),
      ("init", ["init"], "maria"),
      ("migrate", ["migrate", "--from", f.store, "--to", copy], "maria"),
      ("simulate", ["simulate", "--for", "1s", "--rate", "4", "--seed", "2"], "maria"),
      ("snapshot", ["snapshot", "--width", "60", "--height", "12"], "maria"),
      ("completions", ["completions", "fish"], "maria"),
      ("complete", ["complete", "member"], "maria"),
      ("report", ["report", "--since", "7d"], "maria"),
      ("config", ["config"], "maria"),
    ]
    var covered: Set<String> = []
    func run(_ name: String, _ args: [String], _ user: String) {
      f.user = user
      let r = f.run(args.map { $0 == "ID" ? lead() : $0 } + ["--json"])
      #expect(r.status == 0, "\(name): \(r.stderr)")
      #expect(r.stderr.isEmpty, "\(name): \(r.stderr)")
      // export and simulate write JSON lines; the rest one value.
      let values: [Any?] =
        ["export", "simulate"].contains(name)
        ? r.stdout.split(separator: "\n").map { f.json(String($0)) } : [f.json(r.stdout)]
      #expect(!values.isEmpty && values.allSatisfy { $0 != nil }, "\(name): \(r.stdout)")
      for value in values.compactMap({ $0 }) {
        #expect(Self.badKeys(value).isEmpty, "\(name): \(Self.badKeys(value))")
      }
      if name == "add", let id = (f.json(r.stdout) as? [String: Any])?["id"] as? Int {
        ids.append(String(id))
      }
      covered.insert(name)
    }
    for step in steps { run(step.0, step.1, step.2) }
    for step in sequence { run(step.0, step.1, step.2) }
    run("add", ["add", "--name", "Cy", "--owner", "maria"], "maria")
    for step in closing { run(step.0, step.1, step.2) }
    run("add", ["add", "--name", "Di", "--owner", "maria"], "maria")
    // `report` comes with the day's work (branch day); run it where it exists.
    let known = Set(Registry.commands.map(\.name))
    for step in losing + rest where known.contains(step.0) { run(step.0, step.1, step.2) }
    let missing = Registry.commands.map(\.name).filter { !covered.contains($0) }
    #expect(missing.isEmpty, "not run with --json: \(missing)")
  }

  @Test("changes print the changed thing: a member, a target, settings with snake_case keys")
  func changes() {
    let f = CLIFixture()
    f.addTeam()
    let member = f.json(f.ok("team", "add", "zoe", "--dept", "sales", "--json")) as? [String: Any]
    #expect(member?["handle"] as? String == "zoe" && member?["dept"] as? String == "sales")
    let set = f.json(f.ok("team", "set", "zoe", "--capacity", "3", "--json")) as? [String: Any]
    #expect(set?["capacity"] as? Int == 3)
    let left = f.json(f.ok("team", "remove", "zoe", "--json")) as? [String: Any]
    #expect(left?["active"] as? Bool == false)
    let target =
      f.json(f.ok("target", "set", "won", "4", "--member", "sam", "--json")) as? [String: Any]
    #expect(target?["metric"] as? String == "won" && target?["scope"] as? String == "@sam")
    #expect(target?["target"] as? Int == 4)
    let settings = f.json(f.ok("settings", "stale-days", "9", "--json")) as? [String: Any]
    #expect(settings?["stale_days"] as? String == "9")
    let added = f.json(f.ok("add", "--name", "Ada", "--json")) as? [String: Any]
    #expect(added?["name"] as? String == "Ada" && added?["stage"] as? String == "new")
    let both = f.run("export", "--csv", "--json")
    #expect(both.status == 2 && both.stdout.isEmpty)
    #expect((f.json(both.stderr) as? [String: Any])?["exit"] as? Int == 2, "\(both.stderr)")
  }
}
