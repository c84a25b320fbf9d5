import HandoffSystem
import HandoffTerminal
import HandoffTerminalTesting
import Testing

/// The session over a terminal device, on the fake device: what a wait turns into, and
/// what a frame writes.
@Suite struct TerminalSessionTests {
  private func frame(_ width: Int, _ height: Int, _ text: String) -> CellBuffer {
    var buffer = CellBuffer(width: width, height: height)
    buffer.put(text, x: 0, y: 0, style: .plain)
    return buffer
  }

  @Test("keys split between reads decode whole; a lone Esc waits for its deadline, then counts")
  func keysAndEscape() throws {
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 20, height: 4),
      script: [.input([0x1B, 0x5B]), .input([0x41, 0x6A]), .keys("\u{1B}"), .timeout])
    let session = TerminalSession(device: device, colorDepth: .truecolor)
    #expect(try session.wait(timeout: .seconds(5)) == [])
    // The rest of the sequence (cursor up) and a j.
    #expect(
      try session.wait(timeout: .seconds(5)) == [
        .event(.key(.up, [])), .event(.key(.char("j"), [])),
      ])
    #expect(try session.wait(timeout: .seconds(5)) == [])
    // The pending Esc shortens the wait to its deadline; when that passes it is a key.
    #expect(try session.wait(timeout: .seconds(5)) == [.event(.key(.escape, []))])
    #expect(device.waits[3].timeout == .nanoseconds(Int64(InputDecoder.escapeTimeout)))
  }

  @Test("a frame writes only what changed, nothing when nothing did; a resize redraws in full")
  func framesAndResize() throws {
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 20, height: 4),
      script: [.resize(TerminalSize(width: 30, height: 5)), .continued])
    let session = TerminalSession(device: device, colorDepth: .truecolor)
    let first = try session.draw(frame(20, 4, "hello"))
    #expect(first == device.output.count && first > 0)
    #expect(try session.draw(frame(20, 4, "hello")) == 0)
    let change = try session.draw(frame(20, 4, "hellO"))
    #expect(change > 0 && change < first)
    #expect(device.lines[0] == "hellO" + String(repeating: " ", count: 15))

    #expect(try session.wait(timeout: nil) == [.resize(TerminalSize(width: 30, height: 5))])
    #expect(session.size == TerminalSize(width: 30, height: 5))
    let before = device.output.count
    try session.draw(frame(30, 5, "hellO"))
    #expect(device.output[before...].firstRange(of: Array("\u{1B}[2J".utf8)) != nil)
    #expect(device.lines.count == 5)

    // Continued after a stop: the same frame again is drawn in full, not skipped.
    #expect(try session.wait(timeout: nil) == [.resumed])
    #expect(try session.draw(frame(30, 5, "hellO")) > 0)
    #expect(device.lines[0].hasPrefix("hellO"))
  }

  @Test("input left when the terminal hangs up is read first, then the hang-up is reported")
  func hangUp() throws {
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 20, height: 4), script: [.keys("ab"), .hangup])
    let session = TerminalSession(device: device, colorDepth: .none)
    #expect(
      try session.wait(timeout: nil) == [
        .event(.key(.char("a"), [])), .event(.key(.char("b"), [])),
      ]
    )
    #expect(try session.wait(timeout: nil) == [.hangup])
    #expect(try session.wait(timeout: nil) == [.hangup])
  }

  @Test("a watched descriptor that is readable is reported; one that is not, not")
  func watchedDescriptors() throws {
    let ready = try FileDescriptor.pipe()
    let quiet = try FileDescriptor.pipe()
    defer {
      ready.close()
      quiet.close()
    }
    try ready.writeEnd.writeAll("x")
    let device = FakeTerminalDevice(
      size: TerminalSize(width: 20, height: 4), script: [.descriptors])
    let session = TerminalSession(device: device, colorDepth: .none)
    #expect(
      try session.wait(timeout: nil, watching: [quiet.readEnd, ready.readEnd]) == [
        .readable(ready.readEnd)
      ])
  }
}
