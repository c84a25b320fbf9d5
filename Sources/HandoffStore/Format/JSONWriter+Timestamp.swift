import HandoffModel
import HandoffText

extension JSONWriter {
  /// A moment as its ISO 8601 text in UTC, as the log format writes every time.
  mutating func field(_ name: StaticString, _ value: Timestamp) {
    key(name)
    value.withISO8601 { string(utf8: $0) }
  }

  /// Writes the field only when there is a moment.
  mutating func optional(_ name: StaticString, _ value: Timestamp?) {
    if let value { field(name, value) }
  }
}
