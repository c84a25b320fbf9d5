import HandoffModel

/// What an import will do to the store: the leads to create, the changes to existing
/// leads, and how many rows change nothing.
///
/// Rows are matched with each other and with the store's leads by e-mail (trimmed,
/// case-insensitive), or by name and company for leads without one. A repeat further
/// down the file merges into the first (later values win); a row for an existing lead
/// changes only what the file says and what differs.
package struct ImportPlan: Sendable {
  /// A change to an existing lead.
  package struct Update: Sendable, Hashable {
    /// The row it comes from.
    package var line: Int
    /// The lead as it stands.
    package var lead: Lead
    /// Contact fields and value that differ.
    package var edit: LeadEdit
    /// A new score.
    package var score: Int?
    /// The stages to move through, in order (empty: the stage stays).
    package var moves: [Stage]
    /// The reason for a move that needs one.
    package var reason: String?
    /// A new owner (`.some(nil)`: unassigned).
    package var owner: String??

    /// Whether the update changes nothing.
    package var isEmpty: Bool {
      edit == LeadEdit() && score == nil && moves.isEmpty && owner == nil
    }
  }

  /// A stage a file gives that the import leaves as it is.
  package struct KeptStage: Sendable, Hashable {
    package var line: Int
    package var lead: Int
    package var stage: Stage
    package var fileStage: Stage
  }

  /// Leads to create, in file order.
  package var creations: [ImportedLead] = []
  /// Changes to existing leads, in file order.
  package var updates: [Update] = []
  /// Rows for existing leads that change nothing.
  package var unchanged = 0
  /// Existing leads whose stage is ahead of the file's, or out of its reach.
  package var keptStages: [KeptStage] = []
  /// Rows merged into an earlier row for the same person: (later line, earlier line).
  package var merged: [(line: Int, into: Int)] = []
  /// An owner the file gives who cannot own the lead in the stage it ends in.
  package struct SkippedOwner: Sendable, Hashable {
    package var line: Int
    package var handle: String
    package var stage: Stage
    package var why: Why

    /// Why the owner is not given.
    package enum Why: Sendable, Hashable {
      /// The member has left the team.
      case left
      /// The member is away: nobody is given new leads while away.
      case away
      /// The member is in the other department.
      case otherDepartment
    }
  }

  /// Owners not given: a new lead goes in unassigned, an existing one keeps its owner.
  package var skippedOwners: [SkippedOwner] = []

  /// Plans `rows` (valid, in file order) against the store's leads. The rows are taken,
  /// not copied: repeats merge into their first row where it stands.
  package init(rows: consuming [ImportedLead], baseline: ImportBaseline) {
    var rows = rows
    // Repeats within the file merge into their first row.
    var firstRow: [MatchKey: Int] = [:]
    firstRow.reserveCapacity(rows.count)
    // The rows that are not repeats (positions in `rows`), and each one's key, folded
    // once (merged repeats share it).
    var unique: [Int] = []
    unique.reserveCapacity(rows.count)
    var keys: [MatchKey?] = []
    keys.reserveCapacity(rows.count)
    for i in rows.indices {
      guard let key = rows[i].matchKey else {
        unique.append(i)
        keys.append(nil)
        continue
      }
      if let at = firstRow[key] {
        let later = rows[i]
        merged.append((later.line, rows[at].line))
        rows[at].merge(later)
      } else {
        firstRow[key] = i
        unique.append(i)
        keys.append(key)
      }
    }
    // The store's leads by key and id, as positions in `baseline.leads` (not copies of
    // 100,000 leads).
    let leads = baseline.leads
    var existing: [MatchKey: Int] = [:]
    existing.reserveCapacity(leads.count)
    var byID: [Int: Int] = [:]
    let idsInFile = unique.contains { rows[$0].id != nil }
    for (index, lead) in leads.enumerated() {
      // Two leads with one e-mail: the oldest is the one imports update.
      let key = MatchKey(lead)
      if existing[key] == nil { existing[key] = index }
      if idsInFile { byID[lead.id] = index }
    }
    /// The store's lead a row is: by a Handoff export's id when that lead has the row's
    /// e-mail (a re-import of the store's own export), else by e-mail, else by name and
    /// company.
    func match(_ row: ImportedLead, key: MatchKey?) -> Int? {
      guard let id = row.id else {
        // Without an id the row's key is already the e-mail or name it matches by.
        return key.flatMap { existing[$0] }
      }
      if let index = byID[id], case let lead = leads[index],
        MatchKey.fold(lead.email) == MatchKey.fold(row.email ?? ""),
        !lead.email.isEmpty || MatchKey.fold(lead.name) == MatchKey.fold(row.name ?? "")
      {
        return index
      }
      var plain = row
      plain.id = nil
      return plain.matchKey.flatMap { existing[$0] }
    }
    let members = Dictionary(
      baseline.members.map { ($0.handle, $0) }, uniquingKeysWith: { a, _ in a })
    // Matched first, so the leads to create are counted before they are copied.
    let matches = unique.indices.map { match(rows[unique[$0]], key: keys[$0]) }
    creations.reserveCapacity(matches.count { $0 == nil })
    for (n, i) in unique.enumerated() {
      guard let index = matches[n] else {
        var row = rows[i]
        if let owner = row.owner, let handle = owner,
          let skipped = check(handle, line: row.line, stage: row.stage ?? .new, members: members)
        {
          skippedOwners.append(skipped)
          row.owner = .some(nil)
        }
        creations.append(row)
        continue
      }
      let update = plan(rows[i], for: leads[index], members: members)
      if update.isEmpty { unchanged += 1 } else { updates.append(update) }
    }
  }

  /// What a row changes on an existing lead.
  private mutating func plan(_ row: ImportedLead, for lead: Lead, members: [String: Member])
    -> Update
  {
    var edit = LeadEdit()
    if let v = row.name, v != lead.name { edit.name = v }
    if let v = row.company, v != lead.company { edit.company = v }
    // Only the case differs (they matched): the address as the team wrote it stays.
    if let v = row.email, v != lead.email, MatchKey.fold(v) != MatchKey.fold(lead.email) {
      edit.email = v
    }
    if let v = row.source, v != lead.source { edit.source = v }
    if let v = row.segment, v != lead.segment { edit.segment = v }
    if let v = row.value, v != lead.value { edit.value = v }
    var update = Update(
      line: row.line, lead: lead, edit: edit,
      score: row.score.flatMap { $0 == lead.score ? nil : $0 },
      moves: [])
    var stage = lead.stage
    if let target = row.stage, target != lead.stage {
      if let path = StagePath.forward(from: lead.stage, to: target) {
        update.moves = path
        stage = target
        if path.contains(where: { $0 == .lost || $0 == .disqualified }) {
          update.reason = row.reason ?? "imported as \(target.rawValue)"
        }
      } else {
        keptStages.append(
          KeptStage(line: row.line, lead: lead.id, stage: lead.stage, fileStage: target))
      }
    }
    if let owner = row.owner, owner != lead.owner {
      if let handle = owner,
        let skipped = check(handle, line: row.line, stage: stage, members: members)
      {
        skippedOwners.append(skipped)
      } else {
        update.owner = .some(owner)
      }
    }
    return update
  }

  /// Why `handle` may not be given a lead in `stage` (the team's rules for any
  /// assignment), or nil when they may.
  private func check(_ handle: String, line: Int, stage: Stage, members: [String: Member])
    -> SkippedOwner?
  {
    func skipped(_ why: SkippedOwner.Why) -> SkippedOwner {
      SkippedOwner(line: line, handle: handle, stage: stage, why: why)
    }
    guard let member = members[handle], member.active else { return skipped(.left) }
    if member.department != stage.ownerDepartment { return skipped(.otherDepartment) }
    if member.away { return skipped(.away) }
    return nil
  }
}
