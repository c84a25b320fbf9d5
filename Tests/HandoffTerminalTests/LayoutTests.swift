import HandoffTerminal
import Testing

@Suite struct LayoutTests {
  let area = Rect(x: 0, y: 0, width: 100, height: 10)

  @Test func fixedPercentAndMinimum() {
    let parts = Layout.split(area, .horizontal, [.fixed(10), .percent(30), .min(5)])
    #expect(parts.map(\.width) == [10, 30, 60])
    #expect(parts.map(\.x) == [0, 10, 40])
    #expect(parts.allSatisfy { $0.height == 10 })
  }

  @Test func minimumPartsShareTheRestEarlierOnesTakingTheOddCells() {
    let parts = Layout.split(area, .horizontal, [.min(1), .min(1), .min(1)])
    #expect(parts.map(\.width) == [34, 33, 33])
  }

  @Test func spacingIsLeftBetweenParts() {
    let parts = Layout.split(area, .horizontal, [.percent(50), .min(0)], spacing: 2)
    #expect(parts.map(\.width) == [49, 49])
    #expect(parts[1].x == 51)
  }

  @Test func shortSpaceShrinksFromTheEnd() {
    let parts = Layout.split(
      Rect(x: 0, y: 0, width: 10, height: 20), .vertical, [.fixed(8), .fixed(8), .fixed(8)])
    #expect(parts.map(\.height) == [8, 8, 4])
    let tiny = Layout.split(
      Rect(x: 0, y: 0, width: 3, height: 1), .horizontal, [.fixed(2), .min(4)])
    #expect(tiny.map(\.width) == [2, 1])
  }

  @Test func verticalSplitStacks() {
    let parts = Layout.split(area, .vertical, [.min(3), .fixed(1)])
    #expect(
      parts == [Rect(x: 0, y: 0, width: 100, height: 9), Rect(x: 0, y: 9, width: 100, height: 1)])
  }

  @Test func rectHelpers() {
    let rect = Rect(x: 2, y: 3, width: 10, height: 6)
    #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 4))
    #expect(rect.centered(width: 4, height: 2) == Rect(x: 5, y: 5, width: 4, height: 2))
    #expect(
      rect.intersection(Rect(x: 10, y: 0, width: 10, height: 5))
        == Rect(x: 10, y: 3, width: 2, height: 2))
    #expect(rect.intersection(Rect(x: 50, y: 50, width: 1, height: 1)).isEmpty)
    #expect(Rect(x: 0, y: 0, width: -3, height: 2).width == 0)
  }
}
