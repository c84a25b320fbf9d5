import Foundation
import HandoffApp
import HandoffDemo
import HandoffHost
import HandoffModel
import HandoffStore
import HandoffTerminal
import HandoffTerminalTesting
import TestSupport
import Testing

/// The dashboard's loop on a fake terminal device: keys in and frames out, resizes, a
/// store another writer changes, suspend and continue, the ways out. No pty and no
/// second process; the clock moves only when a wait runs out, by what the loop asked.
@Suite struct DashboardLoopTests {
  static let start = Timestamp(iso8601: "2026-11-18T10:30:00Z")!

  /// A store with a small demo team's history, and a dashboard to run on it.
  struct Setup {
    let folder = TemporaryDirectory("handoff-loop")
    let clock = ManualClock(DashboardLoopTests.start)
    let store: FileStore
    let path: String

    init() throws {
      path = folder.file("store.jsonl")
      store = FileStore(path: path, clock: clock, zones: FixedZones())
      try store.open()
      try store.append(
        DemoTeam.events(leads: 40, seed: 3, now: DashboardLoopTests.start, zone: .utc))
    }

    /// Runs the dashboard on `device` until it quits or the device hangs up; the app's
    /// clock moves with the device's.
    func run(
      _ device: FakeTerminalDevice, notify: NotifyMode = .none, environment: [String: String] = [:],
      travelAhead: Bool = false
    ) throws {
      let clock = self.clock
      device.onTimeout = { waited in
        let (seconds, attoseconds) = waited.components
        clock.advance(
          by: Duration(milliseconds: seconds * 1000 + attoseconds / 1_000_000_000_000_000))
      }
      var options = DashboardOptions(
        store: store, user: "sam", environment: environment, clock: clock)
      options.notify = notify
      if travelAhead {
        let path = self.path
        options.makeTravelStore = { FileStore(path: path, clock: clock, zones: FixedZones()) }
      }
      let session = TerminalSession(device: device, colorDepth: .truecolor)
      try Dashboard.run(openedStore: store, session: session, options: options)
    }
  }

  /// The screen's text at each wait of the loop, collected as it runs.
  final class Screens {
    var atWait: [String] = []
    func record(_ device: FakeTerminalDevice) {
      atWait.append(device.lines.joined(separator: "\n"))
    }
  }

  private func recording(_ device: FakeTerminalDevice) -> Screens {
    let screens = Screens()
    device.beforeWait = { screens.record($0) }
    return screens
  }

  @Test("keys in, frames out: a view opens, a lone Esc closes it after its timeout, q quits")
  func keysInFramesOut() throws {
    let setup = try Setup()
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 100, height: 30),
      script: [.keys("w"), .keys("\u{1B}"), .timeout, .keys("q"), .keys("j")])
    let screens = recording(device)
    try setup.run(device)
    #expect(screens.atWait.count == 4)
    #expect(screens.atWait[0].contains("Handoff queue"))
    #expect(screens.atWait[1].contains("Targets · "))
    // Esc alone is not a key until its timeout passes: the view is still there.
    #expect(screens.atWait[2].contains("Targets · "))
    #expect(device.waits[2].timeout.map { $0 <= .milliseconds(50) } == true)
    #expect(screens.atWait[3].contains("Handoff queue"))
    #expect(device.script.count == 1, "q ended the loop before the last key")
  }

  @Test("[ and ] show the same past days whether made ready on a thread ahead or on the key")
  func travelStepsAheadOrOnTheKey() throws {
    let setup = try Setup()
    let keys = "[[[]][[]."
    func screens(ahead: Bool) throws -> [String] {
      let device = FakeTerminalDevice(
        size: TerminalSize(width: 120, height: 36),
        script: keys.map { .keys(String($0)) } + [.keys("q")])
      let screens = recording(device)
      try setup.run(device, travelAhead: ahead)
      return screens.atWait
    }
    let onTheKey = try screens(ahead: false)
    let ahead = try screens(ahead: true)
    #expect(onTheKey.count == keys.count + 1)
    #expect(ahead == onTheKey)
    // Live, three days back one at a time, two forward, two back, one forward, now.
    for (index, days) in [0, 1, 2, 3, 2, 1, 2, 3, 2, 0].enumerated() {
      let shown = days == 0 ? "● live" : "as at 2026-11-\(18 - days) 10:30"
      #expect(onTheKey[index].contains(shown), "screen \(index)")
    }
    #expect(onTheKey[3] != onTheKey[2] && onTheKey[7] == onTheKey[3])
  }

  @Test("a resize draws the whole screen again at the new size; too small says so")
  func resize() throws {
    let setup = try Setup()
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 100, height: 30),
      script: [
        .resize(TerminalSize(width: 140, height: 40)),
        .resize(TerminalSize(width: 40, height: 10)),
        .resize(TerminalSize(width: 80, height: 24)),
      ])
    var screens: [(size: TerminalSize, lines: [String])] = []
    device.beforeWait = { screens.append(($0.currentSize, $0.lines)) }
    try setup.run(device)
    #expect(screens.count == 4)
    for (size, lines) in screens {
      #expect(lines.count == size.height)
      #expect(lines.allSatisfy { DisplayWidth.of($0) == size.width })
    }
    #expect(screens[1].lines[0].contains("Handoff queue"))
    #expect(screens[1].lines[39].contains("? help"))
    #expect(screens[2].lines.joined().contains("Handoff needs at least 60×20"))
    #expect(screens[3].lines[0].contains("Handoff queue"))
    // Each frame after a resize clears the screen and draws it all.
    for index in 0..<3 {
      let frame = device.output[device.waits[index].written..<device.waits[index + 1].written]
      #expect(frame.firstRange(of: Array("\u{1B}[2J".utf8)) != nil, "resize \(index + 1)")
    }
  }

  @Test("a change another writer makes wakes the loop through the store's descriptor")
  func storeChangeWakesTheLoop() throws {
    let setup = try Setup()
    let queued = setup.store.pipeline.count(of: .stage(.queued))
    let writer = FileStore(path: setup.path, clock: setup.clock, zones: FixedZones())
    try writer.open()
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 100, height: 30), script: [.timeout, .descriptors])
    let screens = Screens()
    device.beforeWait = { device in
      screens.record(device)
      // After the first frame and a clock tick: a colleague hands a new lead over.
      guard device.waits.count == 2 else { return }
      do {
        let lead = try writer.perform(
          .addLead(NewLead(name: "Zed Newcomer", company: "Later Ltd", source: "ads")),
          by: "maria")
        let id = try #require(lead.leadID)
        try writer.perform(.move(id: id, to: .mql, reason: nil), by: "maria")
        try writer.perform(.handOff(id: id), by: "maria")
      } catch {
        Issue.record("the writer failed: \(error)")
      }
    }
    try setup.run(device)
    #expect(screens.atWait.count == 3)
    #expect(
      QueueTitle.size(screens.atWait[1].split(separator: "\n").first.map(String.init) ?? "")
        == String(queued))
    if setup.store.changeDescriptor != nil {
      // Change notifications: the loop watches the descriptor and refreshes when told.
      #expect(device.waits.allSatisfy { $0.watching.count == 1 })
    }
    #expect(
      QueueTitle.size(screens.atWait[2].split(separator: "\n").first.map(String.init) ?? "")
        == String(queued + 1))
  }

  @Test("Ctrl-Z suspends; continued, the screen is drawn in full and keys still work")
  func suspendAndContinue() throws {
    let setup = try Setup()
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 100, height: 30), script: [.keys("\u{1A}"), .keys("w")])
    let screens = recording(device)
    try setup.run(device)
    #expect(device.suspensions == 1)
    // Wait 1 comes back continued: the frame after it clears and redraws.
    let redraw = device.output[device.waits[1].written..<device.waits[2].written]
    #expect(redraw.firstRange(of: Array("\u{1B}[2J".utf8)) != nil)
    #expect(screens.atWait[2].contains("Handoff queue"))
    #expect(screens.atWait[3].contains("Targets · "))
  }

  @Test("stopped and continued from outside with a key typed meanwhile: redrawn, then acted on")
  func continuedFromOutside() throws {
    let setup = try Setup()
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 100, height: 30), script: [.continued, .keys("w")])
    let screens = recording(device)
    try setup.run(device)
    let redraw = device.output[device.waits[0].written..<device.waits[1].written]
    #expect(redraw.firstRange(of: Array("\u{1B}[2J".utf8)) != nil)
    #expect(screens.atWait[1].contains("Handoff queue"))
    #expect(screens.atWait[2].contains("Targets · "))
  }

  @Test("idle: one wakeup per clock second, each frame only the changed cells")
  func idle() throws {
    let setup = try Setup()
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 100, height: 30), script: Array(repeating: .timeout, count: 5))
    try setup.run(device)
    #expect(device.waits.count == 6)
    let first = device.waits[0].written
    for index in 0..<5 {
      // Standing on a whole second, the loop sleeps exactly to the next one.
      #expect(device.waits[index].timeout == .seconds(1))
      // Then it draws the clock's new second and the countdowns: a few cells.
      let frame = device.waits[index + 1].written - device.waits[index].written
      #expect(frame > 0 && frame < first / 10, "tick \(index): \(frame) bytes")
    }
  }

  @Test("every way out ends the loop: q, Ctrl-C, the terminal hanging up")
  func waysOut() throws {
    for script: [FakeTerminalDevice.Happening] in [[.keys("q")], [.keys("\u{03}")], [.hangup]] {
      let setup = try Setup()
      let device = FakeTerminalDevice(
        size: TerminalSize(width: 100, height: 30), script: script + [.keys("w")])
      try setup.run(device)
      #expect(device.script.count == 1)
      #expect(device.waits.count == 1)
    }
  }
}
