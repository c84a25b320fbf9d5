/// How many terminal cells text takes, for aligning table columns: two for wide
/// characters (CJK, most emoji), none for combining marks and zero-width characters,
/// one otherwise. An approximation good for columns; the dashboard has its own tables.
enum DisplayWidth {
  /// The width of text in cells.
  static func of(_ text: some StringProtocol) -> Int {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
    var width = 0
    for char in text {
      width += of(char)
    }
    return width
  }

  /// The width of one character: that of its first scalar.
  static func of(_ char: Character) -> Int {
    guard let scalar = char.unicodeScalars.first else { return 0 }
    let v = scalar.value
    switch v {
    case 0x0300...0x036F, 0x200B...0x200F, 0x20D0...0x20FF, 0xFE00...0xFE0F: return 0
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default: return 1
    }
  }

  /// The text cut to at most `width` cells, ending in `…` when cut.
  static func truncated(_ text: String, to width: Int) -> String {
    guard of(text) > width else { return text }
    guard width > 1 else { return width == 1 ? "…" : "" }
    var out = ""
    var used = 0
    for char in text {
      let w = of(char)
      if used + w > width - 1 { break }
      out.append(char)
      used += w
    }
    return out + "…"
  }

  /// The text padded with spaces to `width` cells (left-aligned) or right-aligned.
  static func padded(_ text: String, to width: Int, right: Bool = false) -> String {
    let pad = String(repeating: " ", count: max(0, width - of(text)))
    return right ? pad + text : text + pad
  }
}
