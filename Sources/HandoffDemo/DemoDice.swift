import Foundation
import HandoffModel

/// The random choices of the demo generator and the simulator, over a seeded
/// generator so that a seed always gives the same team and the same history.
struct DemoDice: Sendable {
  private var generator: SeededGenerator

  init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

  /// A uniform number in `0..<1`.
  mutating func unit() -> Double {
    Double(generator.next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// A uniform whole number in a range.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(generator.next() % UInt64(range.count))
  }

  /// A uniform element of a non-empty array.
  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  /// An index chosen with probability proportional to its weight.
  mutating func weighted(_ weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    var x = unit() * total
    for (i, w) in weights.enumerated() {
      if x < w { return i }
      x -= w
    }
    return weights.count - 1
  }

  /// A duration between two bounds, uniform.
  mutating func between(_ lo: Duration, _ hi: Duration) -> Duration {
    let span = max(0, hi.milliseconds - lo.milliseconds)
    return Duration(milliseconds: lo.milliseconds + Int64(unit() * Double(span)))
  }

  /// A duration between two bounds, log-uniform: short waits are common, long ones rare.
  mutating func skewed(_ lo: Duration, _ hi: Duration) -> Duration {
    let a = log(Double(max(1, lo.milliseconds)))
    let b = log(Double(max(1, hi.milliseconds)))
    return Duration(milliseconds: Int64(exp(a + unit() * (b - a))))
  }
}
