/// A source of the current time, injected wherever time matters: the model never reads
/// the system's clock (`SystemClock`, in HandoffHost, does, at the edge).
package protocol Clock: Sendable {
  /// The current moment.
  func now() -> Timestamp
}
