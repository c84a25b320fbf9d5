import Foundation
import TestSupport
import Testing

/// The config file: where it is, what it sets, the precedence of option, environment,
/// file and default, `handoff config`, and bad lines refused before anything is done.
struct CLIConfigTests {
  /// Writes the fixture's config file (under its HOME) with these lines.
  private func writeConfig(_ f: CLIFixture, _ lines: String...) throws {
    let folder = f.folder.file(".config/handoff")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try lines.map { $0 + "\n" }.joined().write(
      toFile: folder + "/config", atomically: true, encoding: .utf8)
  }

  /// The `from` column of a setting's row in `handoff config`.
  private func origin(_ output: String, _ setting: String) -> String? {
    output.split(separator: "\n").first { $0.hasPrefix(setting + " ") }.map {
      $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ")
    }
  }

  @Test("with no file every setting is its default, the user from HANDOFF_USER")
  func defaults() {
    let f = CLIFixture()
    let out = f.ok("config")
    #expect(out.hasPrefix("config file: \(f.folder.path)/.config/handoff/config (not there"))
    #expect(origin(out, "user") == "maria HANDOFF_USER")
    #expect(origin(out, "store") == "\(f.store) --store")
    #expect(origin(out, "theme") == "default default")
    #expect(origin(out, "notify") == "none default")
    #expect(origin(out, "key.assign") == "a default")
    #expect(origin(out, "key.quit") == "q default")
  }

  @Test("flag, then environment, then the file, then the default")
  func precedence() throws {
    let f = CLIFixture()
    try writeConfig(
      f, "# my settings", "user = liam", "theme = light", "notify = bell",
      "store = ~/kept/store.jsonl", "key.assign = b")
    var env = f.environment
    env["HANDOFF_USER"] = nil
    var out = runHandoffHere(["config"], env)
    #expect(out.status == 0, "\(out.stderr)")
    #expect(origin(out.stdout, "user") == "liam config line 2")
    #expect(origin(out.stdout, "theme") == "light config line 3")
    #expect(origin(out.stdout, "notify") == "bell config line 4")
    #expect(origin(out.stdout, "store") == "\(f.folder.path)/kept/store.jsonl config line 5")
    #expect(origin(out.stdout, "key.assign") == "b config line 6")
    env["HANDOFF_USER"] = "sam"
    env["HANDOFF_THEME"] = "mono"
    env["HANDOFF_NOTIFY"] = "desktop"
    env["HANDOFF_STORE"] = f.store
    out = runHandoffHere(["config"], env)
    #expect(origin(out.stdout, "user") == "sam HANDOFF_USER")
    #expect(origin(out.stdout, "theme") == "mono HANDOFF_THEME")
    #expect(origin(out.stdout, "notify") == "desktop HANDOFF_NOTIFY")
    #expect(origin(out.stdout, "store") == "\(f.store) HANDOFF_STORE")
    out = runHandoffHere(["config", "--user", "olivia", "--theme", "light"], env)
    #expect(origin(out.stdout, "user") == "olivia --user")
    #expect(origin(out.stdout, "theme") == "light --theme")
    // XDG_CONFIG_HOME, when set, is where the file is looked for instead.
    env["XDG_CONFIG_HOME"] = f.folder.file("elsewhere")
    out = runHandoffHere(["config"], env)
    #expect(out.stdout.hasPrefix("config file: \(f.folder.path)/elsewhere/handoff/config"))
    #expect(origin(out.stdout, "key.assign") == "a default")
  }

  @Test("the file's user and store are the ones commands use")
  func usedByCommands() throws {
    let f = CLIFixture()
    try writeConfig(f, "user = liam", "store = \(f.folder.file("team.jsonl"))")
    var env = f.environment
    env["HANDOFF_USER"] = nil
    let added = runHandoffHere(["team", "add", "zoe", "--dept", "sales"], env)
    #expect(added.status == 0, "\(added.stderr)")
    let log = try String(contentsOfFile: f.folder.file("team.jsonl"), encoding: .utf8)
    #expect(log.contains("\"actor\":\"liam\""))
    #expect(runHandoffHere(["team", "list"], env).stdout.contains("zoe"))
  }

  @Test("a key.ACTION line rebinds the key on the dashboard, its hints included")
  func keyOverride() throws {
    let f = CLIFixture()
    f.addTeam()
    try writeConfig(f, "key.assign = b", "key.quit = Q ctrl-q")
    let snapshot = f.ok("snapshot", "--width", "100", "--height", "30")
    let bar = snapshot.split(separator: "\n").last.map(String.init) ?? ""
    #expect(bar.contains("b assign"), "\(bar)")
    #expect(bar.contains("Q quit"), "\(bar)")
    let out = f.ok("config")
    #expect(origin(out, "key.quit") == "Q Ctrl-Q config line 2")
  }

  @Test("a bad line names the file and line, exits 2 and changes nothing")
  func badLines() throws {
    let f = CLIFixture()
    f.addTeam()
    try writeConfig(f)
    let path = f.folder.file(".config/handoff/config")
    let cases: [(lines: [String], message: String)] = [
      (["user = sam", "colour = red"], "\(path):2: unknown key 'colour'"),
      (["usr = sam"], "\(path):1: unknown key 'usr' (did you mean 'user'?)"),
      (["notify = loud"], "\(path):1: notify: 'loud' is not one of none, bell or desktop"),
      (["theme = nope"], "\(path):1: theme: no theme 'nope'"),
      (["key.asign = a"], "\(path):1: key.asign: no such action (did you mean 'key.assign'?)"),
      (["key.quit = ctrl-c"], "\(path):1: key.quit: Ctrl-C always quits"),
      (["", "just words"], "\(path):2: expected `key = value`"),
      (["user = a", "user = b"], "\(path):2: 'user' is set twice"),
      (
        ["store = relative/store.jsonl"],
        "\(path):1: store: 'relative/store.jsonl' is not an absolute path"
      ),
      (["user ="], "\(path):1: user: no value"),
    ]
    for c in cases {
      try c.lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
      f.fails(2, c.message, "team", "add", "zoe", "--dept", "sales")
      f.fails(2, c.message, "config")
    }
    // The version and help never need the file.
    #expect(f.ok("--version").hasPrefix("handoff "))
    #expect(f.ok("help", "config").contains("usage: handoff config"))
  }

  @Test("a bad HANDOFF_NOTIFY is bad usage")
  func badNotifyEnvironment() {
    var env = CLIFixture().environment
    env["HANDOFF_NOTIFY"] = "loud"
    let r = runHandoffHere(["config"], env)
    #expect(r.status == 2)
    #expect(
      r.stderr == "handoff: HANDOFF_NOTIFY 'loud' is not valid: expected none, bell or desktop\n")
  }
}

/// `--notify`: the flag before the environment and the file, and a bad value refused in
/// one line with exit 2 before anything runs.
struct CLINotifyFlagTests {
  @Test("--notify wins over HANDOFF_NOTIFY, and config says so")
  func flagWins() {
    var env = CLIFixture().environment
    env["HANDOFF_NOTIFY"] = "desktop"
    let r = runHandoffHere(["config", "--notify", "bell"], env)
    #expect(r.status == 0, "\(r.stderr)")
    let row = r.stdout.split(separator: "\n").first { $0.hasPrefix("notify ") }
    #expect(
      row.map { $0.split(separator: " ").dropFirst().joined(separator: " ") } == "bell --notify")
    let inline = runHandoffHere(["--notify=none", "config"], env)
    #expect(inline.stdout.contains("none") && inline.stdout.contains("--notify"))
  }

  @Test("a bad or missing --notify value: one line, exit 2")
  func badValues() {
    let f = CLIFixture()
    f.fails(
      2, "handoff: --notify 'loud' is not valid: expected none, bell or desktop\n",
      "--notify", "loud", "config")
    let missing = runHandoffHere(["config", "--notify"], f.environment)
    #expect(missing.status == 2)
    #expect(missing.stderr == "handoff: --notify needs a value\n")
    // Control characters in the value are shown, not sent to the terminal.
    let r = runHandoffHere(["config", "--notify", "be\u{1B}]0;x\u{07}ll"], f.environment)
    #expect(r.status == 2)
    #expect(!r.stderr.contains("\u{1B}") && !r.stderr.contains("\u{07}"))
    #expect(r.stderr.split(separator: "\n").count == 1)
  }
}
