import HandoffModel

/// Reads log lines back into events: the direct parser of our own line format.
enum EventDecoder {
  /// The event on one line (without its newline).
  static func event(_ line: UnsafeBufferPointer<UInt8>) throws(LineError) -> Event {
    var reader = JSONReader(line)
    var f = LineFields()
    try f.read(&reader)
    guard reader.atEnd else { throw reader.fail("text after the event's closing '}'") }
    guard let seq = f.seq else { throw missing("seq") }
    guard let at = f.at else { throw missing("at") }
    guard let actor = f.actor else { throw missing("actor") }
    guard let type = f.type else { throw missing("type") }
    guard let kind = EventKind(rawValue: type) else {
      throw LineError(message: "unknown event type \"\(type)\"", column: 0)
    }
    return Event(seq: seq, at: at, actor: actor, body: try body(kind, f, at: at))
  }

  private static func missing(_ key: String, in type: String? = nil) -> LineError {
    LineError(message: "no \"\(key)\"" + (type.map { " in a \($0) event" } ?? ""), column: 0)
  }

  private static func body(_ kind: EventKind, _ f: LineFields, at: Timestamp) throws(LineError)
    -> EventBody
  {
    let type = kind.rawValue
    func need<T>(_ value: T?, _ key: String) throws(LineError) -> T {
      guard let value else { throw missing(key, in: type) }
      return value
    }
    func role(_ text: String?) throws(LineError) -> Role? {
      guard let text else { return nil }
      guard let role = Role(rawValue: text) else {
        throw LineError(message: "unknown role \"\(text)\"", column: 0)
      }
      return role
    }
    func stage(_ text: String?, _ key: String) throws(LineError) -> Stage {
      let raw = try need(text, key)
      guard let stage = Stage(rawValue: raw) else {
        throw LineError(message: "unknown stage \"\(raw)\"", column: 0)
      }
      return stage
    }
    switch kind {
    case .leadCreated:
      let id = try need(f.lead, "lead")
      let snapshot = f.snapshot ?? false
      var lead = try f.lead(id: id, at: at)
      if snapshot {
        lead.version = try need(f.v, "v")
      } else {
        // A new lead's own moments are its event's; later ones are carried beside it.
        lead.stageEnteredAt = lead.createdAt
        lead.lastActivityAt = lead.createdAt
      }
      return .leadCreated(
        LeadCreated(
          lead: lead, notes: f.notes ?? [], snapshot: snapshot,
          stageEnteredAt: snapshot ? nil : f.stageAt, lastActivityAt: snapshot ? nil : f.activityAt)
      )
    case .leadUpdated:
      return .leadUpdated(
        LeadUpdated(
          lead: try need(f.lead, "lead"), version: try need(f.v, "v"), name: f.name,
          company: f.company, email: f.email, source: f.source, segment: f.segment,
          value: f.valueNumber))
    case .leadScored:
      return .leadScored(
        lead: try need(f.lead, "lead"), version: try need(f.v, "v"),
        score: try need(f.score, "score"))
    case .leadMoved:
      return .leadMoved(
        LeadMoved(
          lead: try need(f.lead, "lead"), version: try need(f.v, "v"),
          from: try stage(f.from, "from"), to: try stage(f.to, "to"), reason: f.reason,
          owner: f.owner, value: f.valueNumber, nextFollowUp: f.followup, takenFrom: f.takenFrom))
    case .leadAssigned:
      return .leadAssigned(
        LeadAssigned(
          lead: try need(f.lead, "lead"), version: try need(f.v, "v"),
          owner: try need(f.owner, "owner"), note: f.note, auto: f.auto ?? false))
    case .noteAdded:
      return .noteAdded(
        lead: try need(f.lead, "lead"), version: try need(f.v, "v"), text: try need(f.text, "text"))
    case .followUpLogged:
      return .followUpLogged(
        lead: try need(f.lead, "lead"), version: try need(f.v, "v"), next: try need(f.next, "next"))
    case .leadOpened:
      return .leadOpened(lead: try need(f.lead, "lead"))
    case .leadReverted:
      let undone = try need(f.undoneType, "undone_type")
      guard let undoneKind = EventKind(rawValue: undone) else {
        throw LineError(message: "unknown event type \"\(undone)\"", column: 0)
      }
      return .leadReverted(
        LeadReverted(
          lead: try need(f.lead, "lead"), version: try need(f.v, "v"),
          undoes: try need(f.undoes, "undoes"), undoneKind: undoneKind,
          undoneAt: try need(f.undoneAt, "undone_at"), restore: try need(f.restore, "restore"),
          removesNote: f.removesNote ?? false))
    case .memberJoined:
      let dept = try need(f.dept, "dept")
      guard let department = Department(rawValue: dept) else {
        throw LineError(message: "unknown department \"\(dept)\"", column: 0)
      }
      let handle = try need(f.handle, "handle")
      return .memberJoined(
        MemberJoined(
          handle: handle, name: f.name ?? handle, department: department,
          capacity: f.capacity ?? nil, lastAssignedAt: f.lastAssigned, email: f.email,
          role: try role(f.role) ?? .member))
    case .memberUpdated:
      return .memberUpdated(
        MemberUpdated(
          handle: try need(f.handle, "handle"), name: f.name, away: f.away, capacity: f.capacity,
          email: f.email, role: try role(f.role)))
    case .memberLeft:
      return .memberLeft(handle: try need(f.handle, "handle"))
    case .targetSet:
      let metricText = try need(f.metric, "metric")
      let periodText = try need(f.period, "period")
      let scopeText = try need(f.scope, "scope")
      guard let metric = Metric(rawValue: metricText) else {
        throw LineError(message: "unknown metric \"\(metricText)\"", column: 0)
      }
      guard let period = Period(periodText) else {
        throw LineError(message: "a bad period \"\(periodText)\"", column: 0)
      }
      guard let scope = Scope(scopeText) else {
        throw LineError(message: "a bad scope \"\(scopeText)\"", column: 0)
      }
      return .targetSet(
        Target(
          metric: metric, period: period, scope: scope, value: try need(f.valueNumber, "value")))
    case .settingChanged:
      return .settingChanged(key: try need(f.key, "key"), value: try need(f.valueText, "value"))
    }
  }
}

/// The fields of one JSON object of the log, as read; which are required depends on
/// the event type.
struct LineFields {
  var seq: Int64?
  var at: Timestamp?
  var actor: String?
  var type: String?
  var lead: Int?
  var id: Int?
  var v: Int?
  var name: String?
  var company: String?
  var email: String?
  var source: String?
  var segment: String?
  var score: Int?
  var valueNumber: Int64?
  var valueText: String?
  var stage: String?
  /// Absent: nil; present as null: `.some(nil)`.
  var owner: String??
  var created: Timestamp?
  var stageAt: Timestamp?
  var activityAt: Timestamp?
  var followup: Timestamp?
  var reason: String?
  var recycled: Recycling?
  var by: String?
  var handedOffBy: String?
  var unseen: Bool?
  var changedBy: String?
  var change: String?
  var notes: [Note]?
  var snapshot: Bool?
  var from: String?
  var to: String?
  var next: Timestamp?
  var note: String?
  var auto: Bool?
  var text: String?
  var undoes: Int64?
  var undoneType: String?
  var undoneAt: Timestamp?
  var removesNote: Bool?
  var restore: Lead?
  var handle: String?
  var dept: String?
  var capacity: Int??
  var away: Bool?
  var lastAssigned: Timestamp?
  var role: String?
  var takenFrom: String?
  var metric: String?
  var period: String?
  var scope: String?
  var key: String?

  mutating func read(_ reader: inout JSONReader) throws(LineError) {
    try reader.object { (key, r) throws(LineError) in
      guard let key else { return try r.skipValue() }
      try self.read(key, &r)
    }
  }

  private mutating func read(_ key: LogKey, _ r: inout JSONReader) throws(LineError) {
    switch key {
    case .seq: seq = try r.integer()
    case .at: at = try r.timestamp()
    case .actor: actor = try r.string()
    case .type: type = try r.string()
    case .lead: lead = try r.int()
    case .id: id = try r.int()
    case .v: v = try r.int()
    case .name: name = try r.string()
    case .company: company = try r.string()
    case .email: email = try r.string()
    case .source: source = try r.string()
    case .segment: segment = try r.string()
    case .score: score = try r.int()
    case .value:
      r.skipSpace()
      if r.take(UInt8(ascii: "\"")) {
        r.rewindOne()
        valueText = try r.string()
      } else {
        valueNumber = try r.integer()
      }
    case .stage: stage = try r.string()
    case .owner: owner = r.null() ? .some(nil) : .some(try r.string())
    case .created: created = try r.timestamp()
    case .stageAt: stageAt = try r.timestamp()
    case .activityAt: activityAt = try r.timestamp()
    case .followup: followup = r.null() ? nil : try r.timestamp()
    case .reason: reason = r.null() ? nil : try r.string()
    case .recycled: recycled = r.null() ? nil : try LineFields.recycling(&r)
    case .by: by = try r.string()
    case .handedOffBy: handedOffBy = r.null() ? nil : try r.string()
    case .unseen: unseen = try r.bool()
    case .changedBy: changedBy = try r.string()
    case .change: change = try r.string()
    case .notes: notes = try LineFields.notes(&r)
    case .snapshot: snapshot = try r.bool()
    case .from: from = try r.string()
    case .to: to = try r.string()
    case .next: next = try r.timestamp()
    case .note: note = r.null() ? nil : try r.string()
    case .auto: auto = try r.bool()
    case .text: text = try r.string()
    case .undoes: undoes = try r.integer()
    case .undoneType: undoneType = try r.string()
    case .undoneAt: undoneAt = try r.timestamp()
    case .removesNote: removesNote = try r.bool()
    case .restore:
      var inner = LineFields()
      try inner.read(&r)
      guard let id = inner.id else { throw r.fail("a restore without \"id\"") }
      var lead = try inner.lead(id: id, at: Timestamp(milliseconds: 0))
      lead.version = inner.v ?? lead.version
      restore = lead
    case .handle: handle = try r.string()
    case .dept: dept = try r.string()
    case .capacity: capacity = r.null() ? .some(nil) : .some(try r.int())
    case .away: away = try r.bool()
    case .lastAssigned: lastAssigned = try r.timestamp()
    case .role: role = try r.string()
    case .takenFrom: takenFrom = try r.string()
    case .active, .joined: try r.skipValue()
    case .metric: metric = try r.string()
    case .period: period = try r.string()
    case .scope: scope = try r.string()
    case .key: self.key = try r.string()
    }
  }

  private static func recycling(_ r: inout JSONReader) throws(LineError) -> Recycling {
    var inner = LineFields()
    try inner.read(&r)
    guard let reason = inner.reason, let by = inner.by, let at = inner.at,
      let from = inner.from.flatMap(Stage.init(rawValue:))
    else { throw r.fail("\"recycled\" needs reason, by, at and from") }
    return Recycling(reason: reason, by: by, at: at, from: from)
  }

  private static func notes(_ r: inout JSONReader) throws(LineError) -> [Note] {
    var list: [Note] = []
    try r.array { (r) throws(LineError) in
      var inner = LineFields()
      try inner.read(&r)
      guard let at = inner.at, let by = inner.by, let text = inner.text else {
        throw r.fail("a note needs at, by and text")
      }
      list.append(Note(at: at, author: by, text: text))
    }
    return list
  }

  /// The lead these fields describe; times default to `at` (a new lead's event time).
  func lead(id: Int, at: Timestamp) throws(LineError) -> Lead {
    guard let name, let company, let source else {
      throw LineError(message: "a lead needs name, company and source", column: 0)
    }
    var stageValue = Stage.new
    if let stage {
      guard let known = Stage(rawValue: stage) else {
        throw LineError(message: "unknown stage \"\(stage)\"", column: 0)
      }
      stageValue = known
    }
    var change = ChangeSummary.created
    if let text = self.change {
      guard let decoded = ChangeCode.decode(text) else {
        throw LineError(message: "unknown change \"\(text)\"", column: 0)
      }
      change = decoded
    }
    let createdAt = created ?? at
    return Lead(
      id: id, name: name, company: company, email: email ?? "", source: source,
      segment: segment ?? "", score: score ?? 0, value: valueNumber ?? 0, stage: stageValue,
      owner: owner ?? nil, createdAt: createdAt, stageEnteredAt: stageAt ?? createdAt,
      lastActivityAt: activityAt ?? createdAt, nextFollowUp: followup, reason: reason,
      recycled: recycled, handedOffBy: handedOffBy, unseenByOwner: unseen ?? false,
      version: v ?? 1, lastChangedBy: changedBy ?? "", lastChange: change)
  }
}
