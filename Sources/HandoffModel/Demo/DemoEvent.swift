/// One pre-planned change of the demo data: what the store appends, in order, with
/// sequence numbers of its own.
public struct DemoEvent: Sendable, Hashable {
  /// When the change happened (never after the `now` the demo was made for).
  public var at: Timestamp
  /// Who made it: a member's handle.
  public var actor: String
  /// What changed.
  public var body: EventBody

  /// Creates a demo event.
  public init(at: Timestamp, actor: String, body: EventBody) {
    self.at = at
    self.actor = actor
    self.body = body
  }
}
