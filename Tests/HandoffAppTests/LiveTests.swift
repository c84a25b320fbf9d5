import Foundation
import HandoffApp
import HandoffModel
import HandoffStore
import TestSupport
import Testing

/// The dashboard against a real store that other OS processes write to.
struct LiveTests {
  func environment(_ folder: TemporaryDirectory, user: String = "admin") -> [String: String] {
    [
      "HANDOFF_USER": user, "HOME": folder.path, "TERM": "xterm-256color",
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
  }

  @Test("events appended by another process show in the dashboard's state after refresh")
  func anotherProcessAppends() throws {
    let folder = TemporaryDirectory("handoff-live")
    let path = folder.file("handoff.log")
    let store = Store(path: path)
    try store.open()
    var state = AppState(user: "sam", storeName: "live", width: 120, height: 36)
    _ = Update.update(&state, .tick, pipeline: store.pipeline, now: SystemClock().now())
    #expect(state.selected[.queue] == nil)

    let run = runHandoff(
      ["--store", path, "demo", "--leads", "80", "--seed", "3"], environment: environment(folder))
    #expect(run.status == 0, "\(run.stderr)")

    // The store's notification descriptor says so (inotify), else refresh() is polled.
    if store.changeDescriptor >= 0 {
      var entry = pollfd(fd: store.changeDescriptor, events: Int16(POLLIN), revents: 0)
      #expect(poll(&entry, 1, 5000) == 1)
    }
    #expect(try store.refresh() != .none)
    _ = Update.update(&state, .storeChanged, pipeline: store.pipeline, now: SystemClock().now())
    let oldest = try #require(store.pipeline.leads(of: .stage(.queued), in: 0..<1).first)
    #expect(state.selected[.queue] == oldest.id)
    let frame = AppView.render(state, pipeline: store.pipeline, now: SystemClock().now())
    #expect(frame.text.contains(String(oldest.id)))
  }

  @Test("end to end on a pseudo-terminal: assign, hand off, reject with a reason, quit")
  func endToEnd() throws {
    let folder = TemporaryDirectory("handoff-pty")
    let path = folder.file("handoff.log")
    let made = runHandoff(
      ["--store", path, "demo", "--leads", "300", "--seed", "5"], environment: environment(folder))
    try #require(made.status == 0, "\(made.stderr)")
    let store = Store(path: path)
    try store.open()
    let pipeline = store.pipeline
    let queue = pipeline.leads(of: .stage(.queued), in: 0..<1000)
    // The lead to assign: the first queued one not owned by james.
    let assignRow = try #require(queue.firstIndex { $0.owner != "james" })
    let assigned = queue[assignRow]
    let mql = try #require(pipeline.leads(of: .stage(.mql), in: 0..<1).first)
    let rejected = queue[0].id == assigned.id ? queue[1] : queue[0]
    let rejectRow = queue.firstIndex { $0.id == rejected.id } ?? 0

    let run = try PseudoTerminalRun(
      executable: handoffExecutable(), arguments: ["--store", path],
      environment: environment(folder, user: "sam"))
    #expect(run.waitUntil { run.shows("Handoff queue") })
    func logged(_ needle: String) -> Bool {
      ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").contains(needle)
    }
    // Assign through the picker.
    run.type(String(repeating: "j", count: assignRow) + "a")
    #expect(run.waitUntil { run.shows("Assign \(assigned.id)") })
    run.type("james\r")
    #expect(
      run.waitUntil {
        logged("\"actor\":\"sam\",\"type\":\"lead.assigned\",\"lead\":\(assigned.id)")
      })
    // Hand off the marketing pane's first MQL.
    run.type("\u{1B}[Zgh")
    #expect(
      run.waitUntil { logged("\"actor\":\"sam\",\"type\":\"lead.moved\",\"lead\":\(mql.id)") })
    // Reject a queued lead with a reason.
    run.type("\tg" + String(repeating: "j", count: rejectRow) + "r")
    #expect(run.waitUntil { run.shows("reason:") })
    run.type("no budget\r")
    #expect(
      run.waitUntil {
        logged("\"actor\":\"sam\",\"type\":\"lead.moved\",\"lead\":\(rejected.id)")
          && logged("\"reason\":\"no budget\",")
      })
    run.type("q")
    let status = run.finish()
    #expect(status == 0, "screen: \(run.visibleText.suffix(3000))")
    // The terminal is given back: alternate screen left, cursor shown.
    #expect(run.shows("\u{1B}[?1049l"))
    #expect(run.shows("\u{1B}[?25h"))

    for id in [assigned.id, mql.id, rejected.id] {
      let shown = runHandoff(
        ["--store", path, "show", String(id)], environment: environment(folder))
      #expect(shown.status == 0)
      #expect(shown.stdout.contains("sam"), "lead \(id): \(shown.stdout)")
    }
  }
}
