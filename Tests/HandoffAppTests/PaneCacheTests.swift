import HandoffApp
import HandoffDemo
import HandoffModel
import HandoffTerminal
import Testing

/// The dashboard's loop draws with a `PaneCache`, copying the panes whose inputs did not
/// change: every frame must equal the one drawn afresh, whatever the keys, the writes
/// they lead to, the clock and the size.
@Suite struct PaneCacheTests {
  /// The keys a random session presses: moves, panes, filter and sort, screens and
  /// overlays, writes (which the driver carries out), undo.
  static let keys: [KeyPress] = [
    .char("j"), .char("k"), .char("j"), .char("j"), .down, .up, .char("G"), .char("g"),
    .pageDown, .pageUp, .tab, .backTab, .tab, .char("/"), .char("a"), .char("e"),
    .backspace, .enter, .escape, .char("s"), .char("m"), .char("?"), .escape, .enter,
    .escape, .char("x"), .char(">"), .char("u"), .char("a"), .char("j"), .enter,
    .char("["), .char("]"), .char("."), .char("w"), .char("n"), .char("o"), .escape,
  ]

  @Test(arguments: [(160, 45, 1 as UInt64), (80, 24, 2), (120, 40, 3)])
  func framesDrawnWithTheCacheEqualFramesDrawnAfresh(width: Int, height: Int, seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    var driver = Driver(width: width, height: height)
    var panes = PaneCache()
    for step in 0..<400 {
      switch Int.random(in: 0..<20, using: &random) {
      case 0:
        // A second passes: ages and countdowns move.
        driver.fixture.clock.advance(by: .seconds(1))
        driver.send(.tick)
      case 1:
        // A colleague writes: the pipeline's generation moves.
        let lead = driver.pipeline.allLeads.randomElement(using: &random)!
        _ = try? driver.fixture.perform(
          .note(id: lead.id, text: "step \(step)"), by: driver.fixture.member(of: .marketing))
        driver.send(.storeChanged)
      default:
        let effects = driver.press(Self.keys.randomElement(using: &random)!)
        driver.carryOut(effects)
      }
      let fresh = AppView.render(driver.state, pipeline: driver.pipeline, now: driver.fixture.now)
      let cached = AppView.render(
        driver.state, pipeline: driver.pipeline, now: driver.fixture.now, panes: &panes)
      // Compared as a whole; told as the first row that differs, not two whole buffers.
      let differing = (0..<height).first { cached.text(row: $0) != fresh.text(row: $0) }
      let same = cached == fresh
      let row = differing.map { "row \($0): \(cached.text(row: $0))" } ?? "styles only"
      #expect(same, "step \(step), \(width)×\(height), \(row)")
    }
    // The cache did serve: on most frames most panes were copied.
    #expect(panes.copiedPanes > 400)
  }
}
