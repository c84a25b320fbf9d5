import Foundation
import HandoffHost
import HandoffModel
import HandoffStore
import HandoffSystem
import HandoffTerminalTesting
import TestSupport
import Testing

/// Hostile text in every field a person can type, and raw bytes written straight into
/// the log, read back through every command that prints data: the raw bytes `handoff`
/// writes must hold no control character a terminal would obey, and `--json` output must
/// stay valid JSON.
@Suite(.serialized)
struct InjectionTests {
  /// Strings that would take over a terminal if printed raw, by what they try.
  static let hostile: [(what: String, text: String)] = [
    ("CSI clear screen", "\u{1B}[2J\u{1B}[Hcleared"),
    ("CSI colour", "\u{1B}[31;1mred\u{1B}[0m"),
    ("CSI 6n cursor report", "ask\u{1B}[6n"),
    ("CSI window title report", "\u{1B}[21t"),
    ("OSC 0 title", "\u{1B}]0;pwned\u{07}title"),
    ("OSC 8 hyperlink", "\u{1B}]8;;https://evil.example/\u{1B}\\click\u{1B}]8;;\u{1B}\\"),
    ("OSC 52 clipboard", "\u{1B}]52;c;cm0gLXJmIH4K\u{07}"),
    ("DCS", "\u{1B}P1$qm\u{1B}\\dcs"),
    ("APC", "\u{1B}_Gf=100;AAAA\u{1B}\\apc"),
    ("ESC c full reset", "reset\u{1B}c"),
    ("8-bit CSI", "\u{9B}2J8bit"),
    ("8-bit OSC", "\u{9D}0;title\u{9C}"),
    ("BEL", "ding\u{07}\u{07}"),
    ("BS", "secret\u{08}\u{08}\u{08}\u{08}\u{08}\u{08}public"),
    ("CR", "shown\rhidden"),
    ("CRLF", "one\r\ntwo"),
    ("LF", "line\nbreak"),
    ("TAB", "a\tb"),
    ("DEL", "del\u{7F}"),
    ("RLO", "invoice\u{202E}fdp.exe"),
    ("LRE/RLE/PDF", "\u{202A}a\u{202B}b\u{202C}"),
    ("LRO", "\u{202D}lro"),
    ("isolates", "\u{2066}a\u{2067}b\u{2068}c\u{2069}"),
    ("C1 NEL and ST", "x\u{85}y\u{9C}z"),
  ]

  @Test("hostile text typed into every field never reaches the terminal raw")
  func typedFields() throws {
    let f = InjectionFixture()
    let store = try f.store()
    // Maria writes here, and once the legacy members below join, only members write.
    try store.perform(
      .addMember(handle: "maria", name: "Maria", department: .marketing, capacity: nil),
      by: "maria")
    let hub = try f.addLead(store, name: "hub")
    var leads: [Int] = []
    var tried = 0
    for (index, item) in InjectionTests.hostile.enumerated() {
      let text = item.text
      // Every write path refuses such text now, naming the field: what is stored here is
      // what a log written before that rule holds, appended as it was (`legacy`).
      #expect(throws: StoreError.self, "\(item.what)") {
        try store.perform(
          .addLead(NewLead(name: "x" + text, company: "", source: "s")), by: "maria")
      }
      // Member names; handles must be plain.
      try f.legacy(store) { _ in
        .memberJoined(MemberJoined(handle: "m\(index)", name: text, department: .marketing))
      }
      // Lead name, company, source, segment.
      var id = 0
      try f.legacy(store) { p in
        id = p.nextLeadID
        return .leadCreated(
          LeadCreated(
            lead: Lead(
              id: id, name: text, company: text, source: String(text.prefix(30)),
              segment: String(text.prefix(30)), score: 10, owner: "m\(index)",
              createdAt: p.lastEventAt)))
      }
      leads.append(id)
      // Notes and reasons, on the hub lead so that one `show` prints them all.
      try f.legacy(store) { p in .noteAdded(lead: hub, version: p.version(hub) + 1, text: text) }
      try f.legacy(store) { p in
        .leadMoved(
          LeadMoved(
            lead: hub, version: p.version(hub) + 1, from: p.lead(hub)?.stage ?? .new,
            to: .disqualified, reason: text))
      }
      try store.perform(.move(id: hub, to: .nurturing, reason: nil), by: "maria")
      try f.legacy(store) { p in
        .leadAssigned(
          LeadAssigned(lead: hub, version: p.version(hub) + 1, owner: "m\(index)", note: text))
      }
      // An actor name, as an older version let it through.
      try f.legacy(store, by: text) { p in
        .noteAdded(lead: hub, version: p.version(hub) + 1, text: "by \(item.what)")
      }
      tried += 1
    }
    // The same through the command line, for the write paths of the CLI itself.
    for item in InjectionTests.hostile.prefix(6) {
      let r = f.run([
        "add", "--name", item.text, "--company", item.text, "--source", "cli", "--user", "maria",
      ])
      f.expectClean(r, "add \(item.what)")
      f.expectClean(f.run(["note", String(hub), item.text, "--user", "maria"]), "note")
      f.expectClean(
        f.run(["team", "add", "x\(tried)", "--dept", "sales", "--name", item.text]), "")
      f.expectClean(f.run(["help", item.text]), "help \(item.what)")
      f.expectClean(f.run(["show", item.text]), "show \(item.what)")
      f.expectClean(f.run(["--user", item.text, "note", String(hub), "x"]), "user \(item.what)")
      tried += 1
    }
    let reads = f.readEverything(leads: [hub] + leads)
    print("injection: \(tried) hostile strings placed, \(reads) outputs scanned")
  }

  @Test("control bytes, invalid UTF-8 and a 1 MB name written straight into the log")
  func rawLogBytes() throws {
    let f = InjectionFixture()
    let store = try f.store()
    let hub = try f.addLead(store, name: "hub")
    try store.perform(
      .addMember(handle: "sam", name: "Sam", department: .sales, capacity: nil), by: "maria")
    var seq = store.pipeline.lastSeq
    var lines: [[UInt8]] = []
    func line(_ body: String, raw: [UInt8] = []) {
      seq += 1
      let head = "{\"seq\":\(seq),\"at\":\"2026-11-20T09:00:00.000Z\",\"actor\":\"admin\","
      var bytes = Array(head.utf8) + Array(body.utf8)
      // `raw` goes inside the last string, before its closing quote and brace.
      bytes.insert(contentsOf: raw, at: bytes.count - 2)
      lines.append(bytes + [0x0A])
    }
    let escapes = "\\u0000\\u001b[2J\\u001b]0;t\\u0007\\u009b6n\\u0085\\u202e\\r\\b\\u007f"
    line("\"type\":\"lead.note\",\"lead\":\(hub),\"v\":2,\"text\":\"escaped \(escapes)\"}")
    line(
      "\"type\":\"lead.created\",\"lead\":5002,\"name\":\"utf8\",\"company\":\"c\",\"source\":\"s\"}",
      raw: [
        0xFF, 0xFE, 0xC0, 0x80, 0xC2, 0x9B, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xE2, 0x80,
      ])
    line(
      "\"type\":\"lead.created\",\"lead\":5003,\"name\":\"big \",\"company\":\"c\",\"source\":\"s\"}",
      raw: Array(String(repeating: "\\u001b[31m\u{202E}x\\u009b", count: 1 << 20 / 20).utf8))
    line(
      "\"type\":\"member.joined\",\"handle\":\"evil\",\"name\":\"\\u001b]52;c;eA==\\u0007\",\"dept\":\"sales\"}"
    )
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: f.path))
    handle.seekToEndOfFile()
    for bytes in lines { handle.write(Data(bytes)) }
    try handle.close()

    let reads = f.readEverything(leads: [hub, 5002, 5003])
    f.expectClean(f.run(["check"]), "check")
    print("injection: \(lines.count) raw log lines, \(reads) outputs scanned")
  }

  @Test("raw control bytes inside a log line: every command refuses with one clean line")
  func rawControlBytes() throws {
    let f = InjectionFixture()
    let store = try f.store()
    _ = try f.addLead(store, name: "hub")
    var bytes = Array(
      "{\"seq\":2,\"at\":\"2026-11-20T09:00:00Z\",\"actor\":\"a\",\"type\":\"lead.created\",\"lead\":5001,\"name\":\"x"
        .utf8)
    bytes += [0x1B, 0x5B, 0x32, 0x4A, 0x07, 0x00, 0x9B, 0x36, 0x6E, 0x0D, 0x08]
    bytes += Array("\",\"company\":\"c\",\"source\":\"s\"}\n".utf8)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: f.path))
    handle.seekToEndOfFile()
    handle.write(Data(bytes))
    try handle.close()
    for command in [["list"], ["show", "1001"], ["targets"], ["team", "list"], ["check"]] {
      let r = f.run(command)
      let stderr = String(decoding: r.stderr, as: UTF8.self)
      #expect(r.status == 1, "\(command): \(r.status)")
      let said = command == ["check"] ? String(decoding: r.stdout, as: UTF8.self) : stderr
      #expect(said.contains("line 2") || said.contains(":2:"), "\(command): \(said)")
      if command != ["check"] {
        #expect(stderr.filter { $0 == "\n" }.count == 1, "\(command): \(stderr)")
      }
      f.expectClean(r, "\(command)")
    }
  }

  @Test("over-limit fields are refused at write time with one clear line")
  func limits() throws {
    let f = InjectionFixture()
    let store = try f.store()
    let hub = try f.addLead(store, name: "hub")
    let before = try Data(contentsOf: URL(fileURLWithPath: f.path))
    let cases: [(args: [String], field: String)] = [
      (["add", "--name", String(repeating: "n", count: 201), "--source", "x"], "name"),
      (["add", "--name", "n", "--company", String(repeating: "c", count: 201)], "company"),
      (["add", "--name", "n", "--source", String(repeating: "s", count: 41)], "source"),
      (["add", "--name", "n", "--segment", String(repeating: "s", count: 41)], "segment"),
      (["add", "--name", "n", "--email", String(repeating: "e", count: 250) + "@x.io"], "email"),
      (["note", String(hub), String(repeating: "t", count: 4001)], "note"),
      (["note", String(hub), String(repeating: "\u{1B}", count: 100_000)], "note"),
      (
        ["move", String(hub), "disqualified", "--reason", String(repeating: "r", count: 501)],
        "reason"
      ),
      (
        ["team", "add", "zed", "--dept", "sales", "--name", String(repeating: "z", count: 201)],
        "name"
      ),
      (["--user", String(repeating: "u", count: 65), "note", String(hub), "x"], "user"),
    ]
    for item in cases {
      let r = f.run(item.args)
      let what = "\(item.args.prefix(2).joined(separator: " ")) \(item.field)"
      #expect(r.status == 1 || r.status == 2, "\(what): \(r.status)")
      let stderr = String(decoding: r.stderr, as: UTF8.self)
      #expect(stderr.contains("too long"), "\(what): \(stderr.prefix(200))")
      #expect(stderr.filter { $0 == "\n" }.count == 1, "\(what): not one line")
      #expect(
        r.stderr.count < 400, "\(what): the error repeats the value (\(r.stderr.count) bytes)")
      f.expectClean(r, what)
    }
    // 1 MB through the API (argv cannot carry it): refused the same way.
    let huge = String(repeating: "\u{1B}[2J", count: 1 << 18)
    #expect(throws: StoreError.self) {
      try store.perform(.note(id: hub, text: huge), by: "maria")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: f.path)) == before)
  }

  @Test("CSV export keeps the data exact in a file and shows no raw control on a terminal")
  func csvExportControls() throws {
    let f = InjectionFixture()
    let store = try f.store()
    // Stored before the rule that refuses such text (a log of an older version).
    for item in InjectionTests.hostile {
      try f.legacy(store) { p in
        .leadCreated(
          LeadCreated(
            lead: Lead(
              id: p.nextLeadID, name: item.text, company: "c", source: "s",
              createdAt: p.lastEventAt)))
      }
    }
    // To a file (or a pipe) an export is data: every name is there as it was typed.
    let file = f.run(["export", "--csv"])
    #expect(file.status == 0)
    let exported = String(decoding: file.stdout, as: UTF8.self)
    for item in InjectionTests.hostile where !item.text.contains("\"") {
      #expect(exported.contains(item.text), "\(item.what) kept exactly")
    }
    // To a terminal the same export shows every control as a visible symbol.
    let pty = try PseudoTerminal(
      executable: handoffExecutable(), arguments: ["export", "--csv", "--store", f.path],
      environment: ["HANDOFF_USER": "maria", "TERM": "xterm", "PATH": "/usr/bin:/bin"],
      width: 200, height: 50)
    #expect(pty.waitForExit(timeout: .seconds(20)) != nil)
    pty.read(until: { _ in false }, timeout: .milliseconds(200))
    // The terminal's own line discipline turns each newline into CR LF; that CR is not data.
    let raw = pty.output
    let shown = raw.indices.compactMap { i -> UInt8? in
      raw[i] == 0x0D && i + 1 < raw.count && raw[i + 1] == 0x0A ? nil : raw[i]
    }
    f.expectClean(
      InjectionFixture.Output(args: ["export", "--csv"], status: 0, stdout: shown, stderr: []),
      "export --csv on a terminal")
  }

  @Test("CSV export neutralizes formulas and keeps every row one record")
  func csvFormulas() throws {
    let f = InjectionFixture()
    let store = try f.store()
    let formulas = [
      "=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\r=1", "a,\"b\"\r\nc",
      // Found by the arguments fuzzer: CRLF (one Character in Swift) went out unquoted, and
      // a quote followed by a combining mark was not doubled; both let a cell start a row.
      "safe\r\n=HYPERLINK(\"http://evil.example\")", "x\"\u{301},=1+1",
    ]
    // Those with control characters only an older version stored (`legacy`).
    for text in formulas {
      try f.legacy(store) { p in
        .leadCreated(
          LeadCreated(
            lead: Lead(
              id: p.nextLeadID, name: text, company: text, source: "s", createdAt: p.lastEventAt)))
      }
    }
    let r = f.run(["export", "--csv"])
    #expect(r.status == 0)
    let rows = InjectionFixture.csvRecords(String(decoding: r.stdout, as: UTF8.self))
    #expect(rows.count == formulas.count + 1, "rows: \(rows.count)")
    for row in rows.dropFirst() {
      for cell in row {
        let first = cell.unicodeScalars.first
        #expect(
          first.map { !"=+-@\t\r".unicodeScalars.contains($0) } ?? true, "\(cell.debugDescription)")
      }
    }
  }
}

/// A store for injection tests, the built `handoff` run on it with raw output kept, and
/// the scan of that output.
final class InjectionFixture {
  let folder = TemporaryDirectory("handoff-injection")
  var path: String { folder.file("store.jsonl") }

  struct Output {
    var args: [String]
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
  }

  func store() throws -> FileStore {
    let store = FileStore(path: path, clock: SystemClock(), zones: FixedZones())
    try store.open()
    return store
  }

  /// Appends the event `body` plans, as it is: what a log written before the rule that
  /// refuses control characters holds (the planner refuses such text now).
  func legacy(
    _ store: FileStore, by actor: String = "maria", _ body: (Pipeline) throws -> EventBody
  ) throws {
    let planned = try body(store.pipeline)
    try store.append([PlannedEvent(at: store.pipeline.lastEventAt, actor: actor, body: planned)])
  }

  func addLead(_ store: FileStore, name: String) throws -> Int {
    let new = NewLead(
      name: name, company: "Acme", email: "", source: "webinar", segment: "", score: 1, value: 0,
      owner: nil)
    return try store.perform(.addLead(new), by: "maria").leadID ?? 0
  }

  /// Runs `handoff ARGS --store PATH` with output kept byte for byte.
  func run(_ args: [String]) -> Output {
    let out = folder.file("stdout")
    let err = folder.file("stderr")
    let environment = [
      "HOME": folder.path, "PATH": "/usr/bin:/bin", "HANDOFF_USER": "maria", "COLUMNS": "120",
    ]
    var output = Output(args: args, status: -1, stdout: [], stderr: [])
    do {
      let child = try ChildProcess.spawn(
        handoffExecutable(), args + ["--store", path], environment: environment, stdout: out,
        stderr: err)
      switch child.wait() {
      case .exited(let code): output.status = code
      case .signaled(let signal): output.status = 128 + signal
      }
    } catch {
      output.stderr = Array(error.description.utf8)
      return output
    }
    output.stdout = Array((try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data())
    output.stderr = Array((try? Data(contentsOf: URL(fileURLWithPath: err))) ?? Data())
    return output
  }

  /// Every command that prints data, in text and JSON; returns how many outputs were
  /// scanned.
  func readEverything(leads: [Int]) -> Int {
    var outputs: [Output] = []
    for command in [["list"], ["targets"], ["team", "list"], ["stats"], ["settings"]] {
      let text = run(command)
      #expect(text.status == 0, "\(command): \(String(decoding: text.stderr, as: UTF8.self))")
      outputs.append(text)
      let json = run(command + ["--json"])
      if command != ["settings"] { expectJSON(json) }
      outputs.append(json)
    }
    for id in leads {
      let text = run(["show", String(id)])
      #expect(text.status == 0, "show \(id): \(String(decoding: text.stderr, as: UTF8.self))")
      outputs.append(text)
      let json = run(["show", String(id), "--json"])
      expectJSON(json)
      outputs.append(json)
    }
    let export = run(["export"])
    for line in export.stdout.split(separator: 0x0A) {
      #expect((try? JSONSerialization.jsonObject(with: Data(line))) != nil, "export line")
    }
    outputs.append(export)
    outputs += [run(["help"]), run(["help", "add"]), run([])]
    // Snapshots: every view, and the lead view of a few leads; plain text, and in colour,
    // where the only escape sequences may be the renderer's own SGR colours.
    var snapshots: [[String]] = ["dashboard", "queue", "marketing", "sales", "targets"].map {
      ["snapshot", "--view", $0, "--width", "160", "--height", "50"]
    }
    snapshots += leads.prefix(4).map {
      ["snapshot", "--view", "lead", String($0), "--width", "120", "--height", "60"]
    }
    for args in snapshots {
      let plain = run(args + ["--no-color"])
      #expect(plain.status == 0, "\(args): \(String(decoding: plain.stderr, as: UTF8.self))")
      outputs.append(plain)
      var colour = run(args + ["--color"])
      #expect(colour.status == 0, "\(args) --color")
      colour.stdout = InjectionFixture.removingSGR(colour.stdout)
      outputs.append(colour)
    }
    for output in outputs { expectClean(output, output.args.joined(separator: " ")) }
    return outputs.count
  }

  func expectJSON(_ output: Output, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(output.status == 0, "\(output.args)", sourceLocation: sourceLocation)
    let parsed = try? JSONSerialization.jsonObject(
      with: Data(output.stdout), options: [.fragmentsAllowed])
    #expect(
      parsed != nil,
      "\(output.args): not JSON: \(String(decoding: output.stdout.prefix(300), as: UTF8.self))",
      sourceLocation: sourceLocation)
  }

  /// Fails on any byte in standard output or error that a terminal would act on.
  func expectClean(
    _ output: Output, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for (stream, bytes) in [("stdout", output.stdout), ("stderr", output.stderr)] {
      if let problem = InjectionFixture.firstUnsafe(bytes) {
        Issue.record(
          "\(what) (handoff \(output.args.joined(separator: " ").debugDescription.prefix(120))): \(stream) \(problem)",
          sourceLocation: sourceLocation)
      }
    }
  }

  /// The first thing in `bytes` that must not reach a terminal: a C0 control other than
  /// newline, DEL, a C1 control (encoded or as a raw byte), a bidi override or isolate,
  /// or bytes that are not UTF-8 at all.
  static func firstUnsafe(_ bytes: [UInt8]) -> String? {
    for (offset, byte) in bytes.enumerated() where (byte < 0x20 && byte != 0x0A) || byte == 0x7F {
      return "raw byte 0x\(String(byte, radix: 16)) at \(offset)"
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return "bytes that are not UTF-8"
    }
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
        return "U+\(String(scalar.value, radix: 16, uppercase: true))"
      default: continue
      }
    }
    return nil
  }

  /// The bytes without well-formed SGR sequences (`ESC [ digits ; : m`), the only
  /// escapes a coloured snapshot may hold.
  static func removingSGR(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x1B, index + 1 < bytes.count, bytes[index + 1] == 0x5B {
        var end = index + 2
        while end < bytes.count, (0x30...0x3B).contains(bytes[end]) { end += 1 }
        if end < bytes.count, bytes[end] == 0x6D {
          index = end + 1
          continue
        }
      }
      out.append(bytes[index])
      index += 1
    }
    return out
  }

  /// CSV text (RFC 4180) split into records of cells.
  static func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var cell = ""
    var quoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let c = pending ?? scalars.next() {
      pending = nil
      if quoted {
        if c == "\"" {
          let next = scalars.next()
          if next == "\"" {
            cell.unicodeScalars.append("\"")
          } else {
            quoted = false
            pending = next
          }
        } else {
          cell.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        record.append(cell)
        cell = ""
      } else if c == "\n" {
        record.append(cell)
        records.append(record)
        record = []
        cell = ""
      } else {
        cell.unicodeScalars.append(c)
      }
    }
    return records
  }
}

extension Pipeline {
  /// A lead's version (0 when there is none).
  fileprivate func version(_ id: Int) -> Int { lead(id)?.version ?? 0 }

  /// When the last lead event happened, else the epoch: a time for legacy events.
  fileprivate var lastEventAt: Timestamp {
    allLeads.map(\.lastActivityAt).max() ?? Timestamp(milliseconds: 1_764_000_000_000)
  }
}
