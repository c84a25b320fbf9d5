import HandoffModel

/// A short message in the status bar, gone after a few seconds.
public struct StatusMessage: Equatable, Sendable {
  /// Whether it reports a success or a refusal.
  public enum Kind: Equatable, Sendable { case info, error }
  public var text: String
  public var kind: Kind
  /// When it disappears.
  public var expires: Timestamp

  /// Creates a message.
  public init(text: String, kind: Kind, expires: Timestamp) {
    self.text = text
    self.kind = kind
    self.expires = expires
  }
}
