import HandoffText

/// Planning: what an action would append, checked against the current state, or why
/// it is refused. Reads the pipeline; changes nothing (the store appends and folds).
package struct Planner {
  /// The state actions are checked against.
  package let pipeline: Pipeline

  /// A planner on `pipeline`'s current state.
  package init(_ pipeline: Pipeline) { self.pipeline = pipeline }

  /// The event an action would append, checked against the current state; or the
  /// reason it is refused. `ifVersion` is the lead's version the actor saw: if the
  /// lead has changed since, the action is refused with what changed and who did it.
  /// `overrides` are what the actor has confirmed (taking a lead, assigning anyway).
  ///
  /// Only members of the team write (except while the team is still empty, so that
  /// someone can add the first members); each does their department's part of the
  /// handoff, managers either.
  package func plan(
    _ command: Command, by actor: String, at now: Timestamp, ifVersion: Int? = nil,
    overriding overrides: Overrides = []
  ) throws(ModelError) -> EventBody {
    try Validate.actor(actor)
    let acting = try member(acting: actor)
    if let id = command.leadID {
      let lead = try existingLead(id)
      if let expected = ifVersion, expected != lead.version {
        throw .staleVersion(
          lead: id, expected: expected, current: lead.version,
          change: lead.describeLastChange(now: now))
      }
      return try planLeadCommand(
        command, lead: lead, actor: actor, acting: acting, now: now, overrides: overrides)
    }
    switch command {
    case .addLead(let new):
      return try planNewLead(new, actor: actor, now: now, overrides: overrides)
    case .addMember(let handle, let name, let department, let capacity, let email, let role):
      try Validate.handle(handle)
      if let m = pipeline.member(handle), m.active { throw .memberExists(handle) }
      let display = try Validate.text(name ?? handle, field: "name", limit: FieldLimits.name)
      if let capacity { try Validate.capacity(capacity) }
      let address = try email.map { (e) throws(ModelError) in try memberEmail(e, for: handle) }
      return .memberJoined(
        MemberJoined(
          handle: handle, name: display, department: department, capacity: capacity,
          email: address.flatMap { $0.isEmpty ? nil : $0 }, role: role))
    case .updateMember(let handle, let away, let capacity, let name, let email, let role):
      let m = try activeMember(handle)
      var change = MemberUpdated(handle: handle)
      if let away, away != m.away { change.away = away }
      if let capacity, capacity != m.capacity {
        if let c = capacity { try Validate.capacity(c) }
        change.capacity = .some(capacity)
      }
      if let name {
        let display = try Validate.text(name, field: "name", limit: FieldLimits.name)
        if display != m.name { change.name = display }
      }
      if let email {
        let address = try memberEmail(email, for: handle)
        if address != (m.email ?? "") { change.email = address }
      }
      if let role, role != m.role { change.role = role }
      guard
        change.away != nil || change.capacity != nil || change.name != nil || change.email != nil
          || change.role != nil
      else {
        throw .nothingChanged("\(handle) already has those settings")
      }
      return .memberUpdated(change)
    case .removeMember(let handle):
      _ = try activeMember(handle)
      return .memberLeft(handle: handle)
    case .setTarget(let target):
      guard target.value >= 0, target.value <= FieldLimits.maxValue else {
        throw .invalidValue(
          field: "target", value: String(target.value), expected: "a number from 0 up")
      }
      if case .member(let h) = target.scope, pipeline.member(h) == nil { throw .unknownMember(h) }
      return .targetSet(target)
    case .setSetting(let key, let value):
      var copy = pipeline.settings
      try copy.set(key, to: value, zones: pipeline.zones)
      guard copy != pipeline.settings else { throw .nothingChanged("\(key) is already \(value)") }
      return .settingChanged(key: key, value: value)
    default:
      throw .nothingChanged("no lead named")
    }
  }

  /// A member's e-mail, validated, and no other active member's (case-insensitive): an
  /// owner an imported file names by e-mail must be one member. Empty clears it.
  private func memberEmail(_ raw: String, for handle: String) throws(ModelError) -> String {
    let address = try Validate.email(raw)
    guard !address.isEmpty else { return address }
    let folded = address.lowercased()
    if let other = pipeline.members.first(where: {
      $0.active && $0.handle != handle && $0.email?.lowercased() == folded
    }) {
      throw .invalidValue(
        field: "email", value: address,
        expected: "an address no other member has (\(other.handle) has it)")
    }
    return address
  }

  /// The member acting, checked: on the team and not gone. Nil while the team has no
  /// active member, when anyone may write (to add the first members).
  package func member(acting actor: String) throws(ModelError) -> Member? {
    let team = pipeline.members
    guard team.contains(where: \.active) else { return nil }
    guard let m = pipeline.member(actor) else {
      throw .notAMember(
        actor,
        nearest: Suggestion.nearest(
          to: actor.lowercased(), in: team.filter(\.active).map(\.handle)))
    }
    guard m.active else { throw .memberInactive(actor) }
    return m
  }

  private func existingLead(_ id: Int) throws(ModelError) -> Lead {
    guard let lead = pipeline.lead(id) else { throw .unknownLead(id) }
    return lead
  }

  private func activeMember(_ handle: String) throws(ModelError) -> Member {
    guard let m = pipeline.member(handle) else { throw .unknownMember(handle) }
    guard m.active else { throw .memberInactive(handle) }
    return m
  }

  /// A member who may be given a lead in a stage: on the team, right department, and
  /// (unless forced) not away and below their capacity.
  private func assignee(_ handle: String, for stage: Stage, overrides: Overrides)
    throws(ModelError) -> Member
  {
    let m = try activeMember(handle)
    guard m.department == stage.ownerDepartment else {
      throw .wrongDepartment(
        handle: handle, department: m.department, stage: stage, needed: stage.ownerDepartment)
    }
    guard !overrides.contains(.force) else { return m }
    guard !m.away else { throw .memberAway(handle) }
    if let capacity = m.capacity {
      let load = pipeline.load(of: handle)
      guard load < capacity else {
        throw .atCapacity(handle: handle, load: load, capacity: capacity)
      }
    }
    return m
  }

  private func planNewLead(_ new: NewLead, actor: String, now: Timestamp, overrides: Overrides)
    throws(ModelError) -> EventBody
  {
    let name = try Validate.text(new.name, field: "name", limit: FieldLimits.name)
    let company = try Validate.text(
      new.company, field: "company", limit: FieldLimits.name, allowEmpty: true)
    let email = try Validate.email(new.email)
    let source = try Validate.label(new.source, field: "source", allowEmpty: false)
    let segment = try Validate.label(new.segment, field: "segment", allowEmpty: true)
    try Validate.score(new.score)
    try Validate.value(new.value)
    if let owner = new.owner { _ = try assignee(owner, for: .new, overrides: overrides) }
    let lead = Lead(
      id: pipeline.nextLeadID, name: name, company: company, email: email, source: source,
      segment: segment,
      score: new.score, value: new.value, stage: .new, owner: new.owner, createdAt: now,
      unseenByOwner: new.owner != nil && new.owner != actor, version: 1, lastChangedBy: actor)
    return .leadCreated(LeadCreated(lead: lead))
  }

  /// The event a lead command would append to `lead` as given (not as the state holds
  /// it): for planning several changes to one lead in a row, as an import does, each on
  /// the lead the one before leaves. The actor must be on the team, but an import
  /// brings another system's state as it stands: the departments' parts of the handoff
  /// and taking leads from their owners do not apply.
  package func plan(_ command: Command, on lead: Lead, by actor: String, at now: Timestamp)
    throws(ModelError) -> EventBody
  {
    try Validate.actor(actor)
    _ = try member(acting: actor)
    return try planLeadCommand(
      command, lead: lead, actor: actor, acting: nil, now: now, overrides: [])
  }

  private func planLeadCommand(
    _ command: Command, lead: Lead, actor: String, acting: Member?, now: Timestamp,
    overrides: Overrides
  ) throws(ModelError) -> EventBody {
    func move(_ to: Stage, reason: String?, value: Int64? = nil) throws(ModelError) -> EventBody {
      try planMove(
        lead, to: to, reason: reason, value: value, actor: actor, acting: acting, now: now,
        overrides: overrides)
    }
    let id = lead.id
    let next = lead.version + 1
    switch command {
    case .updateLead(_, let edit):
      var e = LeadUpdated(lead: id, version: next)
      if let v = edit.name {
        let t = try Validate.text(v, field: "name", limit: FieldLimits.name)
        if t != lead.name { e.name = t }
      }
      if let v = edit.company {
        let t = try Validate.text(v, field: "company", limit: FieldLimits.name, allowEmpty: true)
        if t != lead.company { e.company = t }
      }
      if let v = edit.email {
        let t = try Validate.email(v)
        if t != lead.email { e.email = t }
      }
      if let v = edit.source {
        let t = try Validate.label(v, field: "source", allowEmpty: false)
        if t != lead.source { e.source = t }
      }
      if let v = edit.segment {
        let t = try Validate.label(v, field: "segment", allowEmpty: true)
        if t != lead.segment { e.segment = t }
      }
      if let v = edit.value {
        try Validate.value(v)
        if v != lead.value { e.value = v }
      }
      guard !e.isEmpty else { throw .nothingChanged("\(id) already has those values") }
      return .leadUpdated(e)
    case .score(_, let score):
      try Validate.score(score)
      guard score != lead.score else { throw .nothingChanged("\(id) already scores \(score)") }
      return .leadScored(lead: id, version: next, score: score)
    case .move(_, let to, let reason, let value):
      return try move(to, reason: reason, value: value)
    case .moveForward(_, let reason):
      guard let to = lead.stage.forward else { throw .noForwardMove(lead: id, stage: lead.stage) }
      return try move(to, reason: reason)
    case .moveBackward(_, let reason):
      guard let to = lead.stage.backward else { throw .noBackwardMove(lead: id, stage: lead.stage) }
      return try move(to, reason: reason)
    case .handOff:
      return try move(.queued, reason: nil)
    case .accept:
      return try move(.accepted, reason: nil)
    case .reject(_, let reason):
      guard lead.stage == .queued || lead.stage == .accepted else {
        throw .illegalMove(lead: id, from: lead.stage, to: .nurturing)
      }
      return try move(.nurturing, reason: reason)
    case .won(_, let value):
      return try move(.won, reason: nil, value: value)
    case .lost(_, let reason):
      return try move(.lost, reason: reason)
    case .assign(_, let handle, let note):
      let note = try note.map { (n: String) throws(ModelError) in
        try Validate.text(n, field: "note", limit: FieldLimits.note, multiline: true)
      }
      guard let handle else {
        guard lead.owner != nil else { throw .nothingChanged("\(id) has no owner") }
        return .leadAssigned(LeadAssigned(lead: id, version: next, owner: nil, note: note))
      }
      guard handle != lead.owner else { throw .alreadyOwner(lead: id, handle: handle) }
      _ = try assignee(handle, for: lead.stage, overrides: overrides)
      return .leadAssigned(LeadAssigned(lead: id, version: next, owner: handle, note: note))
    case .autoAssign:
      let m = try AutoAssign(pipeline).leastLoaded(for: lead)
      return .leadAssigned(LeadAssigned(lead: id, version: next, owner: m.handle, auto: true))
    case .note(_, let text):
      let t = try Validate.text(text, field: "note", limit: FieldLimits.note, multiline: true)
      return .noteAdded(lead: id, version: next, text: t)
    case .followUp(_, let nextDue):
      guard lead.stage == .won else { throw .notACustomer(lead: id, stage: lead.stage) }
      let due = nextDue ?? now + .days(Int64(pipeline.settings.followUpDays))
      guard due > now else {
        throw .invalidValue(field: "next", value: due.iso8601, expected: "a date after now")
      }
      return .followUpLogged(lead: id, version: next, next: due)
    case .open:
      guard lead.owner == actor, lead.unseenByOwner else {
        throw .nothingChanged("\(id) is not new to you")
      }
      return .leadOpened(lead: id)
    case .addLead, .addMember, .updateMember, .removeMember, .setTarget, .setSetting:
      throw .nothingChanged("not a lead action")
    }
  }

  private func planMove(
    _ lead: Lead, to: Stage, reason: String?, value: Int64?, actor: String, acting: Member?,
    now: Timestamp, overrides: Overrides
  ) throws(ModelError) -> EventBody {
    let id = lead.id
    let from = lead.stage
    guard from != to else { throw .sameStage(lead: id, stage: from) }
    guard from.canMove(to: to) else { throw .illegalMove(lead: id, from: from, to: to) }
    let duty = Duty(from: from, to: to)
    if let duty, let acting, !acting.may(duty) {
      throw .notTheirDuty(handle: actor, department: acting.department, duty: duty)
    }
    // Accepting, winning or losing someone else's lead takes it from them, and only
    // when the actor says so.
    var takenFrom: String?
    if let duty, duty == .accept || duty == .close, let owner = lead.owner, owner != actor,
      acting != nil, pipeline.member(owner)?.active == true
    {
      guard overrides.contains(.take) else {
        throw .ownedByOther(lead: id, owner: owner, duty: duty)
      }
      guard acting?.department == to.ownerDepartment else {
        throw .wrongDepartment(
          handle: actor, department: acting?.department ?? .marketing, stage: to,
          needed: to.ownerDepartment)
      }
      takenFrom = owner
    }
    var reasonText: String?
    if let reason, !reason.allSatisfy(\.isWhitespace) {
      reasonText = try Validate.text(reason, field: "reason", limit: FieldLimits.reason)
    }
    if from.requiresReason(to: to), reasonText == nil {
      throw .reasonRequired(lead: id, from: from, to: to)
    }
    if let value {
      guard to == .won else {
        throw .invalidValue(
          field: "value", value: String(value), expected: "a value only when winning")
      }
      try Validate.value(value)
    }
    let owner = takenFrom != nil ? actor : try ownerAfterMove(lead, to: to, actor: actor)
    let changesOwner = owner != lead.owner
    return .leadMoved(
      LeadMoved(
        lead: id, version: lead.version + 1, from: from, to: to, reason: reasonText,
        owner: changesOwner ? .some(owner) : nil, value: value,
        nextFollowUp: to == .won ? now + .days(Int64(pipeline.settings.followUpDays)) : nil,
        takenFrom: takenFrom))
  }

  /// Who owns a lead after a move: sales reps keep deals, accepted leads go to their
  /// assigned rep (else to the sales member accepting), leads sent back go to the
  /// marketer who handed them off, and an owner from the wrong department is cleared.
  private func ownerAfterMove(_ lead: Lead, to: Stage, actor: String) throws(ModelError) -> String?
  {
    let from = lead.stage
    func usable(_ handle: String?, in department: Department) -> String? {
      guard let handle, let m = pipeline.member(handle), m.active, m.department == department else {
        return nil
      }
      return handle
    }
    switch (from, to) {
    case (_, .queued):
      return nil
    case (.queued, .accepted):
      if let owner = usable(lead.owner, in: .sales) { return owner }
      if usable(actor, in: .sales) != nil { return actor }
      throw .needsOwner(
        lead: lead.id,
        why: "has no sales owner: assign a rep first (a), or accept it as a member of sales")
    case _ where from.recycles(to: to):
      return usable(lead.handedOffBy, in: .marketing)
    default:
      return usable(lead.owner, in: to.ownerDepartment)
    }
  }
}
