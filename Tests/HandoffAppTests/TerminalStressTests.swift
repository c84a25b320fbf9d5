import Foundation
import HandoffHost
import HandoffModel
import HandoffStore
import HandoffTerminal
import HandoffTerminalTesting
import TestSupport
import Testing

/// The real dashboard on a pseudo-terminal under hostile data and a storm of resizes.
@Suite struct TerminalStressTests {
  private func environment(_ folder: TemporaryDirectory, user: String = "maria") -> [String: String]
  {
    [
      "HANDOFF_USER": user, "HOME": folder.path, "TERM": "xterm-256color",
      "COLORTERM": "truecolor",
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
  }

  /// Hostile text for every field a screen shows: escape sequences of every family,
  /// 8-bit controls, bell, backspace, carriage return, bidi overrides.
  static let hostile = [
    "\u{1B}[2J\u{1B}[Hcleared", "\u{1B}]0;pwned\u{07}title", "\u{1B}]52;c;cm0gLXJmIH4K\u{07}clip",
    "\u{1B}]8;;https://evil.example/\u{1B}\\link", "\u{1B}P1$qm\u{1B}\\dcs", "\u{1B}_Gapc\u{1B}\\",
    "reset\u{1B}c", "ask\u{1B}[6n", "\u{9B}2J8bit", "\u{9D}0;osc8\u{9C}", "ding\u{07}",
    "back\u{08}\u{08}space", "shown\rhidden", "invoice\u{202E}fdp.exe", "\u{2066}iso\u{2069}",
  ]

  /// The escape sequences the renderer itself writes: CSI with digits, `;` and `?`,
  /// ending in one of these finals. Anything else (OSC, DCS, APC, ESC c, CSI n, BEL,
  /// C1) can only have come from data.
  static func foreignControl(in bytes: [UInt8]) -> String? {
    let finals = Set("HJmABCDhlK".utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x1B {
        guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") else {
          return "ESC \(i + 1 < bytes.count ? String(bytes[i + 1]) : "end") at \(i)"
        }
        var j = i + 2
        while j < bytes.count, (0x30...0x3F).contains(bytes[j]) { j += 1 }
        guard j < bytes.count, finals.contains(bytes[j]) else { return "CSI final at \(j)" }
        i = j + 1
        continue
      }
      if b < 0x20 && b != 0x0A && b != 0x0D { return "byte 0x\(String(b, radix: 16)) at \(i)" }
      if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
        return "C1 U+00\(String(bytes[i + 1], radix: 16)) at \(i)"
      }
      if b == 0xE2, i + 2 < bytes.count,
        (bytes[i + 1] == 0x80 && (0xAA...0xAE).contains(bytes[i + 2]))
          || (bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]))
      {
        return "bidi override or isolate at \(i)"
      }
      i += 1
    }
    return nil
  }

  @Test("the detector itself: the renderer's sequences pass, data's controls do not")
  func detector() {
    #expect(
      Self.foreignControl(in: Array("\u{1B}[?2026h\u{1B}[1;38;2;1;2;3mok\u{1B}[0m\r\n".utf8)) == nil
    )
    for raw in Self.hostile
    where raw.unicodeScalars.contains(where: {
      $0.value < 0x20 || (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
        || (0x2066...0x2069).contains($0.value)
    }) {
      if raw.hasPrefix("\u{1B}[2J") || raw == "shown\rhidden" { continue }  // renderer-like
      #expect(Self.foreignControl(in: Array(raw.utf8)) != nil, "\(raw.debugDescription)")
    }
  }

  @Test("hostile names, companies, sources, notes and members never reach the terminal raw")
  func hostileDataOnScreen() throws {
    let folder = TemporaryDirectory("handoff-hostile-screen")
    let path = folder.file("store.jsonl")
    let store = FileStore(path: path, clock: SystemClock(), zones: FixedZones())
    try store.open()
    // Such text is refused on every write now; this is what a log written before that
    // rule holds: the events appended as they are.
    func legacy(_ body: EventBody, by actor: String = "maria") throws {
      try store.append([PlannedEvent(at: SystemClock().now(), actor: actor, body: body)])
    }
    try legacy(
      .memberJoined(MemberJoined(handle: "sam", name: Self.hostile[1], department: .sales)))
    try legacy(
      .memberJoined(MemberJoined(handle: "maria", name: Self.hostile[0], department: .marketing)))
    for (n, text) in Self.hostile.enumerated() {
      let id = store.pipeline.nextLeadID
      try legacy(
        .leadCreated(
          LeadCreated(
            lead: Lead(
              id: id, name: text, company: Self.hostile[(n + 3) % Self.hostile.count],
              source: "ads", owner: "maria", createdAt: SystemClock().now()))))
      try legacy(.noteAdded(lead: id, version: 2, text: text))
      if n % 2 == 0 {
        try store.perform(.move(id: id, to: .mql, reason: nil), by: "maria")
        try store.perform(.handOff(id: id), by: "maria")
      }
    }
    let pty = try PseudoTerminal(
      executable: handoffExecutable(), arguments: ["--store", path],
      environment: environment(folder, user: "sam"), width: 140, height: 40)
    #expect(pty.read(untilContains: "Handoff queue"))
    // Every screen with data on it: the queue, a lead's detail with its notes, the
    // full-screen list, the assign picker with members' names, the wall targets view.
    // Each step waits for its screen (replayed through the screen model, since a frame
    // sends only what changed), so a lone Esc is never read as Alt with the next key.
    func screen() -> String {
      var model = ScreenModel(width: 140, height: 40) { DisplayWidth.of($0) }
      model.feed(pty.output)
      return model.lines.joined(separator: "\n")
    }
    let steps: [(keys: String, shows: String, hides: String?)] = [
      ("j\r", "History", nil), ("\u{1B}", "Marketing", "History"), ("a", "Assign ", nil),
      ("\u{1B}", "Marketing", "Assign "), ("F", "Handoff queue", "Marketing"),
      ("\u{1B}", "Marketing", nil), ("w", "Targets · ", "Marketing"),
      ("\u{1B}", "Marketing", nil),
    ]
    for step in steps {
      pty.send(step.keys)
      let reached = pty.read(
        until: { _ in
          let text = screen()
          return text.contains(step.shows) && !(step.hides.map(text.contains) ?? false)
        }, timeout: .seconds(30))
      #expect(reached, "\(step.keys.debugDescription) → \(step.shows)")
    }
    pty.send("q")
    // Generous: an instrumented (sanitizer) build starts and stops slowly.
    #expect(pty.waitForExit(timeout: .seconds(60)) != nil)
    #expect(
      Self.foreignControl(in: pty.output) == nil, "\(Self.foreignControl(in: pty.output) ?? "")")
    // And the data was shown, as visible symbols.
    let text = String(decoding: pty.output, as: UTF8.self)
    #expect(text.contains("␛[2J"))
    #expect(text.contains("cleared"))
  }

  @Test(
    "a storm of resizes, 1×1 to 500×200, while events arrive: the last frame equals a fresh render")
  func resizeStorm() throws {
    let folder = TemporaryDirectory("handoff-resize")
    let path = folder.file("store.jsonl")
    #expect(
      runHandoff(
        ["--store", path, "demo", "--leads", "300", "--seed", "4"], environment: environment(folder)
      )
      .status == 0)
    let pty = try PseudoTerminal(
      executable: handoffExecutable(), arguments: ["--store", path],
      environment: environment(folder, user: "sam"), width: 100, height: 30)
    #expect(pty.read(untilContains: "Handoff queue"))
    let writer = FileStore(path: path, clock: SystemClock(), zones: FixedZones())
    try writer.open()
    var random = SplitMix64(seed: 77)
    let sizes = [(1, 1), (500, 200), (59, 19), (60, 20), (80, 24), (2, 300), (300, 2)]
    let notable = writer.pipeline.allLeads.prefix(50).map(\.id)
    for n in 0..<300 {
      let (w, h) =
        n < sizes.count * 10 && n % 10 == 0
        ? sizes[n / 10] : (Int(random.next() % 300) + 1, Int(random.next() % 120) + 1)
      pty.resize(width: w, height: h)
      if n % 10 == 0 {
        try writer.perform(
          .note(id: notable[(n / 10) % notable.count], text: "storm \(n)"), by: "aisha")
      }
      pty.read(until: { _ in false }, timeout: .milliseconds(1))
    }
    // The final size; everything after its full redraw is the last frame and its updates.
    pty.resize(width: 120, height: 36)
    let settled = pty.output.count
    #expect(pty.read(untilContains: "Handoff queue", after: settled))
    pty.read(until: { _ in false }, timeout: .milliseconds(300))
    let clear = Array("\u{1B}[H\u{1B}[2J".utf8)
    let tail = Array(pty.output[settled...])
    let start = tail.firstRange(of: clear)?.lowerBound ?? 0
    var model = ScreenModel(width: 120, height: 36) { DisplayWidth.of($0) }
    model.feed(tail[start...])
    let lines = model.lines
    #expect(lines.count == 36)
    #expect(lines.first?.contains("Handoff queue") == true, "\(lines.first ?? "")")
    #expect(lines.last?.contains("? help") == true, "\(lines.last ?? "")")
    // The screen the diffs built equals a fresh render at this size: Ctrl-L redraws in
    // full, and within one clock second the two must match cell for cell. (When the
    // second ticks between them, ages and countdowns may differ: try again.)
    func screen(_ bytes: ArraySlice<UInt8>) -> [String] {
      var replay = ScreenModel(width: 120, height: 36) { DisplayWidth.of($0) }
      replay.feed(bytes)
      return replay.lines
    }
    // Both screens are cut at the end of a whole frame: a frame read half-way (a write
    // the pty split, on a loaded machine) is neither the old screen nor the new one.
    let frameEnd = Array("\u{1B}[?2026l".utf8)
    func endOfLastFrame(_ bytes: ArraySlice<UInt8>) -> Int {
      var end = bytes.startIndex
      var rest = bytes
      while let found = rest.firstRange(of: frameEnd) {
        end = found.upperBound
        rest = bytes[found.upperBound...]
      }
      return end
    }
    var base = settled + start
    var matched = false
    for _ in 0..<5 where !matched {
      let before = pty.output.count
      let incremental = screen(pty.output[base..<endOfLastFrame(pty.output[base..<before])])
      pty.send([0x0C])
      // The full redraw Ctrl-L asked for, up to its own end.
      func redrawn(_ output: [UInt8]) -> Range<Int>? {
        guard let clearAt = output[before...].firstRange(of: clear),
          let end = output[clearAt.upperBound...].firstRange(of: frameEnd)
        else { return nil }
        return clearAt.lowerBound..<end.upperBound
      }
      #expect(pty.read(until: { redrawn($0) != nil }, timeout: .seconds(30)))
      let redraw = redrawn(pty.output) ?? before..<pty.output.count
      let fresh = screen(pty.output[redraw])
      if fresh == incremental {
        matched = true
      } else {
        // Only a clock tick may explain a difference.
        #expect(fresh.last != incremental.last, "same second, different screens")
        base = redraw.lowerBound
      }
    }
    #expect(matched, "the incremental screen never equalled a fresh render")
    pty.send("q")
    let status = try #require(pty.waitForExit(timeout: .seconds(60)))
    #expect(PseudoTerminal.exited(status, code: 0))
    #expect(PseudoTerminal.sameModes(pty.initialModes, pty.modes()))
  }
}

/// Every way out of the dashboard gives the terminal back as it was found.
@Suite struct DashboardExitTests {
  enum Way: String, CaseIterable, CustomTestStringConvertible {
    case q, ctrlC, sigterm, sighup, suspendAndContinue
    var testDescription: String { rawValue }
  }

  @Test(arguments: Way.allCases)
  func theTerminalIsRestored(way: Way) throws {
    let folder = TemporaryDirectory("handoff-exit")
    let path = folder.file("store.jsonl")
    let environment = [
      "HANDOFF_USER": "sam", "HOME": folder.path, "TERM": "xterm-256color",
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
    #expect(
      runHandoff(
        ["--store", path, "demo", "--leads", "50", "--seed", "2"], environment: environment
      )
      .status == 0)
    let pty = try PseudoTerminal(
      executable: handoffExecutable(), arguments: ["--store", path], environment: environment,
      width: 100, height: 30)
    #expect(pty.read(untilContains: "Handoff queue"))
    switch way {
    case .q: pty.send("q")
    case .ctrlC: pty.send([0x03])
    case .sigterm: pty.signal(SIGTERM)
    case .sighup: pty.signal(SIGHUP)
    case .suspendAndContinue:
      // Ctrl-Z gives the terminal back (main screen, cursor shown); SIGCONT takes it
      // again and redraws in full; then quit.
      let before = pty.output.count
      pty.send([0x1A])
      #expect(pty.read(untilContains: "\u{1B}[?1049l", after: before))
      pty.signal(SIGCONT)
      #expect(pty.read(untilContains: "\u{1B}[?1049h", after: before))
      #expect(pty.read(untilContains: "Handoff queue", after: before))
      pty.send("q")
    }
    let status = try #require(pty.waitForExit(timeout: .seconds(60)))
    switch way {
    case .sigterm: #expect(PseudoTerminal.killed(status, by: SIGTERM))
    case .sighup: #expect(PseudoTerminal.killed(status, by: SIGHUP))
    default:
      // Ctrl-C is a key in raw mode: the dashboard quits as with q.
      #expect(PseudoTerminal.exited(status, code: 0))
    }
    #expect(PseudoTerminal.sameModes(pty.initialModes, pty.modes()))
    let tail = String(decoding: pty.output.suffix(300), as: UTF8.self)
    #expect(tail.contains("\u{1B}[?1049l"), "main screen back")
    #expect(tail.contains("\u{1B}[?25h"), "cursor shown")
  }
}
