/// Select Graphic Rendition: the escape sequence that sets a style.
enum SGR {
  /// Appends the shortest SGR sequence that takes the terminal from `current` to
  /// `next` (both already mapped to the colour depth). Nothing when they are equal.
  static func transition(from current: Style, to next: Style, into out: inout [UInt8]) {
    guard current != next else { return }
    out.appendCSI()
    var first = true
    func separator(_ out: inout [UInt8]) {
      if !first { out.append(0x3B) }
      first = false
    }
    var base = current
    if !current.attributes.subtracting(next.attributes).isEmpty {
      // Turning one attribute off has codes that interact (22 clears bold and dim);
      // a reset is simpler and never longer than the pair it replaces.
      out.append(0x30)
      first = false
      base = .plain
    }
    let added = next.attributes.subtracting(base.attributes)
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
    out.append(0x6D)
  }

  private static let attributeCodes: [(Attributes, Int)] = [
    (.bold, 1), (.dim, 2), (.italic, 3), (.underline, 4), (.reverse, 7),
  ]

  private static func appendColor(_ color: Color, background: Bool, into out: inout [UInt8]) {
    switch color {
    case .default:
      out.appendDecimal(background ? 49 : 39)
    case .ansi(let index):
      let value = Int(index & 0x0F)
      out.appendDecimal((value < 8 ? 30 : 82) + value + (background ? 10 : 0))
    case .indexed(let index):
      out.appendDecimal(background ? 48 : 38)
      out.appendASCII(";5;")
      out.appendDecimal(Int(index))
    case .rgb(let r, let g, let b):
      out.appendDecimal(background ? 48 : 38)
      out.appendASCII(";2;")
      out.appendDecimal(Int(r))
      out.append(0x3B)
      out.appendDecimal(Int(g))
      out.append(0x3B)
      out.appendDecimal(Int(b))
    }
  }
}
