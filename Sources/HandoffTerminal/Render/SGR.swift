/// Select Graphic Rendition: the escape sequence that sets a style.
enum SGR {
  /// Appends the shortest SGR sequence that takes the terminal from `current` to
  /// `next` (both already mapped to the colour depth). Nothing when they are equal.
  ///
  /// Only what changes is sent: attributes turned off by their own codes (22 for bold
  /// and dim together, 23, 24, 27) or by a reset followed by what stays, whichever is
  /// shorter; a colour that is exactly an xterm-256 entry as `38;5;N`.
  static func transition(from current: Style, to next: Style, into out: inout [UInt8]) {
    guard current != next else { return }
    let start = out.count
    out.appendCSI()
    appendChanges(from: current, to: next, into: &out)
    if !current.attributes.subtracting(next.attributes).isEmpty {
      // Turning attributes off: also try a reset and keep the shorter form.
      let incremental = out.count - start
      let reset = out.count
      out.append(0x30)
      appendChanges(from: .plain, to: next, into: &out, first: false)
      if out.count - reset < incremental {
        out.removeSubrange(start..<reset)
        out.insert(contentsOf: [0x1B, 0x5B], at: start)
      } else {
        out.removeSubrange(reset...)
      }
    }
    out.append(0x6D)
  }

  /// The parameters from `base` to `next`, separated by `;`, without `CSI` and `m`.
  private static func appendChanges(
    from base: Style, to next: Style, into out: inout [UInt8], first: Bool = true
  ) {
    var first = first
    func separator(_ out: inout [UInt8]) {
      if !first { out.append(0x3B) }
      first = false
    }
    let removed = base.attributes.subtracting(next.attributes)
    var kept = base.attributes
    if !removed.intersection([.bold, .dim]).isEmpty {
      // 22 clears bold and dim together; whichever of them stays is set again below.
      separator(&out)
      out.appendDecimal(22)
      kept.subtract([.bold, .dim])
    }
    for (attribute, code) in offCodes where removed.contains(attribute) {
      separator(&out)
      out.appendDecimal(code)
      kept.subtract(attribute)
    }
    let added = next.attributes.subtracting(kept)
    for (attribute, code) in attributeCodes where added.contains(attribute) {
      separator(&out)
      out.appendDecimal(code)
    }
    if next.foreground != base.foreground {
      separator(&out)
      appendColor(next.foreground, background: false, into: &out)
    }
    if next.background != base.background {
      separator(&out)
      appendColor(next.background, background: true, into: &out)
    }
  }

  private static let attributeCodes: [(Attributes, Int)] = [
    (.bold, 1), (.dim, 2), (.italic, 3), (.underline, 4), (.reverse, 7),
  ]

  /// Codes that turn one attribute off (bold and dim share 22, handled apart).
  private static let offCodes: [(Attributes, Int)] = [
    (.italic, 23), (.underline, 24), (.reverse, 27),
  ]

  private static func appendColor(_ color: Color, background: Bool, into out: inout [UInt8]) {
    switch color {
    case .default:
      out.appendDecimal(background ? 49 : 39)
    case .ansi(let index):
      let value = Int(index & 0x0F)
      out.appendDecimal((value < 8 ? 30 : 82) + value + (background ? 10 : 0))
    case .indexed(let index):
      appendIndexed(index, background: background, into: &out)
    case .rgb(let r, let g, let b):
      if let index = ColorPalette.exactIndex(r, g, b) {
        // The same colour, in 7–11 bytes instead of up to 19.
        appendIndexed(index, background: background, into: &out)
        return
      }
      out.appendDecimal(background ? 48 : 38)
      out.appendASCII(";2;")
      out.appendDecimal(Int(r))
      out.append(0x3B)
      out.appendDecimal(Int(g))
      out.append(0x3B)
      out.appendDecimal(Int(b))
    }
  }

  private static func appendIndexed(_ index: UInt8, background: Bool, into out: inout [UInt8]) {
    out.appendDecimal(background ? 48 : 38)
    out.appendASCII(";5;")
    out.appendDecimal(Int(index))
  }
}
