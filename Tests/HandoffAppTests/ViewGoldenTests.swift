import HandoffApp
import HandoffModel
import Testing

/// The screens at 80×24 and 160×45 from the fixed demo: the spec of the screen.
struct ViewGoldenTests {
  static let sizes = [(80, 24), (160, 45)]

  func render(_ state: AppState, _ fixture: Fixture) -> String {
    AppView.render(state, pipeline: fixture.pipeline, now: fixture.now).text
  }

  func settled(_ fixture: Fixture, width: Int, height: Int) -> AppState {
    var state = AppState(
      user: fixture.member(of: .sales), storeName: "demo", width: width, height: height)
    _ = Update.update(&state, .tick, pipeline: fixture.pipeline, now: fixture.now)
    return state
  }

  @Test("the dashboard at 80×24 and 160×45", arguments: sizes)
  func dashboard(width: Int, height: Int) {
    let fixture = Fixture()
    Golden.check(
      "dashboard-\(width)x\(height)",
      render(settled(fixture, width: width, height: height), fixture))
  }
}
