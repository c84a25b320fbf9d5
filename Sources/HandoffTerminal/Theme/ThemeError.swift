/// A theme that cannot be used; the description is the one line a user sees.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file (or shipped theme) the problem is in.
  public var source: String
  /// The 1-based line, when the problem is on one.
  public var line: Int?
  public var message: String

  public init(source: String, line: Int? = nil, message: String) {
    self.source = source
    self.line = line
    self.message = message
  }

  public var description: String {
    if let line { return "\(source):\(line): \(message)" }
    return "\(source): \(message)"
  }
}
