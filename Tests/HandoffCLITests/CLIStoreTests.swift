import Foundation
import TestSupport
import Testing

/// The store through the CLI: demo data, export, check and repair, compaction,
/// simulation, and stores that cannot be read or written.
struct CLIStoreTests {
  @Test("demo fills an empty store, refuses one with leads, adds with --force")
  func demo() {
    let f = CLIFixture()
    #expect(f.ok("demo", "--leads", "200", "--seed", "3").contains("added 200 leads"))
    f.fails(1, "already holds 200 leads (add --force", "demo")
    f.ok("demo", "--leads", "50", "--seed", "4", "--force")
    let leads = f.json(f.ok("list", "--json")) as? [[String: Any]]
    #expect(leads?.count == 250)
    #expect(Set(leads?.compactMap { $0["id"] as? Int } ?? []).count == 250)
    #expect(f.ok("team", "list").split(separator: "\n").count == 17)
    #expect(f.ok("check").contains("0 problems"))
    let other = CLIFixture()
    other.ok("team", "add", "sam", "--dept", "marketing")
    other.fails(
      1, "the demo team needs sam in sales, but they are in marketing here", "demo", "--force")
  }

  @Test("demo saves its history's travel states: --at starts from one, to the same figures")
  func demoSavesTravelStates() throws {
    let f = CLIFixture()
    // 51,729 events: a state is saved every 50,000.
    f.ok("demo", "--leads", "9000", "--seed", "2")
    let shelf = f.store + ".travel"
    let size = try FileManager.default.attributesOfItem(atPath: shelf)[.size] as? Int ?? 0
    #expect(size > 1_000_000)
    // One moment for both runs, to the minute (a span like 3d would move between them).
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    let moment = formatter.string(from: Date().addingTimeInterval(-3 * 86_400)) + "Z"
    let fromShelf = f.ok("stats", "--at", moment)
    try FileManager.default.removeItem(atPath: shelf)
    #expect(f.ok("stats", "--at", moment) == fromShelf)
    #expect(fromShelf.contains("Handoff queue"))
  }

  @Test("demo is deterministic for a seed")
  func demoDeterministic() {
    let a = CLIFixture()
    let b = CLIFixture()
    a.ok("demo", "--leads", "100", "--seed", "9")
    b.ok("demo", "--leads", "100", "--seed", "9")
    let stages = { (f: CLIFixture) in
      (f.json(f.ok("list", "--json")) as? [[String: Any]])?.map { "\($0["id"]!) \($0["stage"]!)" }
    }
    #expect(stages(a) == stages(b))
  }

  @Test("export writes JSON lines, or CSV with formula cells neutralized")
  func export() {
    let f = CLIFixture()
    f.addTeam()
    _ = f.addLead("=HYPERLINK(\"http://x\",\"y\")")
    _ = f.addLead("@SUM(A1)")
    _ = f.addLead("Plain, with comma")
    let lines = f.ok("export").split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.allSatisfy { f.json(String($0)) is [String: Any] })
    let csv = f.ok("export", "--csv").split(separator: "\n")
    #expect(csv.first?.hasPrefix("id,name,company") == true)
    #expect(csv[1].hasPrefix("1001,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""))
    #expect(csv[2].hasPrefix("1002,'@SUM(A1),"))
    #expect(csv[3].hasPrefix("1003,\"Plain, with comma\","))
    // To a file (not a terminal) the data goes as it is, control characters included (as
    // a log written before they were refused holds them).
    f.appendLegacy(
      #""type":"lead.created","lead":1004,"name":"Tab\u001b[1mBold","company":"Acme","source":"webinar","score":0,"value":0"#
    )
    #expect(f.ok("export", "--csv").contains("Tab\u{1B}[1mBold"))
  }

  @Test(
    "a corrupt line stops loading with its line number; check reports it; --repair moves it aside")
  func corruptAndRepair() throws {
    let f = CLIFixture()
    f.addTeam()
    _ = f.addLead()
    var text = try String(contentsOfFile: f.store, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    lines.insert("{this is not an event}", at: 2)
    text = lines.joined(separator: "\n")
    try text.write(toFile: f.store, atomically: true, encoding: .utf8)
    f.fails(1, "line 3", "list")
    let check = f.run("check")
    #expect(check.status == 1)
    #expect(check.stdout.contains(":3:"))
    #expect(check.stderr.contains("check --repair"))
    let repair = f.ok("check", "--repair")
    #expect(repair.contains("moved"))
    #expect(f.ok("list").contains("Ada Costa"))
    #expect(f.ok("check").contains("0 problems"))
  }

  @Test("compact keeps the state and a backup of the history")
  func compact() {
    let f = CLIFixture()
    f.ok("demo", "--leads", "100")
    let before = f.ok("list", "--json")
    let out = f.ok("compact")
    #expect(out.contains("compacted"))
    #expect(f.ok("list", "--json") == before)
  }

  @Test("simulate plays a live team for a while, every action accepted")
  func simulate() {
    let f = CLIFixture()
    f.ok("demo", "--leads", "100")
    let before = (f.json(f.ok("list", "--json")) as? [Any])?.count ?? 0
    let r = f.run("simulate", "--rate", "50", "--for", "1s", "--seed", "3")
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    #expect(r.stdout.split(separator: "\n").count >= 5)
    #expect(f.ok("check").contains("0 problems"))
    let after = (f.json(f.ok("list", "--json")) as? [Any])?.count ?? 0
    #expect(after >= before)
    f.fails(2, "rate 'fast' is not valid", "simulate", "--rate", "fast")
    f.fails(2, "duration 'ever' is not valid", "simulate", "--for", "ever")
  }

  @Test("a store that cannot be read is one clear line, exit 1")
  func unreadable() throws {
    let f = CLIFixture()
    try FileManager.default.createDirectory(atPath: f.store, withIntermediateDirectories: true)
    let r = f.run("list")
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("handoff: ") && r.stderr.contains(f.store))
    #expect(r.stderr.filter { $0 == "\n" }.count == 1)
  }

  @Test("permission denied is one clear line, exit 1 (not checkable as root)")
  func permissionDenied() throws {
    let f = CLIFixture()
    f.addTeam()
    let folder = f.folder.file("locked")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let locked = CLIFixture()
    let path = folder + "/store.jsonl"
    try FileManager.default.copyItem(atPath: f.store, toPath: path)
    chmod(folder, 0)
    defer { chmod(folder, 0o755) }
    let r = runHandoff(
      ["add", "--name", "X", "--store", path], environment: locked.environment)
    // Root reads and writes through any permission bits, so there the chmod cannot
    // provoke the refusal; a file under /sys, which even root may not create, does.
    if geteuid() != 0 {
      #expect(r.status == 1)
      #expect(r.stderr.contains("ermission denied"), "\(r.stderr)")
      #expect(r.stderr.filter { $0 == "\n" }.count == 1)
    } else if FileManager.default.fileExists(atPath: "/sys/kernel") {
      let sys = runHandoff(
        ["add", "--name", "X", "--store", "/sys/kernel/handoff-test.jsonl"],
        environment: locked.environment)
      #expect(sys.status == 1)
      // Where /sys is mounted read-only the kernel says so instead.
      #expect(
        sys.stderr.contains("ermission denied") || sys.stderr.contains("ead-only file system"),
        "\(sys.stderr)")
      #expect(sys.stderr.filter { $0 == "\n" }.count == 1)
    }
  }

  @Test("a store locked by another process for too long is refused with one line, exit 1")
  func lockedOut() {
    let f = CLIFixture()
    f.addTeam()
    let fd = open(f.store, O_RDWR)
    #expect(fd >= 0)
    #expect(flock(fd, LOCK_EX) == 0)
    defer {
      flock(fd, LOCK_UN)
      close(fd)
    }
    f.fails(1, "is locked by another process", "add", "--name", "Waits")
  }

  @Test("output into a closed pipe ends quietly")
  func closedPipe() {
    let f = CLIFixture()
    f.ok("demo", "--leads", "3000")
    let script =
      "'\(handoffExecutable())' list --store '\(f.store)' | head -1 >/dev/null; echo \"${PIPESTATUS[0]}\""
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.environment = f.environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    #expect(throws: Never.self) { try process.run() }
    process.waitUntilExit()
    let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    #expect(stderr.isEmpty, "\(stderr)")
  }
}
