import Foundation

/// A source of the current time, injected wherever time matters.
public protocol Clock: Sendable {
  /// The current moment.
  func now() -> Timestamp
}

/// The system's wall clock.
public struct SystemClock: Clock {
  /// Creates the wall clock.
  public init() {}

  public func now() -> Timestamp {
    Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
  }
}

/// A clock that reads a fixed moment, moved only when a test says so.
public final class ManualClock: Clock, @unchecked Sendable {
  private let lock = NSLock()
  private var current: Timestamp

  /// Creates a clock standing at `start`.
  public init(_ start: Timestamp) { current = start }

  public func now() -> Timestamp { lock.withLock { current } }

  /// Moves the clock forward (or back) by a duration.
  public func advance(by duration: Duration) {
    lock.withLock { current = current + duration }
  }

  /// Sets the clock to a moment.
  public func set(_ moment: Timestamp) { lock.withLock { current = moment } }
}
