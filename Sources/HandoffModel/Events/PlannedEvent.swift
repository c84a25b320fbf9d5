/// An event before the store numbers it: when it happened, who did it, what changed.
/// Planning (`plan`, the demo generator, an import) produces these; the store gives
/// each the next sequence number as it appends them.
package struct PlannedEvent: Sendable, Hashable {
  /// When the change happened.
  package var at: Timestamp
  /// Who made it: a member's handle, or a tool's name.
  package var actor: String
  /// What changed.
  package var body: EventBody
  /// The sequence number to keep, when a log is copied event for event (a migration);
  /// nil, as almost always, for the store's next number.
  package var seq: Int64?

  /// An event to be appended with the store's next sequence number (or `seq`, when
  /// copying a log: it must follow the store's last).
  package init(at: Timestamp, actor: String, body: EventBody, seq: Int64? = nil) {
    self.at = at
    self.actor = actor
    self.body = body
    self.seq = seq
  }
}
