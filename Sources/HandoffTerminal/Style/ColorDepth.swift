/// How many colours the terminal can show.
public enum ColorDepth: Int, Comparable, Hashable, Sendable, CaseIterable {
  /// No colour at all (`NO_COLOR`); attributes such as bold and reverse still work.
  case none
  /// The 16 ANSI colours.
  case ansi16
  /// The 256-colour palette.
  case indexed256
  /// 24-bit colour.
  case truecolor

  public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The depth the environment asks for: `NO_COLOR` (any non-empty value) turns
  /// colour off; `COLORTERM=truecolor|24bit` or a `TERM` ending in `-direct` means
  /// 24-bit; a `TERM` containing `256color` means 256; any other terminal gets 16.
  public static func detect(environment: [String: String]) -> ColorDepth {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
    let term = environment["TERM"] ?? ""
    if term == "dumb" { return .none }
    let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
    if colorTerm == "truecolor" || colorTerm == "24bit" || term.hasSuffix("-direct") {
      return .truecolor
    }
    if term.contains("256color") { return .indexed256 }
    return .ansi16
  }
}
