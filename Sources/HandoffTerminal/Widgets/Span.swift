/// A piece of text in one role: what the text widgets (`TextLine`, `FigureLine`, table
/// cells, status items) are made of.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
  public var text: String
  public var role: ThemeRole
  /// Whether a line without room for all of it may show it cut with `…` (a name, a
  /// sentence). A figure (a number with its label) is shown whole or not at all.
  public var mayCut: Bool

  public init(_ text: String, role: ThemeRole = .text, mayCut: Bool = false) {
    self.text = text
    self.role = role
    self.mayCut = mayCut
  }

  public init(stringLiteral value: String) { self.init(value) }

  /// Cells the text takes.
  public var width: Int { DisplayWidth.of(text) }
}
