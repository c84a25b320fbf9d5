import Foundation
import HandoffApp
import HandoffSystem
import HandoffTerminalTesting

/// The dashboard as a user's terminal sees it: the real `handoff` on a pseudo-terminal
/// of 160×45, keys typed one at a time, each timed from its write to the end of the
/// frame it draws (`CSI ? 2026 l`) as read from the terminal, with the bytes of that
/// frame; reported per kind of key (a move inside the rows, a scroll, G/g, Tab, PgDn,
/// a filter keystroke). The side-by-side run against the ncurses peer is outside the
/// project (docs/PERFORMANCE.md); these are the project's own figures.
struct OutsideBench {
  let path: String
  let leads: Int

  /// The budgets: half the ncurses peer's latency, its bytes at most.
  struct Budgets {
    var median = 0.5
    var moveBytes = 190.0
    var scrollBytes = 840.0
    var filterP99 = 16.0
  }

  private static let frameEnd = Array("\u{1B}[?2026l".utf8)

  func run(into report: inout SizeReport, budgets: Budgets = Budgets()) throws {
    guard let binary = BuiltProducts.path(of: "handoff") else {
      throw BenchError.setup("cannot find the built handoff next to handoff-bench")
    }
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "xterm-256color"
    environment["COLORTERM"] = "truecolor"
    environment["HANDOFF_USER"] = "bench"
    environment.removeValue(forKey: "NO_COLOR")
    // Typing into the filter writes nothing, but the dashboard may write a checkpoint:
    // a copy keeps the generated store as it was.
    let copy = path + ".outside.jsonl"
    for file in [copy, copy + ".checkpoint"] { try? FileManager.default.removeItem(atPath: file) }
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    defer {
      for file in [copy, copy + ".checkpoint"] { try? FileManager.default.removeItem(atPath: file) }
    }
    let pty = try PseudoTerminal(
      executable: binary, arguments: ["--store", copy], environment: environment, width: 160,
      height: 45)
    defer {
      pty.send([0x03])
      _ = pty.waitForExit(timeout: .seconds(5))
    }
    guard frame(pty, after: 0, timeout: 120) != nil else {
      throw BenchError.setup("the dashboard drew no frame within 120 s")
    }
    settle(pty)
    let visible = AppView.listArea(of: .queue, width: 160, height: 45)?.height ?? 1
    var kinds: [(name: String, samples: [(ms: Double, bytes: Int)])] = []
    func measure(_ name: String, _ keys: [String]) throws {
      var samples: [(ms: Double, bytes: Int)] = []
      for key in keys {
        guard let sample = press(pty, key) else {
          throw BenchError.setup("no frame after key \(key.debugDescription) (\(name))")
        }
        samples.append(sample)
      }
      kinds.append((name, samples))
    }
    // Three rounds from the top: j inside the rows, j past them, then the jumps.
    for _ in 0..<3 {
      try measure("move (j inside the rows)", Array(repeating: "j", count: visible - 1))
      try measure("scroll (j past the rows)", Array(repeating: "j", count: 40 - visible + 1))
      try measure("G/g (bottom, top)", ["G", "g"])
      try measure("Tab (next pane)", ["\t", "\t", "\t", "\t"])
      try measure("PgDn", ["\u{1B}[6~", "\u{1B}[6~"])
      _ = press(pty, "g")
      _ = press(pty, "/")
      try measure("filter keystroke", ["e", "a"])
      _ = press(pty, "\u{1B}")
      settle(pty)
      _ = press(pty, "g")
    }
    var merged: [String: [(ms: Double, bytes: Int)]] = [:]
    var order: [String] = []
    for (name, samples) in kinds {
      if merged[name] == nil { order.append(name) }
      merged[name, default: []] += samples
    }
    for name in order {
      let samples = merged[name] ?? []
      let times = samples.map(\.ms)
      let bytes = samples.map { Double($0.bytes) }
      let isFilter = name == "filter keystroke"
      report.add(
        "pty " + name + " median", Measure.percentile(times, 0.5), "ms",
        budget: isFilter ? nil : budgets.median)
      report.add(
        "pty " + name + " p99", Measure.percentile(times, 0.99), "ms",
        budget: isFilter && leads >= 1_000_000 ? budgets.filterP99 : nil)
      let byteBudget: Double? =
        name.hasPrefix("move")
        ? budgets.moveBytes : name.hasPrefix("scroll") ? budgets.scrollBytes : nil
      report.add(
        "pty " + name + " bytes", Measure.percentile(bytes, 0.5), "B", budget: byteBudget)
    }
  }

  /// Types one key and waits for the frame it draws: the time from the write to the
  /// frame's end, and the frame's bytes.
  private func press(_ pty: PseudoTerminal, _ key: String) -> (ms: Double, bytes: Int)? {
    let offset = pty.output.count
    let start = MonotonicClock.now()
    pty.send(key)
    guard let end = frame(pty, after: offset, timeout: 5) else { return nil }
    return (Double(end.at - start) / 1e6, end.bytes)
  }

  /// Reads until a frame ends after `offset`: when it was read and how many bytes from
  /// `offset` it took.
  private func frame(
    _ pty: PseudoTerminal, after offset: Int, timeout: Double
  ) -> (at: UInt64, bytes: Int)? {
    var found: (at: UInt64, bytes: Int)?
    var searched = offset
    pty.read(
      until: { output in
        let from = max(offset, searched - OutsideBench.frameEnd.count)
        if let range = output[from...].firstRange(of: OutsideBench.frameEnd) {
          found = (MonotonicClock.now(), range.upperBound - offset)
          return true
        }
        searched = output.count
        return false
      }, timeout: .milliseconds(Int(timeout * 1000)))
    return found
  }

  /// Lets a second paint after start-up or a mode change pass before the next key.
  private func settle(_ pty: PseudoTerminal) {
    pty.read(until: { _ in false }, timeout: .milliseconds(300))
  }
}
