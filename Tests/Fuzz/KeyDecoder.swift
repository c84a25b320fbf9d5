// libFuzzer entry point for the terminal's input decoder; built by scripts/fuzz.sh into
// the HandoffTerminal module (not a SwiftPM target), so internal members are reachable.

/// Feeds the input to `InputDecoder` in pieces cut where the first bytes say, with time
/// passing between pieces or not, then lets every deadline pass.
///
/// Invariants:
/// - the decoder always finishes: a bounded number of `expire` calls leaves nothing
///   pending (every byte is consumed, nothing stalls);
/// - without time passing, how the bytes are cut does not change the events;
/// - a key's character is never a C0 control or DEL (those are Ctrl keys), a paste's text
///   is already safe for the terminal, and mouse cells are never negative.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyDecoder(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
  let input = Array(UnsafeRawBufferPointer(start: data, count: size))
  guard input.count >= 2 else { return 0 }
  var cuts = CutStream(seed: input[0])
  let timed = input[1] & 1 == 1
  let bytes = input[2...]

  var whole = InputDecoder()
  var expected = whole.feed(bytes, now: 0)
  expected += drain(&whole, from: 0)

  var pieces = InputDecoder()
  var events: [InputEvent] = []
  var now: UInt64 = 0
  var index = bytes.startIndex
  while index < bytes.endIndex {
    let length = min(cuts.next(), bytes.endIndex - index)
    events += pieces.feed(bytes[index..<index + length], now: now)
    index += length
    if timed {
      now += UInt64(cuts.next()) * 20_000_000
      events += pieces.expire(now: now)
    }
  }
  events += drain(&pieces, from: now)

  for event in expected + events { check(event) }
  if !timed && events != expected {
    fatalError("cutting the bytes changed the events:\n\(expected)\n\(events)")
  }
  return 0
}

/// Lets deadlines pass until nothing is pending; a decoder that still holds bytes after
/// many deadlines is stuck.
private func drain(_ decoder: inout InputDecoder, from start: UInt64) -> [InputEvent] {
  var events: [InputEvent] = []
  var now = start
  var rounds = 0
  while let deadline = decoder.deadline {
    rounds += 1
    if rounds > 10_000 { fatalError("the decoder never empties") }
    now = max(now, deadline)
    events += decoder.expire(now: now)
  }
  if decoder.hasPending { fatalError("bytes pending without a deadline") }
  return events
}

private func check(_ event: InputEvent) {
  switch event {
  case .key(.char(let character), _):
    for scalar in character.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F {
      fatalError("a key character holds control U+\(String(scalar.value, radix: 16))")
    }
  case .key(.function(let n), _):
    if n < 1 { fatalError("function key F\(n)") }
  case .key: break
  case .paste(let text):
    if !UntrustedText.isSafe(text) { fatalError("unsafe paste text \(text.debugDescription)") }
  case .mouse(let mouse):
    if mouse.x < 0 || mouse.y < 0 { fatalError("a mouse event at \(mouse.x),\(mouse.y)") }
  }
}

/// Piece lengths from a small seeded generator: mostly short, sometimes long.
private struct CutStream {
  private var state: UInt32

  init(seed: UInt8) { state = UInt32(seed) &* 2_654_435_761 | 1 }

  mutating func next() -> Int {
    state ^= state << 13
    state ^= state >> 17
    state ^= state << 5
    return state % 8 == 0 ? Int(state >> 8 % 64) + 1 : Int(state % 4) + 1
  }
}
