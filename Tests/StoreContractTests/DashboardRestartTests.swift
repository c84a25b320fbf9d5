import Foundation
import HandoffPostgres
import HandoffPostgresCluster
import HandoffTerminal
import HandoffTerminalTesting
import TestSupport
import Testing

/// Two live dashboards (real `handoff` processes on pseudo-terminals) on one PostgreSQL
/// store while the server is stopped and started again.
@Suite(
  .enabled(if: PostgresCluster.isAvailable, Comment(rawValue: PostgresCluster.skipReason)))
struct DashboardRestartTests {
  @Test(
    "both dashboards say offline while the server is down, keep their screens, and catch up once it is back"
  )
  func twoDashboardsAcrossARestart() throws {
    let cluster = try PostgresCluster.start()
    let fixture = try ContractStore(.postgres, cluster: cluster)
    let store = try fixture.open(systemClock: true)
    try fixture.team(store)
    let database = try ConnectionOptions(url: fixture.address, environment: [:]).database
    var environment = fixture.environment
    environment["TERM"] = "xterm-256color"
    let dashboards = try ["maria", "sam"].map { user in
      var env = environment
      env["HANDOFF_USER"] = user
      return try PseudoTerminal(
        executable: handoffExecutable(), environment: env, width: 120, height: 30)
    }
    defer {
      for pty in dashboards {
        pty.send("q")
        _ = pty.waitForExit()
      }
    }
    func screen(_ pty: PseudoTerminal) -> [String] {
      var model = ScreenModel(width: 120, height: 30) { DisplayWidth.of($0) }
      model.feed(pty.output)
      return model.lines
    }
    func waitFor(_ pty: PseudoTerminal, _ test: @escaping ([String]) -> Bool) -> Bool {
      pty.read(until: { _ in test(screen(pty)) }, timeout: .seconds(30))
    }
    for pty in dashboards {
      #expect(waitFor(pty) { $0.last?.contains("● live") == true }, "\(screen(pty).last ?? "")")
      // The status bar names the database and where it is.
      #expect(screen(pty).last?.contains("\(database)@/") == true, "\(screen(pty).last ?? "")")
    }

    try cluster.stop()
    for pty in dashboards {
      #expect(
        waitFor(pty) { $0.last?.contains("○ offline") == true && $0[0].contains("Handoff queue") },
        "\(screen(pty).joined(separator: "\n"))")
    }

    try cluster.start()
    let added = fixture.run(["add", "--name", "Restart Lead", "--company", "Acme"], user: "maria")
    try #require(added.status == 0, "\(added.stderr)")
    let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(fixture.run(["move", id, "mql"], user: "maria").status == 0)
    #expect(fixture.run(["move", id, "queued"], user: "maria").status == 0)
    for pty in dashboards {
      #expect(
        waitFor(pty) { $0.last?.contains("● live") == true && $0[0].contains("Handoff queue  1 ") },
        "\(screen(pty).joined(separator: "\n"))")
      #expect(screen(pty).joined().contains("Restart Lead"))
    }
  }
}
