import HandoffModel

/// A short message in the status bar, gone after a few seconds.
package struct StatusMessage: Equatable, Sendable {
  /// Whether it reports a success or a refusal.
  package enum Kind: Equatable, Sendable { case info, error }
  package var text: String
  package var kind: Kind
  /// When it disappears.
  package var expires: Timestamp

  /// Creates a message.
  package init(text: String, kind: Kind, expires: Timestamp) {
    self.text = text
    self.kind = kind
    self.expires = expires
  }
}
