import HandoffApp
import HandoffModel
import Testing

/// Issue 13: at 70×20 the panes once said "no leads in marketing" over 1,121 leads. A
/// pane's empty state shows only when its list is truly empty; and on every view a
/// number is never cut mid-value (no digit right before `…`).
struct EmptyStateTests {
  static let views: [(name: String, keys: [KeyPress])] = [
    ("dashboard", []), ("queue", [.char("F")]), ("marketing", [.backTab, .char("F")]),
    ("sales", [.tab, .char("F")]), ("wall", [.char("w")]),
  ]

  @Test("no empty state over leads, and no number cut, on every view from 60 to 200 columns")
  func everySize() {
    let fixture = Fixture()
    for view in Self.views {
      for height in [20, 24, 45] {
        for width in stride(from: 60, through: 200, by: 7) {
          var d = Driver(fixture: fixture, width: width, height: height)
          for key in view.keys { d.press(key) }
          let text = AppView.render(d.state, pipeline: fixture.pipeline, now: fixture.now)
            .plainText
          for empty in [
            "no leads in marketing", "the queue is empty", "no open deals or customers",
            "no leads\n",
          ] {
            #expect(!text.contains(empty), "\(view.name) \(width)×\(height): '\(empty)'")
          }
          let chars = Array(text)
          for i in chars.indices.dropFirst() where chars[i] == "…" {
            #expect(
              !chars[i - 1].isNumber, "\(view.name) \(width)×\(height): a number cut before …")
          }
        }
      }
    }
  }

  @Test("a pane too short for any row names the list's size, never \"0 of\" over leads")
  func noRowRoom() throws {
    let fixture = Fixture()
    let d = Driver(fixture: fixture, width: 70, height: 20)
    let text = AppView.render(d.state, pipeline: fixture.pipeline, now: fixture.now).plainText
    let marketing = try #require(text.split(separator: "\n").first { $0.contains("Marketing") })
    let count = [Stage.mql, .nurturing, .new].map {
      fixture.pipeline.leads(of: .stage($0), in: 0..<100_000).count
    }.reduce(0, +)
    #expect(!text.contains(" 0 of "), "\(text)")
    #expect(marketing.contains("Marketing  \(count) "), "\(marketing)")
  }
}
