import Foundation
import HandoffModel

/// A clock that reads a fixed moment, moved only when told to: tests, and the
/// benchmark's generated history.
package final class ManualClock: Clock, @unchecked Sendable {
  private let lock = NSLock()
  private var current: Timestamp

  /// A clock standing at `start`.
  package init(_ start: Timestamp) { current = start }

  package func now() -> Timestamp { lock.withLock { current } }

  /// Moves the clock forward (or back) by a duration.
  package func advance(by duration: Duration) {
    lock.withLock { current = current + duration }
  }

  /// Sets the clock to a moment.
  package func set(_ moment: Timestamp) { lock.withLock { current = moment } }
}
