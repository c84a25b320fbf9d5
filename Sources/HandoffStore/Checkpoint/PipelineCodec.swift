import HandoffModel

/// A pipeline's state in a compact binary form, and back: the checkpoint's payload, so a
/// large log need not be replayed from its first event at every start. Bytes out, bytes
/// in; where they live and whether they still match the log is the store's business.
enum PipelineCodec {
  /// The format of the bytes; a checkpoint of another version is ignored and rebuilt.
  static let version = 3

  /// The state as bytes.
  static func encode(_ pipeline: Pipeline) -> [UInt8] {
    let state = pipeline.contents
    var w = BinaryWriter()
    w.count(version)
    w.int64(state.lastSeq)
    w.count(state.eventCount)
    w.count(state.nextLeadID)
    for key in Settings.keys { w.string(state.settings.value(of: key) ?? "") }
    w.count(state.members.count)
    for m in state.members {
      w.string(m.handle)
      w.string(m.name)
      w.bool(m.department == .sales)
      w.bool(m.active)
      w.bool(m.away)
      w.optionalInt64(m.capacity.map(Int64.init))
      w.int64(m.joinedAt.milliseconds)
      w.optionalInt64(m.lastAssignedAt?.milliseconds)
      w.optionalString(m.email)
      w.bool(m.role == .manager)
    }
    w.count(state.targets.count)
    for (key, value) in state.targets {
      w.string(key.metric.rawValue)
      w.string(key.period.description)
      w.string(key.scope.description)
      w.int64(value)
    }
    w.count(state.leads.count)
    for lead in state.leads { write(lead, into: &w) }
    w.count(state.notes.count)
    for (id, notes) in state.notes {
      w.count(id)
      w.count(notes.count)
      for note in notes {
        w.int64(note.at.milliseconds)
        w.string(note.author)
        w.string(note.text)
      }
    }
    w.count(state.series.count)
    for (key, s) in state.series {
      write(key, into: &w)
      w.bool(key.tracksAmounts)
      w.raw(s.minutes)
      w.raw(s.runningTotals)
    }
    w.raw(state.acceptances.map(\.at))
    w.raw(state.acceptances.map(\.seconds))
    return w.bytes
  }

  /// The state the bytes hold, folded on `zones` (the ones it was made with), or nil
  /// when they are not a valid checkpoint.
  static func decode(_ bytes: UnsafeRawBufferPointer, zones: any ZoneDatabase) -> PipelineFold? {
    var r = BinaryReader(bytes)
    guard r.count() == version, let lastSeq = r.int64(), let eventCount = r.count(),
      let nextLeadID = r.count()
    else { return nil }
    var settings = Settings()
    for key in Settings.keys {
      guard let value = r.string() else { return nil }
      do { try settings.set(key, to: value, zones: zones) } catch { return nil }
    }
    guard let memberCount = r.count() else { return nil }
    var members: [Member] = []
    for _ in 0..<memberCount {
      guard let handle = r.string(), let name = r.string(), let sales = r.bool(),
        let active = r.bool(), let away = r.bool(), let capacity = r.optionalInt64(),
        let joined = r.int64(), let lastAssigned = r.optionalInt64(),
        let email = r.optionalString(), let manager = r.bool()
      else { return nil }
      members.append(
        Member(
          handle: handle, name: name, department: sales ? .sales : .marketing, active: active,
          away: away, capacity: capacity.map { Int($0) }, joinedAt: Timestamp(milliseconds: joined),
          lastAssignedAt: lastAssigned.map { Timestamp(milliseconds: $0) }, email: email,
          role: manager ? .manager : .member))
    }
    guard let targetCount = r.count() else { return nil }
    var targets: [TargetKey: Int64] = [:]
    for _ in 0..<targetCount {
      guard let metric = r.string().flatMap(Metric.init(rawValue:)),
        let period = r.string().flatMap({ Period($0) }),
        let scope = r.string().flatMap({ Scope($0) }),
        let value = r.int64()
      else { return nil }
      targets[TargetKey(metric: metric, period: period, scope: scope)] = value
    }
    guard let leadCount = r.count() else { return nil }
    var leads: [Lead] = []
    leads.reserveCapacity(leadCount)
    for _ in 0..<leadCount {
      guard let lead = read(&r) else { return nil }
      leads.append(lead)
    }
    guard let notedLeads = r.count() else { return nil }
    var notesByLead: [Int: [Note]] = [:]
    for _ in 0..<notedLeads {
      guard let id = r.count(), let n = r.count() else { return nil }
      var notes: [Note] = []
      for _ in 0..<n {
        guard let at = r.int64(), let author = r.string(), let text = r.string() else { return nil }
        notes.append(Note(at: Timestamp(milliseconds: at), author: author, text: text))
      }
      notesByLead[id] = notes
    }
    guard let seriesCount = r.count() else { return nil }
    var series: [SeriesKey: TimeSeries] = [:]
    for _ in 0..<seriesCount {
      guard let key = readSeriesKey(&r), let amounts = r.bool(), let minutes = r.raw(Int32.self),
        let totals = r.raw(Int64.self)
      else { return nil }
      series[key] = TimeSeries(minutes: minutes, totals: totals, tracksAmounts: amounts)
    }
    guard let at = r.raw(Int32.self), let seconds = r.raw(Int32.self), at.count == seconds.count,
      r.atEnd
    else { return nil }
    let contents = PipelineContents(
      lastSeq: lastSeq, eventCount: eventCount, nextLeadID: nextLeadID, settings: settings,
      members: members, targets: targets, leads: leads, notes: notesByLead, series: series,
      acceptances: zip(at, seconds).map { (at: $0, seconds: $1) })
    // The leads' storage is handed over, not copied: one copy of them at a time.
    leads = []
    return PipelineFold(restoring: contents, zones: zones)
  }

  private static func write(_ lead: Lead, into w: inout BinaryWriter) {
    w.count(lead.id)
    w.string(lead.name)
    w.string(lead.company)
    w.string(lead.email)
    w.string(lead.source)
    w.string(lead.segment)
    w.count(lead.score)
    w.int64(lead.value)
    w.count(lead.stage.ordinal)
    w.optionalString(lead.owner)
    w.int64(lead.createdAt.milliseconds)
    w.int64(lead.stageEnteredAt.milliseconds)
    w.int64(lead.lastActivityAt.milliseconds)
    w.optionalInt64(lead.nextFollowUp?.milliseconds)
    w.optionalString(lead.reason)
    w.bool(lead.recycled != nil)
    if let r = lead.recycled {
      w.string(r.reason)
      w.string(r.by)
      w.int64(r.at.milliseconds)
      w.count(r.from.ordinal)
    }
    w.optionalString(lead.handedOffBy)
    w.bool(lead.unseenByOwner)
    w.count(lead.version)
    w.string(lead.lastChangedBy)
    switch lead.lastChange {
    case .created: w.count(0)
    case .updated: w.count(1)
    case .scored(let s):
      w.count(2)
      w.count(s)
    case .moved(let stage):
      w.count(3)
      w.count(stage.ordinal)
    case .assigned(let owner):
      w.count(4)
      w.optionalString(owner)
    case .noted: w.count(5)
    case .followedUp: w.count(6)
    case .reverted: w.count(7)
    }
  }

  private static func read(_ r: inout BinaryReader) -> Lead? {
    guard let id = r.count(), let name = r.string(), let company = r.string(),
      let email = r.string(), let source = r.string(), let segment = r.string(),
      let score = r.count(), let value = r.int64(), let stage = stageAt(r.count()),
      let owner = r.optionalString(), let created = r.int64(), let entered = r.int64(),
      let activity = r.int64(), let followUp = r.optionalInt64(), let reason = r.optionalString(),
      let recycledPresent = r.bool()
    else { return nil }
    var recycled: Recycling?
    if recycledPresent {
      guard let why = r.string(), let by = r.string(), let at = r.int64(),
        let from = stageAt(r.count())
      else { return nil }
      recycled = Recycling(reason: why, by: by, at: Timestamp(milliseconds: at), from: from)
    }
    guard let handedOffBy = r.optionalString(), let unseen = r.bool(), let version = r.count(),
      let changedBy = r.string(), let tag = r.count()
    else { return nil }
    let change: ChangeSummary
    switch tag {
    case 0: change = .created
    case 1: change = .updated
    case 2:
      guard let s = r.count() else { return nil }
      change = .scored(s)
    case 3:
      guard let s = stageAt(r.count()) else { return nil }
      change = .moved(s)
    case 4:
      guard let owner = r.optionalString() else { return nil }
      change = .assigned(owner)
    case 5: change = .noted
    case 6: change = .followedUp
    case 7: change = .reverted
    default: return nil
    }
    return Lead(
      id: id, name: name, company: company, email: email, source: source, segment: segment,
      score: score, value: value, stage: stage, owner: owner,
      createdAt: Timestamp(milliseconds: created), stageEnteredAt: Timestamp(milliseconds: entered),
      lastActivityAt: Timestamp(milliseconds: activity),
      nextFollowUp: followUp.map { Timestamp(milliseconds: $0) }, reason: reason,
      recycled: recycled, handedOffBy: handedOffBy, unseenByOwner: unseen, version: version,
      lastChangedBy: changedBy, lastChange: change)
  }

  private static func stageAt(_ ordinal: Int?) -> Stage? {
    guard let ordinal, Stage.allCases.indices.contains(ordinal) else { return nil }
    return Stage.allCases[ordinal]
  }

  private static func write(_ key: SeriesKey, into w: inout BinaryWriter) {
    switch key {
    case .team(let metric):
      w.count(0)
      w.string(metric.rawValue)
    case .member(let metric, let handle):
      w.count(1)
      w.string(metric.rawValue)
      w.string(handle)
    case .rejected: w.count(2)
    case .lost: w.count(3)
    case .churned: w.count(4)
    case .source(let source):
      w.count(5)
      w.string(source)
    }
  }

  private static func readSeriesKey(_ r: inout BinaryReader) -> SeriesKey? {
    switch r.count() {
    case 0: return r.string().flatMap(Metric.init(rawValue:)).map { .team($0) }
    case 1:
      guard let metric = r.string().flatMap(Metric.init(rawValue:)), let handle = r.string() else {
        return nil
      }
      return .member(metric, handle)
    case 2: return .rejected
    case 3: return .lost
    case 4: return .churned
    case 5: return r.string().map { .source($0) }
    default: return nil
    }
  }
}
