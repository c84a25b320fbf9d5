/// A foreground or background colour as a theme or widget asks for it.
///
/// The renderer maps it to what the terminal supports (see `ColorDepth`).
public enum Color: Hashable, Sendable {
  /// The terminal's own default colour.
  case `default`
  /// One of the 16 ANSI colours, 0–7 normal and 8–15 bright.
  case ansi(UInt8)
  /// An entry of the 256-colour palette.
  case indexed(UInt8)
  /// A 24-bit colour.
  case rgb(UInt8, UInt8, UInt8)

  public static let black = Color.ansi(0)
  public static let red = Color.ansi(1)
  public static let green = Color.ansi(2)
  public static let yellow = Color.ansi(3)
  public static let blue = Color.ansi(4)
  public static let magenta = Color.ansi(5)
  public static let cyan = Color.ansi(6)
  public static let white = Color.ansi(7)
  public static let brightBlack = Color.ansi(8)
  public static let brightRed = Color.ansi(9)
  public static let brightGreen = Color.ansi(10)
  public static let brightYellow = Color.ansi(11)
  public static let brightBlue = Color.ansi(12)
  public static let brightMagenta = Color.ansi(13)
  public static let brightCyan = Color.ansi(14)
  public static let brightWhite = Color.ansi(15)

  /// The colour written as `#rrggbb`, if the text is one.
  public init?(hex: some StringProtocol) {
    guard hex.utf8.count == 7, hex.first == "#", let value = UInt32(hex.dropFirst(), radix: 16)
    else { return nil }
    self = .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
  }
}
