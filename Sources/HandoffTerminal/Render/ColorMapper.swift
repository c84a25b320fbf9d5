/// Maps styles to what a terminal of some colour depth can show, remembering the
/// nearest-colour searches it has done.
struct ColorMapper {
  let depth: ColorDepth
  private var cache: [Color: Color] = [:]

  init(depth: ColorDepth) { self.depth = depth }

  /// The style as it will be sent.
  mutating func map(_ style: Style) -> Style {
    if depth == .truecolor { return style }
    return Style(
      foreground: map(style.foreground), background: map(style.background),
      attributes: style.attributes)
  }

  mutating func map(_ color: Color) -> Color {
    switch (depth, color) {
    case (.none, _): return .default
    case (_, .default), (.truecolor, _), (.indexed256, .indexed), (_, .ansi): return color
    default: break
    }
    if let known = cache[color] { return known }
    let mapped: Color
    switch color {
    case .rgb(let r, let g, let b):
      mapped =
        depth == .indexed256
        ? .indexed(ColorPalette.nearest256(r, g, b)) : .ansi(ColorPalette.nearest16(r, g, b))
    case .indexed(let index):
      // Entries 0–15 are the ANSI colours themselves.
      if index < 16 {
        mapped = .ansi(index)
      } else {
        let (r, g, b) = ColorPalette.rgb(ofIndex: index)
        mapped = .ansi(ColorPalette.nearest16(r, g, b))
      }
    default: mapped = color
    }
    cache[color] = mapped
    return mapped
  }
}
