import Foundation
import HandoffModel
import HandoffTerminal
import TestSupport
import Testing

@testable import HandoffApp

/// The small parts the event loop is made of: input mapping, wake-up time, resize.
struct LoopPartsTests {
  @Test("decoded keys, Ctrl letters, Shift-Tab, clicks and the wheel become messages")
  func inputMapping() {
    #expect(InputMapping.keyPress(.char("j"), []) == .char("j"))
    #expect(InputMapping.keyPress(.char("l"), .ctrl) == .ctrl("l"))
    #expect(InputMapping.keyPress(.tab, .shift) == .backTab)
    #expect(InputMapping.keyPress(.char("x"), .alt) == nil)
    if case .mouse(.click(3, 4)) = InputMapping.message(
      .mouse(MouseEvent(action: .press(button: 0), x: 3, y: 4)))
    {
    } else {
      Issue.record("a left click is a click")
    }
    if case .mouse(.wheelDown(1, 2)) = InputMapping.message(
      .mouse(MouseEvent(action: .wheelDown, x: 1, y: 2)))
    {
    } else {
      Issue.record("the wheel scrolls")
    }
    #expect(
      InputMapping.message(.mouse(MouseEvent(action: .release(button: 0), x: 0, y: 0))) == nil)
  }

  @Test("the loop sleeps until the next whole second or status expiry, whichever is first")
  func wakeup() {
    var state = AppState(user: "sam", storeName: "x")
    let now = Timestamp(milliseconds: 1_700_000_000_250)
    #expect(Wakeup.delay(state, now: now).milliseconds == 750)
    #expect(
      Wakeup.delay(state, now: Timestamp(milliseconds: 1_700_000_001_000)).milliseconds == 1000)
    state.status = StatusMessage(text: "x", kind: .info, expires: now + Duration(milliseconds: 100))
    #expect(Wakeup.delay(state, now: now).milliseconds == 100)
    state.status = StatusMessage(
      text: "x", kind: .info, expires: now + Duration(milliseconds: 3000))
    #expect(Wakeup.delay(state, now: now).milliseconds == 750)
  }

  @Test("a resize redraws at the new size and keeps the selection in view")
  func resize() {
    var d = Driver()
    d.press(.char("G"))
    let selected = d.state.selected[.queue]
    #expect(d.send(.resize(width: 160, height: 45)) == [.redraw])
    #expect(d.state.width == 160)
    #expect(d.state.selected[.queue] == selected)
    d.send(.resize(width: 40, height: 10))
    let text = AppView.render(d.state, pipeline: d.pipeline, now: d.fixture.now).plainText
    #expect(text.contains("Handoff needs at least 60×20"))
  }

  @Test("snapshot through the CLI: the dashboard, a lead, and a refused view name")
  func snapshotCommand() throws {
    let folder = TemporaryDirectory("handoff-snapshot")
    let path = folder.file("handoff.log")
    let env = ["HANDOFF_USER": "maria", "HOME": folder.path, "TERM": "dumb"]
    try #require(
      runHandoff(["--store", path, "demo", "--leads", "60"], environment: env).status == 0)
    let frame = runHandoff(
      ["--store", path, "snapshot", "--width", "100", "--height", "30"], environment: env)
    #expect(frame.status == 0)
    let lines = frame.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 31)
    #expect(frame.stdout.contains("Handoff queue"))
    #expect(!frame.stdout.contains("\u{1B}"))
    let lead = runHandoff(
      ["--store", path, "snapshot", "--view", "lead", "1001", "--width", "90", "--height", "20"],
      environment: env)
    #expect(lead.status == 0)
    #expect(lead.stdout.contains("Lead 1001"))
    #expect(lead.stdout.contains("History"))
    let colored = runHandoff(
      ["--store", path, "snapshot", "--color", "--view", "targets"], environment: env)
    #expect(colored.stdout.contains("\u{1B}["))
    let bad = runHandoff(["--store", path, "snapshot", "--view", "nope"], environment: env)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("view 'nope' is not valid"))
  }
}
