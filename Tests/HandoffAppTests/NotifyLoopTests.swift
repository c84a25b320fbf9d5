import HandoffApp
import HandoffModel
import HandoffStore
import HandoffTerminal
import HandoffTerminalTesting
import Testing

/// Notices in the running loop: a colleague's assignment in another store object wakes
/// the dashboard, the status bar says it at once, and the notify mode decides what else
/// reaches the terminal: nothing, one bell, or one desktop notification, never again on
/// the frames after.
@Suite struct NotifyLoopTests {
  /// Runs the dashboard as sam while maria, through her own store object, hands a new
  /// lead to sam after the first tick; returns the device and the lead.
  private func run(
    notify: NotifyMode, environment: [String: String] = [:]
  ) throws -> (FakeTerminalDevice, [String], Int) {
    let setup = try DashboardLoopTests.Setup()
    let writer = FileStore(path: setup.path, clock: setup.clock, zones: FixedZones())
    try writer.open()
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 120, height: 30),
      script: [.timeout, .descriptors, .timeout, .timeout, .timeout])
    var screens: [String] = []
    var lead = 0
    device.beforeWait = { device in
      screens.append(device.lines.joined(separator: "\n"))
      guard device.waits.count == 2 else { return }
      do {
        let created = try writer.perform(
          .addLead(
            NewLead(name: "Zed; Newcomer", company: "Later Ltd", source: "ads")),
          by: "maria")
        lead = try #require(created.leadID)
        try writer.perform(.move(id: lead, to: .mql, reason: nil), by: "maria")
        try writer.perform(.handOff(id: lead), by: "maria")
        if writer.pipeline.lead(lead)?.owner != "sam" {
          try writer.perform(.assign(id: lead, to: "sam", note: nil), by: "maria")
        }
      } catch {
        Issue.record("the writer failed: \(error)")
      }
    }
    try setup.run(device, notify: notify, environment: environment)
    return (device, screens, lead)
  }

  private func count(_ bytes: [UInt8], _ needle: [UInt8]) -> Int {
    guard bytes.count >= needle.count else { return 0 }
    return (0...(bytes.count - needle.count)).filter {
      Array(bytes[$0..<$0 + needle.count]) == needle
    }
    .count
  }

  @Test("none: the status bar says it at once, and nothing else reaches the terminal")
  func statusBarOnly() throws {
    let (device, screens, lead) = try run(notify: .none)
    #expect(screens.count >= 4)
    #expect(!screens[1].contains("assigned to you"))
    #expect(screens[2].contains("\(lead) Zed; Newcomer assigned to you by maria"))
    #expect(!device.output.contains(0x07))
  }

  @Test("bell: one BEL, at the wake that brought the assignment, not on later frames")
  func oneBell() throws {
    let (device, screens, _) = try run(notify: .bell)
    #expect(screens[2].contains("assigned to you by maria"))
    #expect(device.output.filter { $0 == 0x07 }.count == 1)
    let second = device.output[device.waits[1].written..<device.waits[2].written]
    #expect(second.contains(0x07))
  }

  @Test("desktop: one OSC 9 (OSC 777 on a VTE terminal), and no bell")
  func oneDesktopNotification() throws {
    let (device, _, lead) = try run(notify: .desktop)
    let osc9 = Array(
      "\u{1B}]9;handoff: \(lead) Zed; Newcomer assigned to you by maria\u{07}".utf8)
    #expect(count(device.output, osc9) == 1)
    #expect(device.output.filter { $0 == 0x07 }.count == 1, "only the sequence's own terminator")
    let (vte, _, _) = try run(notify: .desktop, environment: ["VTE_VERSION": "7600"])
    #expect(count(vte.output, Array("\u{1B}]777;notify;handoff;".utf8)) == 1)
    #expect(count(vte.output, Array("\u{1B}]9;".utf8)) == 0)
  }
}
