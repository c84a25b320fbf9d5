import HandoffDemo

/// The seeded random number generator of random tests, so they are reproducible: the
/// demo's own SplitMix64, one implementation for both.
package typealias SplitMix64 = SeededGenerator
