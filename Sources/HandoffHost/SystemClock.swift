import Foundation
import HandoffModel

/// The machine's wall clock: what the edge (CLI, dashboard, benchmark) hands the model
/// and the store as "now".
package struct SystemClock: Clock {
  /// The wall clock.
  package init() {}

  package func now() -> Timestamp {
    Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
  }
}
