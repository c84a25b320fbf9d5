extension CellBuffer {
  /// The buffer as plain text, one line per row with trailing spaces removed: for
  /// output that is not a terminal (a pipe, a file, `TERM=dumb`).
  public var plainText: String {
    // An empty buffer is one empty line, as it always was.
    guard height > 0 else { return "\n" }
    var out = ""
    out.reserveCapacity(width * height + height)
    for y in 0..<height {
      // Trailing blanks are found by cell, not by walking the line's characters back.
      var end = width
      while end > 0 && self[end - 1, y].isSpace { end -= 1 }
      for x in 0..<end where !self[x, y].isContinuation { out += self[x, y].text }
      out += "\n"
    }
    return out
  }

  /// The buffer as text with SGR styling but no cursor movement, one line per row:
  /// for printing a screen once to a terminal (a snapshot) without taking it over.
  /// Trailing unstyled spaces are dropped; each line ends with the style reset.
  public func styledText(depth: ColorDepth) -> String {
    var mapper = ColorMapper(depth: depth)
    var out: [UInt8] = []
    for y in 0..<height {
      var end = width
      while end > 0 && self[end - 1, y].isSpace && self[end - 1, y].style == .plain {
        end -= 1
      }
      var current = Style.plain
      for x in 0..<end where !self[x, y].isContinuation {
        let style = mapper.map(self[x, y].style)
        SGR.transition(from: current, to: style, into: &out)
        current = style
        self[x, y].appendUTF8(to: &out)
      }
      if current != .plain { out.appendASCII("\u{1B}[0m") }
      out.append(0x0A)
    }
    return String(decoding: out, as: UTF8.self)
  }
}
