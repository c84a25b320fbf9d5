/// Escape sequences: CSI (`ESC [`) and SS3 (`ESC O`) keys, SGR mouse reports.
extension InputDecoder {
  /// `ESC [ params intermediates final`.
  func csi(at index: Int, final: Bool) -> Step {
    var cursor = index + 2
    while cursor < pending.count {
      let byte = pending[cursor]
      switch byte {
      case 0x20...0x3F:
        cursor += 1
        if cursor - index > InputDecoder.sequenceLimit { return .skip(length: cursor - index) }
      case 0x40...0x7E:
        let body = pending[(index + 2)..<cursor]
        let length = cursor + 1 - index
        if let event = InputDecoder.csiEvent(parameters: body, final: byte) {
          return .event(event, length: length)
        }
        if byte == 0x7E && InputDecoder.parameters(body).first == 200 {
          return .pasteStart(length: length)
        }
        return .skip(length: length)
      default:
        // A byte that cannot be in a sequence ends it: drop what came before.
        return .skip(length: cursor - index)
      }
    }
    guard final else { return .incomplete }
    // `ESC [` alone is Alt-[; anything longer that never finished is dropped.
    return cursor == index + 2
      ? .event(.key(.char("["), .alt), length: 2) : .skip(length: cursor - index)
  }

  /// `ESC O final`, with optional digits before the final byte.
  func ss3(at index: Int, final: Bool) -> Step {
    var cursor = index + 2
    while cursor < pending.count, (0x30...0x39).contains(pending[cursor]) {
      cursor += 1
      if cursor - index > 8 { return .skip(length: cursor - index) }
    }
    guard cursor < pending.count else {
      guard final else { return .incomplete }
      return cursor == index + 2
        ? .event(.key(.char("O"), .alt), length: 2) : .skip(length: cursor - index)
    }
    let byte = pending[cursor]
    let digits = pending[(index + 2)..<cursor]
    let modifiers = Modifiers(xtermParameter: Int(String(decoding: digits, as: UTF8.self)) ?? 1)
    let key: Key? =
      switch byte {
      case 0x41: .up
      case 0x42: .down
      case 0x43: .right
      case 0x44: .left
      case 0x48: .home
      case 0x46: .end
      case 0x4D: .enter
      case 0x50...0x53: .function(Int(byte) - 0x4F)
      default: nil
      }
    guard let key else {
      if (0x40...0x7E).contains(byte) { return .skip(length: cursor + 1 - index) }
      // A byte that cannot end the sequence: `ESC O` was Alt-O, typed before it.
      return cursor == index + 2
        ? .event(.key(.char("O"), .alt), length: 2) : .skip(length: cursor - index)
    }
    return .event(.key(key, modifiers), length: cursor + 1 - index)
  }

  /// Numeric parameters separated by `;` (sub-parameters after `:` ignored);
  /// a missing one is 0. Values are capped so no input can overflow.
  static func parameters(_ body: ArraySlice<UInt8>) -> [Int] {
    var values: [Int] = []
    var current = 0
    var inSub = false
    for byte in body {
      switch byte {
      case 0x30...0x39 where !inSub:
        current = min(current * 10 + Int(byte - 0x30), 99_999)
      case 0x3B:
        values.append(current)
        current = 0
        inSub = false
      case 0x3A:
        inSub = true
      default:
        break
      }
    }
    values.append(current)
    return values
  }

  static func csiEvent(parameters body: ArraySlice<UInt8>, final: UInt8) -> InputEvent? {
    let prefix = body.first.flatMap { (0x3C...0x3F).contains($0) ? $0 : nil }
    if prefix == 0x3C && (final == 0x4D || final == 0x6D) {
      return mouse(parameters(body.dropFirst()), release: final == 0x6D)
    }
    guard prefix == nil, !body.contains(where: { (0x20...0x2F).contains($0) }) else {
      return nil
    }
    let values = parameters(body)
    let modifiers = Modifiers(xtermParameter: values.count > 1 ? values[1] : 1)
    let key: Key?
    switch final {
    case 0x41: key = .up
    case 0x42: key = .down
    case 0x43: key = .right
    case 0x44: key = .left
    case 0x48: key = .home
    case 0x46: key = .end
    case 0x5A: return .key(.backTab, modifiers.subtracting(.shift))
    case 0x50...0x53: key = .function(Int(final) - 0x4F)
    case 0x7E: key = tildeKey(values[0])
    case 0x75: return kittyKey(values, modifiers: modifiers)
    default: key = nil
    }
    return key.map { .key($0, modifiers) }
  }

  private static func tildeKey(_ code: Int) -> Key? {
    switch code {
    case 1, 7: .home
    case 2: .insert
    case 3: .delete
    case 4, 8: .end
    case 5: .pageUp
    case 6: .pageDown
    case 11...15: .function(code - 10)
    case 17...21: .function(code - 11)
    case 23...26: .function(code - 12)
    case 28, 29: .function(code - 13)
    case 31...34: .function(code - 14)
    default: nil
    }
  }

  /// `CSI codepoint ; modifiers u` (the fixterms / kitty form).
  private static func kittyKey(_ values: [Int], modifiers: Modifiers) -> InputEvent? {
    switch values[0] {
    case 9: return .key(.tab, modifiers)
    case 13: return .key(.enter, modifiers)
    case 27: return .key(.escape, modifiers)
    case 127: return .key(.backspace, modifiers)
    case 0x20...0x10FFFF:
      guard let scalar = Unicode.Scalar(values[0]), !(0x7F...0x9F).contains(values[0]) else {
        return nil
      }
      return .key(.char(Character(scalar)), modifiers)
    default: return nil
    }
  }

  /// `CSI < button ; x ; y M` (press) or `m` (release), 1-based coordinates.
  private static func mouse(_ values: [Int], release: Bool) -> InputEvent? {
    guard values.count == 3 else { return nil }
    let code = values[0]
    var modifiers: Modifiers = []
    if code & 4 != 0 { modifiers.insert(.shift) }
    if code & 8 != 0 { modifiers.insert(.alt) }
    if code & 16 != 0 { modifiers.insert(.ctrl) }
    let button = code & 3
    let action: MouseAction
    if code & 64 != 0 {
      action = [MouseAction.wheelUp, .wheelDown, .wheelLeft, .wheelRight][button]
    } else if code & 32 != 0 {
      guard button != 3 else { return nil }
      action = .drag(button: button)
    } else {
      guard button != 3 else { return nil }
      action = release ? .release(button: button) : .press(button: button)
    }
    return .mouse(
      MouseEvent(
        action: action, x: max(0, values[1] - 1), y: max(0, values[2] - 1), modifiers: modifiers))
  }
}
