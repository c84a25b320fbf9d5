import HandoffModel

/// The log format's JSON objects for output (`--json`): the same keys as the log
/// (docs/FORMAT.md), so what scripts read and what the log holds agree.
package enum LogFormat {
  /// A lead as one JSON object: `id`, `v` (version), every field, and `notes` when given.
  package static func json(lead: Lead, notes: [Note]?) -> String {
    var writer = JSONWriter()
    EventEncoder.leadObject(lead, notes: notes, into: &writer)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// A member as one JSON object: `handle`, `name`, `dept`, `active`, `away`,
  /// `capacity`, `joined`, and `load` (open leads) when given.
  package static func json(member: Member, load: Int? = nil) -> String {
    var writer = JSONWriter()
    EventEncoder.memberObject(member, load: load, into: &writer)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// An event as its log line (without the newline).
  package static func line(_ event: Event) -> String {
    var bytes = EventEncoder.line(event)
    bytes.removeLast()
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A string as a JSON string literal, quotes included (for scripts' output).
  package static func quoted(_ text: String) -> String {
    var writer = JSONWriter()
    writer.string(text)
    return String(decoding: writer.bytes, as: UTF8.self)
  }
}
