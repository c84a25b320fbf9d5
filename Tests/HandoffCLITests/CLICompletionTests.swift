import Foundation
import TestSupport
import Testing

@testable import HandoffCLI

/// `handoff completions` run for real in bash, and the one table behind help, the
/// manual and the three scripts.
struct CLICompletionTests {
  /// What bash offers for a command line whose last word is being completed: the bash
  /// script sourced in a child bash, `_handoff` called with `COMP_WORDS` set, the
  /// built `handoff` first on the path (the script calls it for handles and ids).
  func offered(_ words: [String], _ f: CLIFixture, script: String) -> [String] {
    let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    let program = """
      source '\(script)'
      COMP_WORDS=(\(quoted.joined(separator: " ")))
      COMP_CWORD=\(words.count - 1)
      _handoff
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    var env = f.environment
    env["PATH"] =
      URL(fileURLWithPath: handoffExecutable()).deletingLastPathComponent().path
      + ":" + (env["PATH"] ?? "/usr/bin:/bin")
    env["HANDOFF_STORE"] = f.store
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["--norc", "--noprofile", "-c", program]
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return ["cannot run bash: \(error)"] }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  @Test("the bash script completes commands, flags, stages, handles and lead ids")
  func bash() throws {
    let f = CLIFixture()
    f.addTeam()
    let id = f.addLead()
    let script = f.folder.file("handoff.bash")
    try f.ok("completions", "bash").write(toFile: script, atomically: true, encoding: .utf8)
    #expect(offered(["handoff", "mo"], f, script: script) == ["move"])
    #expect(
      Set(offered(["handoff", ""], f, script: script)).isSuperset(of: ["add", "team", "snapshot"]))
    #expect(offered(["handoff", "team", "re"], f, script: script) == ["remove"])
    #expect(
      offered(["handoff", "list", "--st"], f, script: script) == ["--stage", "--stale", "--store"])
    #expect(
      offered(["handoff", "list", "--stage", "ne"], f, script: script) == ["new", "negotiation"])
    #expect(offered(["handoff", "move", id, "q"], f, script: script) == ["queued"])
    #expect(
      offered(["handoff", "--json", "move", id, "--reason", "x", "w"], f, script: script) == ["won"]
    )
    #expect(
      offered(["handoff", "team", "add", "zoe", "--dept", ""], f, script: script) == [
        "marketing", "sales",
      ])
    #expect(offered(["handoff", "settings", "st"], f, script: script) == ["stale-days"])
    #expect(offered(["handoff", "completions", "z"], f, script: script) == ["zsh"])
    // From the store: handles and ids (here through HANDOFF_STORE, then --store).
    #expect(offered(["handoff", "assign", id, "o"], f, script: script) == ["olivia"])
    #expect(
      Set(offered(["handoff", "assign", id, ""], f, script: script)) == [
        "none", "maria", "liam", "sam", "olivia",
      ])
    #expect(offered(["handoff", "show", ""], f, script: script) == [id])
    let other = CLIFixture()
    other.ok("team", "add", "zed", "--dept", "sales")
    #expect(
      offered(["handoff", "--store", other.store, "team", "set", "z"], f, script: script) == ["zed"]
    )
    #expect(
      offered(["handoff", "--store=\(other.store)", "list", "--owner", "z"], f, script: script)
        == ["zed"])
  }

  @Test("complete prints the store's lead ids and active handles, nothing for an empty store")
  func complete() {
    let f = CLIFixture()
    #expect(f.ok("complete", "member").isEmpty)
    f.addTeam()
    f.ok("team", "remove", "liam")
    #expect(f.ok("complete", "member") == "maria\nsam\nolivia\n")
    #expect(f.ok("complete", "member", "o") == "olivia\n")
    let id = f.addLead()
    #expect(f.ok("complete", "lead") == id + "\n")
    f.fails(2, "kind 'x' is not valid", "complete", "x")
    #expect(!f.ok("help").contains("complete "))
  }

  @Test("every command and flag is in help, the manual and the three completion scripts")
  func oneTable() {
    let f = CLIFixture()
    let help = f.ok("help")
    let man = f.ok("help", "--man").replacingOccurrences(of: "\\-", with: "-")
    let scripts = ["bash", "zsh", "fish"].map { f.ok("completions", $0) }
    #expect(man.hasPrefix(".TH HANDOFF 1"))
    for spec in Registry.commands where !spec.hidden {
      let own = f.run(["help"] + spec.name.split(separator: " ").map(String.init)).stdout
      #expect(help.contains("  " + spec.name + " "), "help lacks \(spec.name)")
      #expect(man.contains(".B handoff " + spec.name), "man lacks \(spec.name)")
      for word in spec.name.split(separator: " ") {
        for (shell, script) in zip(["bash", "zsh", "fish"], scripts) {
          #expect(script.contains(String(word)), "\(shell) lacks \(spec.name)")
        }
      }
      for flag in spec.flags.map({ "--" + $0.name }) {
        #expect(own.contains(flag), "help \(spec.name) lacks \(flag)")
        #expect(man.contains(flag), "man lacks \(flag)")
        for (shell, script) in zip(["bash", "zsh", "fish"], scripts) {
          #expect(
            script.contains(flag + " ") || script.contains(flag + "'")
              || script.contains(flag + "\n"), "\(shell) lacks \(spec.name) \(flag)")
        }
      }
    }
    for flag in GlobalOptions.flags {
      #expect(help.contains(flag), "help lacks \(flag)")
      #expect(man.contains(flag), "man lacks \(flag)")
      for script in scripts { #expect(script.contains(flag)) }
    }
    #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }
}
