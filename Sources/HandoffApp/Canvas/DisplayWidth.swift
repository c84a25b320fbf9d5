/// How many terminal columns a character takes: 2 for East Asian wide and emoji, 0 for
/// combining marks alone, else 1.
enum DisplayWidth {
  static func of(_ c: Character) -> Int {
    guard let scalar = c.unicodeScalars.first else { return 0 }
    let v = scalar.value
    if v < 0x1100 { return 1 }
    if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    case 0x300...0x36F, 0x200B...0x200F:
      return 0
    default:
      return 1
    }
  }

  /// The columns a string takes.
  static func of(_ s: String) -> Int { s.reduce(0) { $0 + of($1) } }

  /// The string cut to fit `width` columns, with `…` when cut.
  static func truncate(_ s: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    if of(s) <= width { return s }
    var out = ""
    var used = 0
    for c in s {
      let w = of(c)
      if used + w > width - 1 { break }
      out.append(c)
      used += w
    }
    return out + "…"
  }
}
