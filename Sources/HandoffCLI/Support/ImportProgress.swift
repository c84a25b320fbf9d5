import Foundation
import HandoffSystem

/// The import's progress bar on standard error: drawn only when standard error is a
/// terminal and the import has taken more than a second, redrawn ten times a second by
/// a thread of its own (the store's write gives no word until it is done), and wiped
/// when the import ends. Text from the file never reaches it but its (made safe) name.
final class ImportProgress: @unchecked Sendable {
  private let lock = NSLock()
  private let file: String
  private let enabled: Bool
  private let clock: @Sendable () -> UInt64
  private let output: @Sendable (String) -> Void
  private let start: UInt64
  private var label = ""
  private var done = 0
  private var total = 0
  private var drawn = false
  private var finished = false

  /// How long an import runs before the bar appears.
  static let delay: UInt64 = 1_000_000_000

  /// A progress bar for importing `file`, shown only when `enabled` (stderr is a
  /// terminal), on standard error and the monotonic clock, redrawn by its own thread.
  convenience init(file: String, enabled: Bool) {
    self.init(
      file: file, enabled: enabled, clock: { MonotonicClock.now() },
      output: { try? FileDescriptor.standardError.writeAll($0) }, ticking: true)
  }

  /// A progress bar reading the time (nanoseconds) from `clock` and writing to
  /// `output`; redrawn every tenth of a second when `ticking`, else only by `redraw()`.
  init(
    file: String, enabled: Bool, clock: @escaping @Sendable () -> UInt64,
    output: @escaping @Sendable (String) -> Void, ticking: Bool
  ) {
    self.file = UntrustedTextCLI.safe(file)
    self.enabled = enabled
    self.clock = clock
    self.output = output
    self.start = clock()
    guard enabled, ticking else { return }
    let thread = Thread { [self] in
      while true {
        usleep(100_000)
        guard redraw() else { return }
      }
    }
    thread.start()
  }

  /// Starts a phase (`reading`, `writing 100000 events`), counted up to `total` rows.
  func phase(_ label: String, total: Int = 0) {
    lock.withLock {
      self.label = label
      self.total = total
      done = 0
    }
  }

  /// Rows done so far in the phase.
  func advance(to done: Int) { lock.withLock { self.done = done } }

  /// Wipes the bar and stops redrawing.
  func finish() {
    lock.withLock {
      if drawn { output("\r\u{1B}[2K") }
      drawn = false
      finished = true
    }
  }

  /// Draws the bar as it stands now (once the delay is over); false once finished.
  @discardableResult
  func redraw() -> Bool {
    lock.withLock {
      guard !finished else { return false }
      guard enabled, clock() &- start >= ImportProgress.delay else { return true }
      var line = "importing \(file): \(label)"
      if total > 0 {
        let width = 24
        let filled = min(width, done * width / max(total, 1))
        line +=
          " " + String(repeating: "█", count: filled)
          + String(repeating: "░", count: width - filled)
          + " \(done)/\(total) rows"
      } else {
        line += "…"
      }
      output("\r\u{1B}[2K" + line)
      drawn = true
      return true
    }
  }
}
