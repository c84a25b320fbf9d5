import Foundation
import HandoffHost
import HandoffModel
import HandoffStore
import TestSupport
import Testing

@testable import HandoffApp

/// Effects carried out against a real store, as the loop does.
struct EffectRunnerTests {
  func store() throws -> (FileStore, TemporaryDirectory) {
    let folder = TemporaryDirectory("handoff-effects")
    let path = folder.file("handoff.log")
    let made = runHandoff(
      ["--store", path, "demo", "--leads", "80", "--seed", "4"],
      environment: ["HANDOFF_USER": "maria", "HOME": folder.path])
    try #require(made.status == 0, "\(made.stderr)")
    let store = FileStore(path: path, clock: SystemClock(), zones: SystemZones())
    try store.open()
    return (store, folder)
  }

  @Test("perform appends and reports the event; undo takes it back; history reads it")
  func performUndoHistory() throws {
    let (store, folder) = try store()
    _ = folder
    let lead = try #require(store.pipeline.leads(of: .stage(.queued), in: 0..<1).first)
    // The rep it is assigned to accepts it (anyone else would be taking it).
    let sales = try #require(
      store.pipeline.members.first {
        $0.department == .sales && $0.active && (lead.owner == nil || $0.handle == lead.owner)
      })
    let runner = EffectRunner(store: store, user: sales.handle)
    let done = runner.run(.perform(.accept(id: lead.id), ifVersion: lead.version))
    guard case .actionResult(.done(let event)) = done.last else {
      Issue.record("not done: \(done)")
      return
    }
    #expect(event.actor == sales.handle)
    #expect(store.pipeline.lead(lead.id)?.stage == .accepted)
    let undone = runner.run(.undo(lead: lead.id))
    guard case .actionResult(.undone(_, let undid)) = undone.last else {
      Issue.record("undo not done: \(undone)")
      return
    }
    #expect(undid?.seq == event.seq)
    #expect(store.pipeline.lead(lead.id)?.stage == .queued)
    guard
      case .history(let id, .success(let events)) = runner.run(.loadHistory(lead: lead.id)).first
    else {
      Issue.record("no history")
      return
    }
    #expect(id == lead.id)
    #expect(events.last?.actor == sales.handle)
  }

  @Test("a version changed by someone else meanwhile: refused, saying who did what")
  func staleAtTheStore() throws {
    let (store, folder) = try store()
    _ = folder
    let lead = try #require(store.pipeline.leads(of: .stage(.queued), in: 0..<1).first)
    try store.perform(.score(id: lead.id, lead.score == 50 ? 51 : 50), by: "maria")
    let runner = EffectRunner(store: store, user: "sam")
    guard
      case .actionResult(.refused(let message)) = runner.run(
        .perform(.accept(id: lead.id), ifVersion: lead.version)
      ).last
    else {
      Issue.record("not refused")
      return
    }
    #expect(message.contains("\(lead.id) changed since you saw it"))
    #expect(message.contains("by maria"))
  }
}
