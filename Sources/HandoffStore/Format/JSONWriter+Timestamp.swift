import HandoffModel
import HandoffText

extension JSONWriter {
  /// A moment as its ISO 8601 text in UTC, as the log format writes every time.
  mutating func field(_ name: StaticString, _ value: Timestamp) {
    field(name, value.iso8601)
  }

  /// Writes the field only when there is a moment.
  mutating func optional(_ name: StaticString, _ value: Timestamp?) {
    if let value { field(name, value) }
  }
}
