import Foundation
import TestSupport
import Testing

/// Where data lives: no store is ever made relative to the working folder, in a folder
/// that does not exist, or by a command that only reads.
struct CLIDataPlaceTests {
  /// The environment of a fixture without the store options, with a different HOME.
  private func environment(_ f: CLIFixture, home: String?) -> [String: String] {
    var env = f.environment
    env["HOME"] = home
    return env
  }

  @Test("with neither HOME nor XDG_DATA_HOME, a command needing the default store says so")
  func noHome() {
    let f = CLIFixture()
    let env = environment(f, home: nil)
    let relative = FileManager.default.currentDirectoryPath + "/.local/share/handoff"
    let existed = FileManager.default.fileExists(atPath: relative)
    for args in [["team", "add", "zoe", "--dept", "sales"], ["list"], ["snapshot"]] {
      let r = runHandoffHere(args, env)
      #expect(r.status == 2, "\(args): \(r.stderr)")
      #expect(
        r.stderr
          == "handoff: no store named and no default for one: neither HOME nor XDG_DATA_HOME "
          + "is set (pass --store PATH or set HANDOFF_STORE)\n")
      #expect(r.stdout.isEmpty)
    }
    #expect(FileManager.default.fileExists(atPath: relative) == existed)
    // A relative XDG_DATA_HOME is no default either; a store named outright still works.
    var relativeData = env
    relativeData["XDG_DATA_HOME"] = "data"
    #expect(runHandoffHere(["list"], relativeData).status == 2)
    #expect(runHandoffHere(["config"], env).status == 0)
    let named = runHandoffHere(
      ["team", "add", "zoe", "--dept", "sales", "--store", f.store], env)
    #expect(named.status == 0, "\(named.stderr)")
  }

  @Test("a store in a folder that does not exist is refused, wherever it is named")
  func noSuchFolder() throws {
    let f = CLIFixture()
    let missing = f.folder.file("typo/store.jsonl")
    let message = "no such folder: \(f.folder.path)/typo (for the store \(missing);"
    let r = runHandoffHere(
      ["team", "add", "zoe", "--dept", "sales", "--store", missing], f.environment)
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("handoff: " + message), "\(r.stderr)")
    var env = f.environment
    env["HANDOFF_STORE"] = missing
    #expect(runHandoffHere(["add", "--name", "Ada"], env).stderr.hasPrefix("handoff: " + message))
    #expect(runHandoffHere(["list"], env).stderr.hasPrefix("handoff: " + message))
    #expect(!FileManager.default.fileExists(atPath: f.folder.file("typo")))
    // init makes it, folders included.
    let made = runHandoffHere(["init", "--store", missing], f.environment)
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout == "created the store at \(missing)\n")
    #expect(runHandoffHere(["list", "--json"], env).stdout == "[]\n")
  }

  @Test("reading commands on a store not there yet say so and create nothing")
  func readingMissingStore() {
    let f = CLIFixture()
    for args in [
      ["list"], ["show", "1001"], ["stats"], ["targets"], ["team", "list"], ["export"],
      ["check"], ["compact"], ["settings"], ["settings", "sla"], ["snapshot"],
    ] {
      let r = f.run(args)
      #expect(r.status == 1, "\(args): \(r.stderr)")
      #expect(
        r.stderr == "handoff: no store at \(f.store) yet: add the team (handoff team add HANDLE "
          + "--dept marketing|sales), import leads (handoff import FILE), or create an empty one "
          + "(handoff init)\n", "\(args)")
      #expect(r.stdout.isEmpty)
    }
    #expect(!FileManager.default.fileExists(atPath: f.store))
    // A change creates it; then the same commands read it.
    f.ok("settings", "sla", "2h")
    #expect(FileManager.default.fileExists(atPath: f.store))
    #expect(f.ok("settings", "sla").contains("2h"))
    #expect(f.ok("list", "--json") == "[]\n")
  }

  @Test("the first write to the default location creates it, folders included")
  func defaultLocation() {
    let f = CLIFixture()
    let env = f.environment
    let store = f.folder.file(".local/share/handoff/store.jsonl")
    #expect(runHandoffHere(["list"], env).status == 1)
    let added = runHandoffHere(["team", "add", "zoe", "--dept", "sales"], env)
    #expect(added.status == 0, "\(added.stderr)")
    #expect(FileManager.default.fileExists(atPath: store))
    #expect(runHandoffHere(["team", "list"], env).stdout.contains("zoe"))
  }
}
