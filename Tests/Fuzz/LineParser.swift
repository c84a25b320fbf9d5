// libFuzzer entry point for the store's line parser; built by scripts/fuzz.sh into the
// HandoffStore module (not a SwiftPM target), so internal types are reachable.
import HandoffModel

/// Splits the input into lines like the log, decodes each and folds the events into a
/// scratch pipeline, then asks it for every figure the dashboard shows.
///
/// Invariants checked on each line that decodes:
/// - the event re-encodes to one line ending in its only newline, with no raw control
///   byte in it (writers escape every control character);
/// - that line decodes to the same event (the writer and reader agree).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLineParser(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data.assumingMemoryBound(to: UInt8.self), count: size)
  let fold = PipelineFold(localZone: .utc)
  let pipeline = fold.pipeline
  var now = Timestamp(milliseconds: 0)
  var start = 0
  while start <= bytes.count {
    let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
    let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
    start = end + 1
    guard let event = try? EventDecoder.event(line) else { continue }
    checkRoundTrip(event)
    if event.seq > pipeline.lastSeq, fold.apply(event) == nil { now = event.at }
  }
  _ = MarketingFigures(pipeline, at: now)
  _ = QueueFigures(pipeline, at: now)
  _ = SalesFigures(pipeline, at: now)
  _ = TargetProgress.all(pipeline, at: now)
  _ = Deadlines(pipeline).nextChange(after: now)
  return 0
}

private func checkRoundTrip(_ event: Event) {
  let again = reencoded(event)
  // A plain `lead.created` line may carry lead keys the writer never writes for one
  // (`v`, `reason`, …); the reader keeps them, so only the writer's part must survive:
  // what it writes is a fixed point.
  let expected: Event
  if case .leadCreated(let created) = event.body, !created.snapshot {
    expected = reencoded(again)
  } else {
    expected = event
  }
  guard again == expected else {
    fatalError("re-encoding changed the event:\n\(event)\n\(again)")
  }
}

/// The event written as a log line and read back.
private func reencoded(_ event: Event) -> Event {
  let encoded = EventEncoder.line(event)
  guard encoded.last == 0x0A, encoded.dropLast().allSatisfy({ $0 >= 0x20 }) else {
    fatalError("an encoded line holds a raw control byte: \(encoded)")
  }
  let again = encoded.dropLast().withUnsafeBufferPointer { line in
    try? EventDecoder.event(line)
  }
  guard let again else {
    fatalError("a written line does not read: \(String(decoding: encoded, as: UTF8.self))")
  }
  return again
}
