import Foundation
import HandoffHost
import HandoffModel
import Testing

@testable import HandoffCLI

/// The import's progress bar, on an injected clock and output, redrawn by hand.
struct ImportProgressTests {
  /// What the bar wrote, and a clock moved by the test.
  final class Terminal: @unchecked Sendable {
    private let lock = NSLock()
    private var written: [String] = []
    let clock = ManualClock(Timestamp(iso8601: "2026-11-20T09:00:00Z")!)

    var nanoseconds: UInt64 { UInt64(clock.now().milliseconds) * 1_000_000 }
    var text: String { lock.withLock { written.joined() } }
    func write(_ text: String) { lock.withLock { written.append(text) } }

    func progress(file: String, enabled: Bool = true) -> ImportProgress {
      ImportProgress(
        file: file, enabled: enabled, clock: { self.nanoseconds }, output: { self.write($0) },
        ticking: false)
    }
  }

  @Test("nothing in the first second; then the phase, a bar and the rows; wiped at the end")
  func drawsAfterASecond() {
    let terminal = Terminal()
    let progress = terminal.progress(file: "leads.csv")
    progress.phase("checking", total: 100)
    progress.advance(to: 10)
    terminal.clock.advance(by: Duration(milliseconds: 900))
    #expect(progress.redraw())
    #expect(terminal.text.isEmpty, "a quick import shows no bar")

    terminal.clock.advance(by: Duration(milliseconds: 200))
    progress.advance(to: 50)
    #expect(progress.redraw())
    #expect(
      terminal.text
        == "\r\u{1B}[2Kimporting leads.csv: checking "
        + String(repeating: "█", count: 12) + String(repeating: "░", count: 12) + " 50/100 rows")

    progress.phase("writing 100 events")
    #expect(progress.redraw())
    #expect(terminal.text.hasSuffix("\r\u{1B}[2Kimporting leads.csv: writing 100 events…"))

    progress.finish()
    #expect(terminal.text.hasSuffix("\r\u{1B}[2K"), "the bar is wiped")
    let before = terminal.text
    #expect(!progress.redraw(), "finished: no more drawing")
    #expect(terminal.text == before)
  }

  @Test("a full phase fills the bar, never past it")
  func fullBar() {
    let terminal = Terminal()
    let progress = terminal.progress(file: "leads.csv")
    terminal.clock.advance(by: .seconds(2))
    progress.phase("checking", total: 100)
    progress.advance(to: 130)
    progress.redraw()
    #expect(terminal.text.hasSuffix(String(repeating: "█", count: 24) + " 130/100 rows"))
  }

  @Test("not a terminal: nothing is ever written, not even the wipe")
  func disabled() {
    let terminal = Terminal()
    let progress = terminal.progress(file: "leads.csv", enabled: false)
    progress.phase("checking", total: 10)
    terminal.clock.advance(by: .seconds(5))
    progress.advance(to: 5)
    #expect(progress.redraw())
    progress.finish()
    #expect(terminal.text.isEmpty)
  }

  @Test("a file name's control characters never reach the terminal raw")
  func safeName() {
    let terminal = Terminal()
    let progress = terminal.progress(file: "evil\u{1B}]0;pwned\u{07}.csv")
    terminal.clock.advance(by: .seconds(2))
    progress.phase("reading")
    progress.redraw()
    #expect(terminal.text.hasPrefix("\r\u{1B}[2Kimporting evil"))
    #expect(!terminal.text.contains("\u{1B}]"))
    #expect(!terminal.text.contains("\u{07}"))
  }
}
