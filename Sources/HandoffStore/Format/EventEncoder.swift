import HandoffModel
import HandoffText

/// Writes events as log lines and leads and members as JSON objects, in the format of
/// docs/FORMAT.md.
enum EventEncoder {
  /// One log line for the event, ending in a newline.
  static func line(_ event: Event) -> [UInt8] {
    var writer = JSONWriter()
    write(event, into: &writer)
    return writer.bytes
  }

  /// Appends the event's log line, newline included, to what `writer` holds (a batch
  /// encodes line after line into one buffer, with no array per line).
  static func write(_ event: Event, into writer: inout JSONWriter) {
    writer.open()
    writer.field("seq", event.seq)
    writer.field("at", event.at)
    writer.field("actor", event.actor)
    writer.field("type", event.body.typeName)
    body(event.body, into: &writer)
    writer.close()
    writer.endLine()
  }

  private static func body(_ body: EventBody, into w: inout JSONWriter) {
    switch body {
    case .leadCreated(let e):
      w.field("lead", e.lead.id)
      if e.snapshot {
        w.field("snapshot", true)
        w.field("v", e.lead.version)
      }
      leadFields(e.lead, full: e.snapshot, into: &w)
      if !e.snapshot {
        w.optional("stage_at", e.stageEnteredAt)
        w.optional("activity_at", e.lastActivityAt)
      }
      if !e.notes.isEmpty { notes(e.notes, into: &w) }
    case .leadUpdated(let e):
      w.field("lead", e.lead)
      w.field("v", e.version)
      w.optional("name", e.name)
      w.optional("company", e.company)
      w.optional("email", e.email)
      w.optional("source", e.source)
      w.optional("segment", e.segment)
      w.optional("value", e.value)
    case .leadScored(let id, let version, let score):
      w.field("lead", id)
      w.field("v", version)
      w.field("score", score)
    case .leadMoved(let e):
      w.field("lead", e.lead)
      w.field("v", e.version)
      w.field("from", e.from.rawValue)
      w.field("to", e.to.rawValue)
      w.optional("reason", e.reason)
      if let owner = e.owner { w.nullable("owner", owner) }
      w.optional("value", e.value)
      w.optional("followup", e.nextFollowUp)
      w.optional("taken_from", e.takenFrom)
    case .leadAssigned(let e):
      w.field("lead", e.lead)
      w.field("v", e.version)
      w.nullable("owner", e.owner)
      w.optional("note", e.note)
      if e.auto { w.field("auto", true) }
    case .noteAdded(let id, let version, let text):
      w.field("lead", id)
      w.field("v", version)
      w.field("text", text)
    case .followUpLogged(let id, let version, let next):
      w.field("lead", id)
      w.field("v", version)
      w.field("next", next)
    case .leadOpened(let id):
      w.field("lead", id)
    case .leadReverted(let e):
      w.field("lead", e.lead)
      w.field("v", e.version)
      w.field("undoes", e.undoes)
      w.field("undone_type", e.undoneKind.rawValue)
      w.field("undone_at", e.undoneAt)
      if e.removesNote { w.field("removes_note", true) }
      w.key("restore")
      leadObject(e.restore, notes: nil, into: &w)
    case .memberJoined(let e):
      w.field("handle", e.handle)
      w.field("name", e.name)
      w.field("dept", e.department.rawValue)
      if let capacity = e.capacity { w.field("capacity", capacity) }
      w.optional("email", e.email)
      if e.role != .member { w.field("role", e.role.rawValue) }
      w.optional("last_assigned", e.lastAssignedAt)
    case .memberUpdated(let e):
      w.field("handle", e.handle)
      w.optional("name", e.name)
      if let away = e.away { w.field("away", away) }
      if let capacity = e.capacity { w.nullable("capacity", capacity.map(Int64.init)) }
      w.optional("email", e.email)
      w.optional("role", e.role?.rawValue)
    case .memberLeft(let handle):
      w.field("handle", handle)
    case .targetSet(let t):
      w.field("metric", t.metric.rawValue)
      w.field("period", t.period.description)
      w.field("scope", t.scope.description)
      w.field("value", t.value)
    case .settingChanged(let key, let value):
      w.field("key", key)
      w.field("value", value)
    }
  }

  /// A lead as a JSON object (`--json` output and the `restore` of a revert).
  static func leadObject(_ lead: Lead, notes list: [Note]?, into w: inout JSONWriter) {
    w.open()
    w.field("id", lead.id)
    w.field("v", lead.version)
    leadFields(lead, full: true, into: &w)
    if let list { notes(list, into: &w) }
    w.close()
  }

  /// The lead's fields. A new lead's times come from its event, so only a `full` lead
  /// (snapshot, revert, output) writes times, reasons and the last change.
  private static func leadFields(_ lead: Lead, full: Bool, into w: inout JSONWriter) {
    w.field("name", lead.name)
    w.field("company", lead.company)
    if full || !lead.email.isEmpty { w.field("email", lead.email) }
    w.field("source", lead.source)
    if full || !lead.segment.isEmpty { w.field("segment", lead.segment) }
    w.field("score", lead.score)
    w.field("value", lead.value)
    if full || lead.stage != .new { w.field("stage", lead.stage.rawValue) }
    if full { w.nullable("owner", lead.owner) } else { w.optional("owner", lead.owner) }
    guard full else { return }
    w.field("created", lead.createdAt)
    w.field("stage_at", lead.stageEnteredAt)
    w.field("activity_at", lead.lastActivityAt)
    w.optional("followup", lead.nextFollowUp)
    w.optional("reason", lead.reason)
    if let r = lead.recycled {
      w.key("recycled")
      w.open()
      w.field("reason", r.reason)
      w.field("by", r.by)
      w.field("at", r.at)
      w.field("from", r.from.rawValue)
      w.close()
    }
    w.optional("handed_off_by", lead.handedOffBy)
    if lead.unseenByOwner { w.field("unseen", true) }
    w.field("changed_by", lead.lastChangedBy)
    w.field("change", ChangeCode.encode(lead.lastChange))
  }

  private static func notes(_ list: [Note], into w: inout JSONWriter) {
    w.beginArray("notes")
    for note in list {
      w.open()
      w.field("at", note.at)
      w.field("by", note.author)
      w.field("text", note.text)
      w.close()
    }
    w.endArray()
  }

  /// A member as a JSON object (`team list --json`).
  static func memberObject(_ m: Member, load: Int?, into w: inout JSONWriter) {
    w.open()
    w.field("handle", m.handle)
    w.field("name", m.name)
    w.field("dept", m.department.rawValue)
    w.field("active", m.active)
    w.field("away", m.away)
    w.nullable("capacity", m.capacity.map(Int64.init))
    w.nullable("email", m.email)
    w.field("role", m.role.rawValue)
    if let load { w.field("load", load) }
    w.field("joined", m.joinedAt)
    w.close()
  }
}

/// The `change` field: what last happened to a lead, in a compact text form.
enum ChangeCode {
  static func encode(_ change: ChangeSummary) -> String {
    switch change {
    case .created: return "created"
    case .updated: return "updated"
    case .scored(let s): return "scored:\(s)"
    case .moved(let stage): return "moved:\(stage.rawValue)"
    case .assigned(let owner?): return "assigned:\(owner)"
    case .assigned(nil): return "unassigned"
    case .noted: return "noted"
    case .followedUp: return "followed-up"
    case .reverted: return "reverted"
    }
  }

  static func decode(_ text: String) -> ChangeSummary? {
    switch text {
    case "created": return .created
    case "updated": return .updated
    case "unassigned": return .assigned(nil)
    case "noted": return .noted
    case "followed-up": return .followedUp
    case "reverted": return .reverted
    default:
      guard let colon = text.firstIndex(of: ":") else { return nil }
      let head = text[..<colon]
      let tail = String(text[text.index(after: colon)...])
      switch head {
      case "scored": return Int(tail).map { .scored($0) }
      case "moved": return Stage(rawValue: tail).map { .moved($0) }
      case "assigned": return tail.isEmpty ? nil : .assigned(tail)
      default: return nil
      }
    }
  }
}
