import HandoffSystem

/// The interactive screen on a terminal device: input decoded into events, frames
/// drawn as only the bytes that change the screen, one write each. Knows no system
/// call: the device does those (the real terminal, or a fake one in a test).
///
/// The event loop calls `wait` (the device's wait over the terminal, its signals and
/// the caller's descriptors, shortened to a pending Esc's deadline) and `draw`.
package final class TerminalSession {
  /// The terminal's size, updated on resize.
  package private(set) var size: TerminalSize
  /// The colour depth frames are drawn with.
  package var colorDepth: ColorDepth { renderer.depth }
  /// The terminal underneath.
  package let device: any TerminalDevice

  private var decoder = InputDecoder()
  private var renderer: Renderer
  private var frameBytes: [UInt8] = []
  private var readBuffer = [UInt8](repeating: 0, count: 4096)

  /// A session on `device`, drawing with `colorDepth`'s colours. The first frame
  /// clears the screen and draws everything.
  package init(device: any TerminalDevice, colorDepth: ColorDepth) {
    self.device = device
    renderer = Renderer(depth: colorDepth)
    size = device.size() ?? TerminalSize(width: 80, height: 24)
    frameBytes.reserveCapacity(64 * 1024)
  }

  /// Gives the terminal back exactly as it was found. Safe to call twice.
  package func close() {
    device.close()
  }

  /// Draws a frame: only what changed since the last one, in one write. `cursor`
  /// shows the text cursor there (for a prompt); otherwise it stays hidden. Returns
  /// how many bytes it wrote (0 when nothing changed).
  @discardableResult
  package func draw(_ frame: CellBuffer, cursor: (x: Int, y: Int)? = nil) throws -> Int {
    frameBytes.removeAll(keepingCapacity: true)
    renderer.render(frame, cursor: cursor, into: &frameBytes)
    if !frameBytes.isEmpty { try device.write(frameBytes) }
    return frameBytes.count
  }

  /// Rings the bell or shows a desktop notification, between frames.
  package func alert(_ alert: TerminalAlert) throws {
    try device.write(alert.bytes)
  }

  /// Makes the next frame clear the screen and draw everything (Ctrl-L).
  package func redrawAll() {
    renderer.invalidate()
  }

  /// Suspends like Ctrl-Z in a shell: gives the terminal back and stops; when the
  /// program is continued, `wait` reports `.resumed`.
  package func suspend() {
    device.suspend()
  }

  /// Lends the terminal to another program (the user's editor) while `body` runs, as
  /// Ctrl-Z lends it to the shell; the next frame draws everything.
  package func handOver(_ body: () -> Void) {
    device.handOver(body)
    renderer.invalidate()
  }

  /// Waits until there is input, a resize or resume, a readable extra descriptor, or
  /// the timeout passes (nil: no timeout), and returns what happened (possibly
  /// nothing). A pending Esc shortens the wait to its deadline.
  package func wait(timeout: Duration?, watching extra: [FileDescriptor] = []) throws
    -> [TerminalInput]
  {
    var limit = timeout
    if let deadline = decoder.deadline {
      let now = device.now()
      let left = Duration.nanoseconds(deadline > now ? Int64(deadline - now) : 0)
      limit = limit.map { min($0, left) } ?? left
    }
    let wake = try device.wait(timeout: limit, watching: extra)
    var results: [TerminalInput] = []
    if wake.resumed {
      renderer.invalidate()
      results.append(.resumed)
    }
    if wake.resized {
      // Even a resize back to the same size may have reflowed or cut the screen.
      renderer.invalidate()
    }
    if wake.resized || wake.resumed, let newSize = device.size() {
      if wake.resized || newSize != size { results.append(.resize(newSize)) }
      size = newSize
    }
    if wake.input || wake.hungUp {
      let read = try readBuffer.withUnsafeMutableBytes { try device.read(into: $0) }
      switch read {
      case .bytes(let count):
        let events = decoder.feed(readBuffer[0..<count], now: device.now())
        results += events.map(TerminalInput.event)
      case .nothing:
        if wake.hungUp { results.append(.hangup) }
      case .end:
        results.append(.hangup)
      }
    }
    results += decoder.expire(now: device.now()).map(TerminalInput.event)
    results += wake.readable.map(TerminalInput.readable)
    return results
  }
}
