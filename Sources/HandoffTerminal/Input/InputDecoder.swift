/// Turns the bytes a terminal sends into input events.
///
/// Pure and incremental: bytes go in as they are read, complete events come out,
/// and a sequence cut between reads waits for the rest. A lone Esc cannot be told
/// from the start of a sequence until a little time passes, so the decoder exposes
/// a `deadline`; the event loop uses it as its poll timeout and calls `expire(now:)`
/// when it passes. Unknown or malformed sequences are skipped; every byte is
/// eventually consumed.
public struct InputDecoder: Sendable {
  /// How long an incomplete sequence (a lone Esc, say) waits for more bytes.
  public static let escapeTimeout: UInt64 = 50_000_000
  /// How long an unterminated bracketed paste waits for more bytes.
  public static let pasteTimeout: UInt64 = 500_000_000
  /// The largest paste kept; bytes beyond it are dropped.
  public static let pasteLimit = 1 << 20
  /// The longest escape sequence accepted; longer ones are skipped.
  static let sequenceLimit = 64

  private(set) var pending: [UInt8] = []
  private var paste: [UInt8]?
  private var lastInput: UInt64 = 0

  public init() {}

  /// Bytes received and not yet decoded (an incomplete sequence, or a paste in
  /// progress).
  public var hasPending: Bool { !pending.isEmpty || paste != nil }

  /// When the pending bytes should be given up on and `expire(now:)` called, in the
  /// same monotonic nanoseconds as `now`; nil when nothing is pending.
  public var deadline: UInt64? {
    guard hasPending else { return nil }
    return lastInput &+ (paste != nil ? InputDecoder.pasteTimeout : InputDecoder.escapeTimeout)
  }

  /// Decodes newly read bytes; `now` is a monotonic time in nanoseconds.
  public mutating func feed(_ bytes: some Sequence<UInt8>, now: UInt64) -> [InputEvent] {
    pending.append(contentsOf: bytes)
    lastInput = now
    return decode(final: false)
  }

  /// Once the deadline has passed, decodes what is pending as if no more bytes
  /// will come: a lone Esc becomes `.escape`, an unfinished sequence is dropped.
  public mutating func expire(now: UInt64) -> [InputEvent] {
    guard let deadline, now >= deadline else { return [] }
    return decode(final: true)
  }

  enum Step {
    case event(InputEvent, length: Int)
    /// `CSI 200 ~`: what follows is pasted text.
    case pasteStart(length: Int)
    case skip(length: Int)
    case incomplete
  }

  private mutating func decode(final: Bool) -> [InputEvent] {
    var events: [InputEvent] = []
    var index = 0
    while index < pending.count {
      if paste != nil {
        guard let next = consumePaste(from: index, final: final, into: &events) else {
          return events
        }
        index = next
        continue
      }
      switch step(at: index, final: final) {
      case .event(let event, let length):
        events.append(event)
        index += length
      case .pasteStart(let length):
        paste = []
        index += length
      case .skip(let length):
        index += length
      case .incomplete:
        pending.removeFirst(index)
        return events
      }
    }
    pending.removeAll(keepingCapacity: true)
    if final, let text = paste {
      events.append(.paste(InputDecoder.pasteText(text)))
      paste = nil
    }
    return events
  }

  private static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]

  private static func pasteText(_ bytes: [UInt8]) -> String {
    UntrustedText.sanitized(String(decoding: bytes, as: UTF8.self))
  }

  /// Moves paste bytes from `pending` into the paste up to its end marker and
  /// returns the index after the marker; nil when the marker has not arrived, with
  /// the bytes that may be its start left pending.
  private mutating func consumePaste(
    from index: Int, final: Bool, into events: inout [InputEvent]
  ) -> Int? {
    let end = InputDecoder.pasteEnd
    var cursor = index
    while cursor < pending.count {
      if pending[cursor] == 0x1B {
        let available = min(end.count, pending.count - cursor)
        if pending[cursor..<cursor + available].elementsEqual(end[0..<available]) {
          if available == end.count {
            appendPaste(pending[index..<cursor])
            events.append(.paste(InputDecoder.pasteText(paste ?? [])))
            paste = nil
            return cursor + end.count
          }
          if !final {
            // The end marker is cut between reads: keep its start pending.
            appendPaste(pending[index..<cursor])
            pending.removeFirst(cursor)
            return nil
          }
        }
      }
      cursor += 1
    }
    appendPaste(pending[index..<cursor])
    pending.removeAll(keepingCapacity: true)
    if final {
      events.append(.paste(InputDecoder.pasteText(paste ?? [])))
      paste = nil
    }
    return nil
  }

  private mutating func appendPaste(_ bytes: ArraySlice<UInt8>) {
    guard var text = paste else { return }
    paste = nil
    text.append(contentsOf: bytes.prefix(max(0, InputDecoder.pasteLimit - text.count)))
    paste = text
  }

  // MARK: - One step

  func step(at index: Int, final: Bool) -> Step {
    let byte = pending[index]
    guard byte == 0x1B else { return single(at: index, final: final) }
    guard index + 1 < pending.count else {
      return final ? .event(.key(.escape), length: 1) : .incomplete
    }
    switch pending[index + 1] {
    case 0x5B:
      return csi(at: index, final: final)
    case 0x4F:
      return ss3(at: index, final: final)
    case 0x1B:
      return .event(.key(.escape), length: 1)
    default:
      switch single(at: index + 1, final: final) {
      case .event(.key(let key, let modifiers), let length):
        return .event(.key(key, modifiers.union(.alt)), length: length + 1)
      case .event(let event, let length): return .event(event, length: length + 1)
      case .pasteStart(let length): return .pasteStart(length: length + 1)
      case .skip(let length): return .skip(length: length + 1)
      case .incomplete: return .incomplete
      }
    }
  }

  /// A byte or UTF-8 character that is not an escape sequence.
  func single(at index: Int, final: Bool) -> Step {
    let byte = pending[index]
    switch byte {
    case 0x0D, 0x0A: return .event(.key(.enter), length: 1)
    case 0x09: return .event(.key(.tab), length: 1)
    case 0x7F, 0x08: return .event(.key(.backspace), length: 1)
    case 0x00: return .event(.ctrl(" "), length: 1)
    case 0x01...0x1A:
      return .event(.ctrl(Character(Unicode.Scalar(byte + 0x60))), length: 1)
    case 0x1B: return .event(.key(.escape), length: 1)
    case 0x1C...0x1F:
      return .event(.ctrl(Character(Unicode.Scalar(byte + 0x40))), length: 1)
    case 0x20..<0x7F:
      return .event(.char(Character(Unicode.Scalar(byte))), length: 1)
    default:
      return utf8(at: index, final: final)
    }
  }

  /// A multi-byte UTF-8 character; invalid or truncated sequences become U+FFFD.
  private func utf8(at index: Int, final: Bool) -> Step {
    let lead = pending[index]
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
    case 0xE0...0xEF: (length, value) = (3, UInt32(lead & 0x0F))
    case 0xF0...0xF4: (length, value) = (4, UInt32(lead & 0x07))
    default: return .event(.char("\u{FFFD}"), length: 1)
    }
    var offset = 1
    while offset < length {
      guard index + offset < pending.count else {
        return final ? .event(.char("\u{FFFD}"), length: offset) : .incomplete
      }
      let next = pending[index + offset]
      guard next & 0xC0 == 0x80 else { return .event(.char("\u{FFFD}"), length: offset) }
      value = value << 6 | UInt32(next & 0x3F)
      offset += 1
    }
    let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
    guard value >= minimum, let scalar = Unicode.Scalar(value) else {
      return .event(.char("\u{FFFD}"), length: length)
    }
    return .event(.char(Character(scalar)), length: length)
  }
}
