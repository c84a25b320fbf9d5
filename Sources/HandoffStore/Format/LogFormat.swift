import HandoffModel
import HandoffText

/// The log format's JSON objects for output (`--json`): the same keys as the log
/// (docs/FORMAT.md), so what scripts read and what the log holds agree.
package enum LogFormat {
  /// A lead as one JSON object: `id`, `v` (version), every field, and `notes` when given.
  package static func json(lead: Lead, notes: [Note]?) -> String {
    var writer = JSONWriter()
    EventEncoder.leadObject(lead, notes: notes, into: &writer)
    return writer.text
  }

  /// A member as one JSON object: `handle`, `name`, `dept`, `active`, `away`,
  /// `capacity`, `joined`, and `load` (open leads) when given.
  package static func json(member: Member, load: Int? = nil) -> String {
    var writer = JSONWriter()
    EventEncoder.memberObject(member, load: load, into: &writer)
    return writer.text
  }

  /// Writes a lead as `json(lead:notes:)` does, as one value of a longer JSON text.
  package static func write(lead: Lead, notes: [Note]?, into writer: inout JSONWriter) {
    EventEncoder.leadObject(lead, notes: notes, into: &writer)
  }

  /// Writes a member as `json(member:load:)` does, as one value of a longer JSON text.
  package static func write(member: Member, load: Int?, into writer: inout JSONWriter) {
    EventEncoder.memberObject(member, load: load, into: &writer)
  }

  /// An event as its log line (without the newline).
  package static func line(_ event: Event) -> String {
    var bytes = EventEncoder.line(event)
    bytes.removeLast()
    return String(decoding: bytes, as: UTF8.self)
  }

}
